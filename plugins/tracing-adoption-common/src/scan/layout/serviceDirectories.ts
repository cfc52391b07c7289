import type { RepositoryFileClass, RepositoryFileType } from '../fileTypes';
import { cargoWorkspaceMembers } from '../manifests/cargoManifest';
import { parseSolutionProjects } from '../manifests/dotnetProjects';
import { parseGoWork } from '../manifests/goModules';
import { parseGradleSettingsIncludes } from '../manifests/gradleSettings';
import { readPom } from '../manifests/mavenPom';
import { readPackageJson } from '../manifests/packageJson';
import { readPnpmWorkspace } from '../manifests/pnpmWorkspace';
import {
  baseNameOf,
  directoryOf,
  isWithin,
  joinPath,
  relativeTo,
  selfAndAncestors,
} from '../paths';
import type { RepositoryFiles } from '../repositoryFiles';
import { compileWorkspaceGlobs } from './workspaceGlobs';

/**
 * Files that describe a build or package of their own directory. Version
 * catalogs, `gradle.properties` and `Directory.*.props` only lend settings
 * to builds around them, so they make no service directory.
 */
const ANCHORING_TYPES = new Set<RepositoryFileType>([
  'package.json',
  'pnpm-workspace.yaml',
  'go.mod',
  'go.work',
  'pom.xml',
  'build.gradle',
  'build.gradle.kts',
  'settings.gradle',
  'settings.gradle.kts',
  'requirements.txt',
  'pyproject.toml',
  'Pipfile',
  'Gemfile',
  'msbuild-project',
  'packages.config',
  'solution',
  'Cargo.toml',
  'composer.json',
]);

/** .NET repositories keep projects under these folders, with the solution and Dockerfile above them. */
const DOTNET_PROJECT_FOLDERS = new Set(['src', 'test', 'tests']);

/** How the repository divides into service directories. */
export interface ServiceLayout {
  /** Service directories, sorted, `''` for the root. */
  directories: string[];
  /** The service directory a file belongs to. */
  ownerOf(path: string): string;
  /** Roots of multi-module builds and workspaces, whose lockfiles also serve their members. */
  aggregatorDirectories: ReadonlySet<string>;
}

/**
 * The directory that stands for a .NET project: the directory of a solution
 * listing it, else the folder above a `src`/`test`/`tests` folder holding it,
 * else its own directory.
 */
function dotnetAnchor(
  projectPath: string,
  solutionDirectoryOf: Map<string, string>,
): string {
  const listed = solutionDirectoryOf.get(projectPath);
  if (listed !== undefined) {
    return listed;
  }
  const segments = directoryOf(projectPath).split('/');
  const folder = segments.findIndex(segment =>
    DOTNET_PROJECT_FOLDERS.has(segment.toLowerCase()),
  );
  return folder === -1
    ? directoryOf(projectPath)
    : segments.slice(0, folder).join('/');
}

function anchorOf(
  path: string,
  fileClass: RepositoryFileClass,
  solutionDirectoryOf: Map<string, string>,
): string {
  if (
    fileClass.type === 'msbuild-project' ||
    fileClass.type === 'packages.config'
  ) {
    return dotnetAnchor(path, solutionDirectoryOf);
  }
  const directory = directoryOf(path);
  // requirements/base.txt belongs to the project above the requirements folder.
  if (
    fileClass.type === 'requirements.txt' &&
    baseNameOf(directory) === 'requirements'
  ) {
    return directoryOf(directory);
  }
  return directory;
}

interface Aggregator {
  directory: string;
  /** Whether a manifest directory is one of its members. */
  members: (anchor: string) => boolean;
  /** Workspaces keep members that deploy on their own as separate services; builds never do. */
  style: 'build' | 'workspace';
}

function aggregatorsOf(files: RepositoryFiles): Aggregator[] {
  const aggregators: Aggregator[] = [];
  const directoryMembers = (directory: string, members: string[]) => {
    const set = new Set(members.map(member => joinPath(directory, member)));
    return (anchor: string) => set.has(anchor);
  };
  const globMembers = (directory: string, patterns: string[]) => {
    const matches = compileWorkspaceGlobs(patterns);
    return (anchor: string) =>
      anchor !== directory &&
      isWithin(directory, anchor) &&
      matches(relativeTo(directory, anchor));
  };
  for (const path of files.ofType('settings.gradle', 'settings.gradle.kts')) {
    const directory = directoryOf(path);
    const includes = parseGradleSettingsIncludes(
      path,
      files.content(path) ?? '',
    );
    aggregators.push({
      directory,
      members: directoryMembers(directory, includes),
      style: 'build',
    });
  }
  for (const path of files.ofType('pom.xml')) {
    const modules = readPom(path, files)?.modules ?? [];
    if (modules.length > 0) {
      const directory = directoryOf(path);
      const moduleDirectories = modules.map(module =>
        module.replace(/\/?pom\.xml$/, ''),
      );
      aggregators.push({
        directory,
        members: directoryMembers(directory, moduleDirectories),
        style: 'build',
      });
    }
  }
  for (const path of files.ofType('package.json')) {
    const workspaces = readPackageJson(path, files)?.workspaces ?? [];
    if (workspaces.length > 0) {
      aggregators.push({
        directory: directoryOf(path),
        members: globMembers(directoryOf(path), workspaces),
        style: 'workspace',
      });
    }
  }
  for (const path of files.ofType('pnpm-workspace.yaml')) {
    const { packages } = readPnpmWorkspace(path, files);
    aggregators.push({
      directory: directoryOf(path),
      members: globMembers(directoryOf(path), packages),
      style: 'workspace',
    });
  }
  for (const path of files.ofType('go.work')) {
    const directory = directoryOf(path);
    aggregators.push({
      directory,
      members: directoryMembers(
        directory,
        parseGoWork(files.content(path) ?? ''),
      ),
      style: 'workspace',
    });
  }
  for (const path of files.ofType('Cargo.toml')) {
    const { members, exclude } = cargoWorkspaceMembers(path, files);
    if (members.length > 0) {
      const patterns = [...members, ...exclude.map(excluded => `!${excluded}`)];
      aggregators.push({
        directory: directoryOf(path),
        members: globMembers(directoryOf(path), patterns),
        style: 'workspace',
      });
    }
  }
  return aggregators;
}

/**
 * Divides a repository into service directories:
 *
 * - Every directory holding a build or package manifest is a service
 *   directory ...
 * - ... unless it is a sub-module of a build around it: Gradle projects
 *   included by a settings script and Maven `<modules>` fold into the build's
 *   root (one build, one deployable), .NET projects into their solution's
 *   directory or the folder above `src`/`test`.
 * - Members of package-manager workspaces (npm/yarn/pnpm workspaces, Go
 *   `go.work`, Cargo workspaces) fold into the workspace root too, except
 *   members with a Dockerfile, Procfile, compose or Kubernetes file of
 *   their own: those deploy separately and stay service directories.
 * - Any other file belongs to the nearest service directory above it, or to
 *   the repository root.
 */
export function resolveServiceLayout(files: RepositoryFiles): ServiceLayout {
  const solutionDirectoryOf = new Map<string, string>();
  for (const path of files.ofType('solution')) {
    for (const project of parseSolutionProjects(
      path,
      files.content(path) ?? '',
    )) {
      solutionDirectoryOf.set(project, directoryOf(path));
    }
  }
  const anchors = new Set<string>();
  for (const [path, fileClass] of files.classes) {
    if (ANCHORING_TYPES.has(fileClass.type)) {
      anchors.add(anchorOf(path, fileClass, solutionDirectoryOf));
    }
  }
  const anchorList = [...anchors];
  const deployingDirectories = [...files.classes]
    .filter(([, fileClass]) => fileClass.role === 'deployment')
    .map(([path]) => directoryOf(path));
  const foldInto = new Map<string, string>();
  const aggregators = aggregatorsOf(files);
  for (const aggregator of aggregators) {
    for (const anchor of anchorList) {
      if (anchor === aggregator.directory || !aggregator.members(anchor)) {
        continue;
      }
      const deploysOnItsOwn = deployingDirectories.some(directory =>
        isWithin(anchor, directory),
      );
      if (aggregator.style === 'build' || !deploysOnItsOwn) {
        foldInto.set(anchor, aggregator.directory);
      }
    }
  }
  const resolve = (anchor: string): string => {
    let current = anchor;
    const seen = new Set<string>();
    while (foldInto.has(current) && !seen.has(current)) {
      seen.add(current);
      current = foldInto.get(current)!;
    }
    return current;
  };
  const directories = new Set(anchorList.map(resolve));
  const ownerOf = (path: string) => {
    const anchor = selfAndAncestors(directoryOf(path)).find(directory =>
      anchors.has(directory),
    );
    return anchor === undefined ? '' : resolve(anchor);
  };
  return {
    directories: [...directories].sort(),
    ownerOf,
    aggregatorDirectories: new Set(
      aggregators.map(aggregator => aggregator.directory),
    ),
  };
}
