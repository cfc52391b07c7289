import type { DeclaredDependency, ManifestParseResult } from '../model';
import { directoryOf, joinPath, resolvePath } from '../paths';
import type { RepositoryFiles } from '../repositoryFiles';
import { LineFinder, isRecord } from './textPositions';
import { elementsOf, parseXmlDocument, textOf } from './xmlDocuments';

interface PomDependency {
  groupId: string;
  artifactId: string;
  version?: string;
  scope?: string;
  line?: number;
  entry?: string;
}

/** One POM as written, before inheritance. */
export interface PomModel {
  groupId?: string;
  artifactId?: string;
  version?: string;
  parent?: { version?: string; relativePath: string };
  properties: Record<string, string>;
  /** `groupId:artifactId` to version as written in `<dependencyManagement>`. */
  managedVersions: Record<string, string>;
  dependencies: PomDependency[];
  /** `<modules>` entries, including those of profiles. */
  modules: string[];
  problem?: string;
}

const EMPTY_POM: PomModel = {
  properties: {},
  managedVersions: {},
  dependencies: [],
  modules: [],
};

/** Blanks out an element's content (keeping line breaks) so line lookups skip it. */
function withoutElement(content: string, element: string): string {
  return content.replace(
    new RegExp(`<${element}[\\s>][\\s\\S]*?</${element}>`, 'g'),
    block => block.replace(/[^\n]/g, ' '),
  );
}

function readProperties(value: unknown): Record<string, string> {
  const properties: Record<string, string> = {};
  if (isRecord(value)) {
    for (const [name, property] of Object.entries(value)) {
      const text = textOf(property);
      if (text !== undefined) {
        properties[name] = text;
      }
    }
  }
  return properties;
}

function readDependencies(
  container: unknown,
  lines: LineFinder,
): PomDependency[] {
  if (!isRecord(container)) {
    return [];
  }
  let searchFrom = 1;
  const dependencies: PomDependency[] = [];
  for (const element of elementsOf(container.dependency)) {
    const groupId = textOf(element.groupId);
    const artifactId = textOf(element.artifactId);
    if (!groupId || !artifactId) {
      continue;
    }
    const line = lines.lineOf(
      [`<artifactId>${artifactId}</artifactId>`],
      searchFrom,
    );
    searchFrom = (line ?? searchFrom) + 1;
    dependencies.push({
      groupId,
      artifactId,
      version: textOf(element.version),
      scope: textOf(element.scope),
      line,
      entry: `${groupId}:${artifactId}${
        textOf(element.version) ? `:${textOf(element.version)}` : ''
      }`,
    });
  }
  return dependencies;
}

function modulesOf(container: unknown): string[] {
  if (!isRecord(container)) {
    return [];
  }
  const modules = Array.isArray(container.module)
    ? container.module
    : [container.module];
  return modules.filter(
    (module): module is string => typeof module === 'string',
  );
}

/** Reads one POM on its own. */
function parsePom(path: string, content: string): PomModel {
  const { document, problem } = parseXmlDocument(path, content);
  if (!document) {
    return { ...EMPTY_POM, problem };
  }
  const project = document.project;
  if (!isRecord(project)) {
    return { ...EMPTY_POM, problem: `${path}: no <project> element` };
  }
  const projectLevel = new LineFinder(
    ['dependencyManagement', 'build', 'profiles', 'reporting'].reduce(
      withoutElement,
      content,
    ),
  );
  const everywhere = new LineFinder(content);
  const managedVersions: Record<string, string> = {};
  const management = isRecord(project.dependencyManagement)
    ? project.dependencyManagement.dependencies
    : undefined;
  for (const managed of readDependencies(management, everywhere)) {
    if (managed.version) {
      managedVersions[`${managed.groupId}:${managed.artifactId}`] =
        managed.version;
    }
  }
  const dependencies = readDependencies(project.dependencies, projectLevel);
  const modules = modulesOf(project.modules);
  for (const profile of elementsOf(
    isRecord(project.profiles) ? project.profiles.profile : undefined,
  )) {
    dependencies.push(...readDependencies(profile.dependencies, everywhere));
    modules.push(...modulesOf(profile.modules));
  }
  const parent = isRecord(project.parent) ? project.parent : undefined;
  return {
    groupId: textOf(project.groupId),
    artifactId: textOf(project.artifactId),
    version: textOf(project.version),
    parent: parent && {
      version: textOf(parent.version),
      relativePath: textOf(parent.relativePath) ?? '../pom.xml',
    },
    properties: readProperties(project.properties),
    managedVersions,
    dependencies,
    modules,
  };
}

/** The POM at `path`, parsed once per scan. */
export function readPom(
  path: string,
  files: RepositoryFiles,
): PomModel | undefined {
  const content = files.content(path);
  if (content === undefined) {
    return undefined;
  }
  return files.memo(`pom:${path}`, () => parsePom(path, content));
}

/** Path of the parent POM inside the repository, if the POM names one there. */
function parentPomPath(path: string, pom: PomModel): string | undefined {
  const relativePath = pom.parent?.relativePath;
  if (!relativePath) {
    return undefined;
  }
  const target = resolvePath(directoryOf(path), relativePath);
  if (target === undefined) {
    return undefined;
  }
  return target.endsWith('.xml') ? target : joinPath(target, 'pom.xml');
}

interface EffectivePom {
  properties: Record<string, string>;
  managedVersions: Record<string, string>;
}

/**
 * Properties and managed versions after inheritance from parent POMs that are
 * in the repository (parents from a registry, such as Spring Boot's, are not).
 */
function effectivePom(
  path: string,
  files: RepositoryFiles,
  depth = 0,
): EffectivePom {
  const pom = readPom(path, files);
  if (!pom) {
    return { properties: {}, managedVersions: {} };
  }
  const parentPath = parentPomPath(path, pom);
  const inherited =
    parentPath && parentPath !== path && depth < 10
      ? effectivePom(parentPath, files, depth + 1)
      : { properties: {}, managedVersions: {} };
  const version = pom.version ?? pom.parent?.version;
  const builtIn: Record<string, string> = {};
  for (const [name, value] of Object.entries({
    'project.version': version,
    'project.groupId': pom.groupId,
    'project.artifactId': pom.artifactId,
    'project.parent.version': pom.parent?.version,
    'parent.version': pom.parent?.version,
    version,
  })) {
    if (value !== undefined) {
      builtIn[name] = value;
    }
  }
  return {
    properties: { ...inherited.properties, ...pom.properties, ...builtIn },
    managedVersions: { ...inherited.managedVersions, ...pom.managedVersions },
  };
}

/** Replaces `${name}` references, following references inside property values. */
function interpolateProperties(
  text: string,
  properties: Record<string, string>,
): string {
  let result = text;
  for (let pass = 0; pass < 10 && result.includes('${'); pass++) {
    const next = result.replace(/\$\{([^}]+)\}/g, (reference, name: string) =>
      properties[name] !== undefined ? properties[name] : reference,
    );
    if (next === result) {
      break;
    }
    result = next;
  }
  return result;
}

/** The dependencies of a POM, with versions from properties and `<dependencyManagement>` of its in-repository parents. */
export function readPomDependencies(
  path: string,
  files: RepositoryFiles,
): ManifestParseResult {
  const pom = readPom(path, files);
  if (!pom) {
    return { dependencies: [] };
  }
  if (pom.problem) {
    return { dependencies: [], problem: pom.problem };
  }
  const { properties, managedVersions } = effectivePom(path, files);
  const dependencies: DeclaredDependency[] = pom.dependencies.map(
    dependency => {
      const groupId = interpolateProperties(dependency.groupId, properties);
      const artifactId = interpolateProperties(
        dependency.artifactId,
        properties,
      );
      const declared =
        dependency.version ?? managedVersions[`${groupId}:${artifactId}`];
      const interpolated =
        declared === undefined
          ? undefined
          : interpolateProperties(declared, properties);
      return {
        ecosystem: 'maven' as const,
        name: `${groupId}:${artifactId}`,
        declared,
        interpolated: interpolated !== declared ? interpolated : undefined,
        direct: true,
        developmentOnly: dependency.scope === 'test',
        evidence: { path, line: dependency.line, entry: dependency.entry },
      };
    },
  );
  return { dependencies };
}
