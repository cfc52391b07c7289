import type { DeclaredDependency, ManifestParseResult } from '../model';
import { directoryOf, joinPath, selfAndAncestors } from '../paths';
import type { RepositoryFiles } from '../repositoryFiles';
import { LineFinder, isRecord } from './textPositions';
import { elementsOf, parseXmlDocument, textOf } from './xmlDocuments';

interface PackageItem {
  name: string;
  version?: string;
  privateAssets?: string;
  line?: number;
  entry?: string;
}

/** An MSBuild file (project, `Directory.Build.props`, `Directory.Packages.props`) as written. */
interface MsBuildFile {
  properties: Record<string, string>;
  /** `PackageReference` items (and `packages.config` entries). */
  references: PackageItem[];
  /** Central versions: `PackageVersion` items, by lower-case package id. */
  centralVersions: Map<string, string>;
  problem?: string;
}

const EMPTY: MsBuildFile = {
  properties: {},
  references: [],
  centralVersions: new Map(),
};

function attribute(
  element: Record<string, unknown>,
  name: string,
): string | undefined {
  const value = element[`@${name}`];
  return typeof value === 'string' ? value : undefined;
}

function itemsOf(
  groups: Record<string, unknown>[],
  element: string,
  lines: LineFinder,
): PackageItem[] {
  const items: PackageItem[] = [];
  for (const group of groups) {
    for (const item of elementsOf(group[element])) {
      const name = attribute(item, 'Include') ?? attribute(item, 'Update');
      if (!name) {
        continue;
      }
      const version =
        attribute(item, 'VersionOverride') ??
        attribute(item, 'Version') ??
        textOf(item.VersionOverride) ??
        textOf(item.Version);
      const line = lines.lineOf([`"${name}"`]);
      items.push({
        name,
        version,
        privateAssets:
          attribute(item, 'PrivateAssets') ?? textOf(item.PrivateAssets),
        line,
        entry: lines.textOf(line),
      });
    }
  }
  return items;
}

function readMsBuildFile(path: string, content: string): MsBuildFile {
  const { document, problem } = parseXmlDocument(path, content);
  if (!document) {
    return { ...EMPTY, problem };
  }
  const lines = new LineFinder(content);
  if (isRecord(document.packages)) {
    const references = elementsOf(document.packages.package).flatMap(item => {
      const name = attribute(item, 'id');
      return name
        ? [
            {
              name,
              version: attribute(item, 'version'),
              line: lines.lineOf([`"${name}"`]),
            },
          ]
        : [];
    });
    return { ...EMPTY, references };
  }
  const project = document.Project;
  if (!isRecord(project)) {
    return { ...EMPTY, problem: `${path}: no <Project> element` };
  }
  const properties: Record<string, string> = {};
  for (const group of elementsOf(project.PropertyGroup)) {
    for (const [name, value] of Object.entries(group)) {
      const text = textOf(value);
      if (!name.startsWith('@') && text !== undefined) {
        properties[name] = text;
      }
    }
  }
  const itemGroups = elementsOf(project.ItemGroup);
  const centralVersions = new Map<string, string>();
  for (const item of itemsOf(itemGroups, 'PackageVersion', lines)) {
    if (item.version) {
      centralVersions.set(item.name.toLowerCase(), item.version);
    }
  }
  return {
    properties,
    references: itemsOf(itemGroups, 'PackageReference', lines),
    centralVersions,
  };
}

function msBuildFileAt(
  path: string,
  files: RepositoryFiles,
): MsBuildFile | undefined {
  const content = files.content(path);
  return content === undefined
    ? undefined
    : files.memo(`msbuild:${path}`, () => readMsBuildFile(path, content));
}

/** The nearest `name` file at or above `directory`, as MSBuild imports `Directory.*.props`. */
function nearestFile(directory: string, name: string, files: RepositoryFiles) {
  for (const candidate of selfAndAncestors(directory)) {
    const file = msBuildFileAt(joinPath(candidate, name), files);
    if (file) {
      return file;
    }
  }
  return undefined;
}

function expandProperties(
  text: string,
  properties: Record<string, string>,
): string {
  return text.replace(
    /\$\(([\w.]+)\)/g,
    (reference, name: string) => properties[name] ?? reference,
  );
}

/**
 * The packages an MSBuild file references. Projects take versions from
 * `VersionOverride`/`Version`, else from the nearest
 * `Directory.Packages.props` (central package management), and properties
 * from the nearest `Directory.Build.props`. Test projects, and assets marked
 * `PrivateAssets="all"`, count as development only.
 */
export function readMsBuildDependencies(
  path: string,
  files: RepositoryFiles,
): ManifestParseResult {
  const file = msBuildFileAt(path, files);
  if (!file) {
    return { dependencies: [] };
  }
  if (file.problem) {
    return { dependencies: [], problem: file.problem };
  }
  const directory = directoryOf(path);
  const buildProps = path.endsWith('Directory.Build.props')
    ? undefined
    : nearestFile(directory, 'Directory.Build.props', files);
  const central = nearestFile(directory, 'Directory.Packages.props', files);
  const properties = {
    ...buildProps?.properties,
    ...central?.properties,
    ...file.properties,
  };
  const isTestProject =
    /^true$/i.test(properties.IsTestProject ?? '') ||
    file.references.some(
      reference => reference.name === 'Microsoft.NET.Test.Sdk',
    );
  const dependencies: DeclaredDependency[] = file.references.map(reference => {
    const declared =
      reference.version ??
      central?.centralVersions.get(reference.name.toLowerCase());
    const interpolated = declared && expandProperties(declared, properties);
    return {
      ecosystem: 'nuget' as const,
      name: reference.name,
      declared,
      interpolated: interpolated !== declared ? interpolated : undefined,
      direct: true,
      developmentOnly:
        isTestProject || /^all$/i.test(reference.privateAssets ?? ''),
      evidence: { path, line: reference.line, entry: reference.entry },
    };
  });
  return { dependencies };
}

/** Problems of an MSBuild file read only for what it lends others (`Directory.Packages.props`). */
export function msBuildFileProblem(
  path: string,
  files: RepositoryFiles,
): string | undefined {
  return msBuildFileAt(path, files)?.problem;
}

/** Paths of the projects a Visual Studio solution lists, relative to the repository. */
export function parseSolutionProjects(path: string, content: string): string[] {
  const projects: string[] = [];
  for (const match of content.matchAll(
    /^Project\("\{[^}]*\}"\)\s*=\s*"[^"]*"\s*,\s*"([^"]+\.(?:cs|fs|vb)proj)"/gm,
  )) {
    projects.push(joinPath(directoryOf(path), match[1].replace(/\\/g, '/')));
  }
  return projects;
}
