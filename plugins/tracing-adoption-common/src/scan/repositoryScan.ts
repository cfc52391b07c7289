import { analyzeDockerfile } from './deployment/dockerfileAnalysis';
import { analyzeProcfile } from './deployment/procfileAnalysis';
import { compileRuntimeRules, RuntimeRules } from './deployment/runtimeRules';
import { analyzeDeploymentYaml } from './deployment/yamlDeploymentAnalysis';
import type { RepositoryFileClass, RepositoryFileType } from './fileTypes';
import { environmentFindings, FindingFactory } from './findings/findingFactory';
import {
  applyAutoInstrumentation,
  compareFindings,
  summarize,
  withoutDuplicates,
} from './findings/serviceSummary';
import type { ServiceLayout } from './layout/serviceDirectories';
import {
  createLibraryClassifier,
  LibraryClassifier,
} from './libraryClassifier';
import { readLockfile } from './lockfiles/readLockfile';
import { readManifest } from './manifests/readManifest';
import { createMinimumVersionLookup } from './minimumVersions';
import type { DeploymentObservations, ParsedLockfile } from './model';
import { firstLineOf } from './model';
import { normalizePackageName } from './names';
import { directoryOf, relativeTo, selfAndAncestors } from './paths';
import type { RepositoryFiles } from './repositoryFiles';
import type { DetectionSettings } from './settings';
import {
  CodeImportDetector,
  createCodeImportDetector,
} from './source/codeImports';
import { detectFlowIdPropagation, LexedFile } from './source/flowIdDetection';
import { languageOfFile, languagesOf } from './source/languages';
import { lexSource } from './source/sourceLexer';
import type {
  ScanEcosystem,
  ScanFinding,
  ScannedFile,
  ScanProblem,
  ServiceDirectoryScan,
} from './types';

/** Lockfiles by ecosystem, most authoritative first where a directory has several. */
const LOCKFILE_TYPES: Partial<Record<ScanEcosystem, RepositoryFileType[]>> = {
  npm: [
    'package-lock.json',
    'npm-shrinkwrap.json',
    'pnpm-lock.yaml',
    'yarn.lock',
  ],
  pypi: ['poetry.lock', 'uv.lock', 'Pipfile.lock'],
  rubygems: ['Gemfile.lock'],
  cargo: ['Cargo.lock'],
  composer: ['composer.lock'],
};

interface ServiceAccumulator {
  path: string;
  manifests: ScannedFile[];
  manifestTypes: RepositoryFileType[];
  findings: ScanFinding[];
  sources: LexedFile[];
  filePaths: string[];
}

interface LockfileUse {
  path: string;
  ecosystem: ScanEcosystem;
  lockfile: ParsedLockfile;
  /** Normalised names of the dependencies manifests resolved through it. */
  declared: Set<string>;
}

/** One scan's state: the files, their layout, the compiled settings and what was found so far. */
export class RepositoryScan {
  private readonly services = new Map<string, ServiceAccumulator>();
  private readonly lockfileUses = new Map<string, LockfileUse>();
  private readonly lockfilesByDirectory = new Map<
    string,
    Array<[string, RepositoryFileType]>
  >();
  readonly problems: ScanProblem[] = [];
  private readonly classify: LibraryClassifier;
  private readonly runtimeRules: RuntimeRules;
  private readonly factory: FindingFactory;
  private readonly detectCodeImports: CodeImportDetector;
  private readonly lockfileLookups = new Map<
    string,
    ReturnType<RepositoryScan['findLockfile']>
  >();

  constructor(
    private readonly files: RepositoryFiles,
    private readonly layout: ServiceLayout,
    private readonly settings: DetectionSettings,
  ) {
    this.classify = createLibraryClassifier(settings);
    this.runtimeRules = compileRuntimeRules(settings, this.classify);
    this.factory = new FindingFactory(createMinimumVersionLookup(settings));
    this.detectCodeImports = createCodeImportDetector(settings);
    for (const directory of layout.directories) {
      this.service(directory);
    }
    for (const [path, fileClass] of files.classes) {
      if (fileClass.role === 'lockfile') {
        const list = this.lockfilesByDirectory.get(directoryOf(path)) ?? [];
        list.push([path, fileClass.type]);
        this.lockfilesByDirectory.set(directoryOf(path), list);
      }
    }
  }

  private service(directory: string): ServiceAccumulator {
    let service = this.services.get(directory);
    if (!service) {
      service = {
        path: directory,
        manifests: [],
        manifestTypes: [],
        findings: [],
        sources: [],
        filePaths: [],
      };
      this.services.set(directory, service);
    }
    return service;
  }

  private ownerOf(path: string): ServiceAccumulator {
    return this.service(this.layout.ownerOf(path));
  }

  private record(
    path: string,
    fileClass: RepositoryFileClass,
    problem: string | undefined,
  ) {
    const owner = this.ownerOf(path);
    owner.manifests.push({
      path,
      type: fileClass.type,
      role: fileClass.role as ScannedFile['role'],
      parsed: problem === undefined,
      ...(problem === undefined ? {} : { problem }),
    });
    owner.manifestTypes.push(fileClass.type);
    if (problem !== undefined) {
      this.problems.push({ path, message: problem });
    }
    return owner;
  }

  /** The nearest lockfile that installs the project in `directory`. */
  private lockfileFor(ecosystem: ScanEcosystem, directory: string) {
    const key = `${ecosystem}\n${directory}`;
    if (!this.lockfileLookups.has(key)) {
      this.lockfileLookups.set(key, this.findLockfile(ecosystem, directory));
    }
    return this.lockfileLookups.get(key);
  }

  private findLockfile(ecosystem: ScanEcosystem, directory: string) {
    const types = LOCKFILE_TYPES[ecosystem];
    if (!types) {
      return undefined;
    }
    for (const candidate of selfAndAncestors(directory)) {
      const available = (this.lockfilesByDirectory.get(candidate) ?? [])
        .filter(([, type]) => types.includes(type))
        .sort((a, b) => types.indexOf(a[1]) - types.indexOf(b[1]));
      if (available.length === 0) {
        continue;
      }
      const [path, type] = available[0];
      const { lockfile } = readLockfile(path, type, this.files);
      const member = relativeTo(candidate, directory);
      const covered =
        member === '' ||
        (lockfile?.covers
          ? lockfile.covers(member)
          : this.layout.aggregatorDirectories.has(candidate));
      if (!lockfile || !covered) {
        return undefined;
      }
      let use = this.lockfileUses.get(path);
      if (!use) {
        use = { path, ecosystem, lockfile, declared: new Set() };
        this.lockfileUses.set(path, use);
      }
      return { use, member };
    }
    return undefined;
  }

  /** Reads one relevant file into the findings of the service directory it belongs to. */
  addFile(path: string, fileClass: RepositoryFileClass) {
    try {
      switch (fileClass.role) {
        case 'manifest':
          this.addManifest(path, fileClass);
          break;
        case 'lockfile':
          this.addLockfile(path, fileClass);
          break;
        case 'deployment':
          this.addDeploymentFile(path, fileClass);
          break;
        default:
          this.addSource(path);
      }
    } catch (error) {
      // Parsers report bad input as problems; this guards the scan against input no test foresaw.
      this.problems.push({
        path,
        message: `${path}: could not be analysed: ${firstLineOf(error)}`,
      });
    }
  }

  private addManifest(path: string, fileClass: RepositoryFileClass) {
    const result = readManifest(path, fileClass.type, this.files);
    const owner = this.record(path, fileClass, result.problem);
    for (const warning of result.warnings ?? []) {
      const known = this.problems.some(
        problem =>
          problem.path === warning.path && problem.message === warning.message,
      );
      if (!known) {
        this.problems.push(warning);
      }
    }
    for (const dependency of result.dependencies) {
      const lock = this.lockfileFor(dependency.ecosystem, directoryOf(path));
      lock?.use.declared.add(
        normalizePackageName(dependency.ecosystem, dependency.name),
      );
      const classification = this.classify(
        dependency.ecosystem,
        dependency.name,
      );
      if (
        !classification ||
        (!dependency.direct && classification.omitWhenTransitive)
      ) {
        continue;
      }
      const locked = lock?.use.lockfile.resolve(
        dependency.name,
        lock.member,
        dependency.declared,
      );
      owner.findings.push(
        this.factory.fromDependency(dependency, classification, locked),
      );
    }
  }

  private addLockfile(path: string, fileClass: RepositoryFileClass) {
    this.record(
      path,
      fileClass,
      readLockfile(path, fileClass.type, this.files).problem,
    );
  }

  private addDeploymentFile(path: string, fileClass: RepositoryFileClass) {
    const content = this.files.content(path) ?? '';
    let observations: DeploymentObservations;
    if (fileClass.type === 'dockerfile') {
      observations = analyzeDockerfile(path, content, this.runtimeRules);
    } else if (fileClass.type === 'procfile') {
      observations = analyzeProcfile(path, content, this.runtimeRules);
    } else {
      observations = analyzeDeploymentYaml(path, content, this.runtimeRules);
    }
    const owner = this.record(path, fileClass, observations.problem);
    owner.findings.push(
      ...observations.attachments.map(observation =>
        this.factory.fromRuntime(observation),
      ),
      ...environmentFindings(
        path,
        observations.variables,
        this.runtimeRules.environment,
      ),
    );
  }

  private addSource(path: string) {
    const content = this.files.content(path) ?? '';
    this.ownerOf(path).sources.push({ path, lexed: lexSource(path, content) });
  }

  /**
   * Packages only a lockfile shows (pulled in by another dependency), for
   * directories that declare nothing of the same kind themselves: an
   * organisation tracer's OpenTelemetry SDK, say.
   */
  addTransitivePackages() {
    for (const use of this.lockfileUses.values()) {
      const owner = this.ownerOf(use.path);
      const seen = new Set<string>();
      for (const locked of use.lockfile.packages) {
        const name = normalizePackageName(use.ecosystem, locked.name);
        if (use.declared.has(name) || seen.has(name)) {
          continue;
        }
        seen.add(name);
        const classification = this.classify(use.ecosystem, locked.name);
        if (!classification || classification.omitWhenTransitive) {
          continue;
        }
        const declaredKind = owner.findings.some(
          finding =>
            finding.how === 'manifest' && finding.kind === classification.kind,
        );
        if (!declaredKind) {
          owner.findings.push(
            this.factory.fromLockedPackage(
              use.ecosystem,
              locked,
              classification,
              use.path,
            ),
          );
        }
      }
    }
  }

  private codeFindings(service: ServiceAccumulator): ScanFinding[] {
    const found = new Map<string, ScanFinding>();
    for (const source of service.sources) {
      for (const { rule, evidence } of this.detectCodeImports(source)) {
        const declared = service.findings.some(
          finding =>
            (finding.how === 'manifest' || finding.how === 'lockfile') &&
            finding.ecosystem === rule.ecosystem &&
            finding.kind === rule.kind,
        );
        if (!declared && !found.has(rule.library)) {
          found.set(
            rule.library,
            this.factory.fromCode(
              rule.library,
              rule.ecosystem,
              rule.kind,
              evidence,
            ),
          );
        }
      }
    }
    return [...found.values()];
  }

  assignLanguages() {
    for (const path of this.files.allPaths) {
      if (!languageOfFile(path)) {
        continue;
      }
      const service = this.services.get(this.layout.ownerOf(path));
      service?.filePaths.push(path);
    }
  }

  results(): ServiceDirectoryScan[] {
    const results: ServiceDirectoryScan[] = [];
    for (const service of [...this.services.values()].sort((a, b) =>
      a.path < b.path ? -1 : 1,
    )) {
      service.sources.sort((a, b) => (a.path < b.path ? -1 : 1));
      const flowIdPropagation = detectFlowIdPropagation(
        service.sources,
        this.settings.flowIdHeaders,
      );
      const findings = applyAutoInstrumentation(
        withoutDuplicates([...service.findings, ...this.codeFindings(service)]),
      ).sort(compareFindings);
      const isEmptyRoot =
        service.path === '' &&
        !this.layout.directories.includes('') &&
        service.manifests.length === 0 &&
        findings.length === 0 &&
        flowIdPropagation.length === 0;
      if (isEmptyRoot) {
        continue;
      }
      results.push({
        path: service.path,
        languages: languagesOf(service.filePaths, service.manifestTypes),
        manifests: service.manifests.sort((a, b) => (a.path < b.path ? -1 : 1)),
        findings,
        flowIdPropagation,
        summary: summarize(findings),
      });
    }
    return results;
  }
}
