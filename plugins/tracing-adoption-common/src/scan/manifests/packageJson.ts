import type { DeclaredDependency, ManifestParseResult } from '../model';
import { describeParseFailure } from '../model';
import type { RepositoryFiles } from '../repositoryFiles';
import { isRecord, LineFinder } from './textPositions';

export interface PackageJsonManifest extends ManifestParseResult {
  /** Workspace globs (`workspaces` as an array or as `{ packages }`). */
  workspaces: string[];
}

/** Dependency sections and whether they only serve development. Peer dependencies are the host's choice, so they are left out. */
const SECTIONS: Array<[string, boolean]> = [
  ['dependencies', false],
  ['optionalDependencies', false],
  ['devDependencies', true],
];

function workspacesOf(value: unknown): string[] {
  const list = isRecord(value) ? value.packages : value;
  return Array.isArray(list)
    ? list.filter((item): item is string => typeof item === 'string')
    : [];
}

/** Reads an npm / yarn / pnpm `package.json`. */
function parsePackageJson(path: string, content: string): PackageJsonManifest {
  let document: unknown;
  try {
    document = JSON.parse(content);
  } catch (error) {
    return {
      dependencies: [],
      workspaces: [],
      problem: describeParseFailure(path, error, 'JSON'),
    };
  }
  if (!isRecord(document)) {
    return {
      dependencies: [],
      workspaces: [],
      problem: `${path}: not a JSON object`,
    };
  }
  const lines = new LineFinder(content);
  const dependencies: DeclaredDependency[] = [];
  for (const [section, developmentOnly] of SECTIONS) {
    const entries = document[section];
    if (!isRecord(entries)) {
      continue;
    }
    const sectionLine = lines.lineOf([`"${section}"`]);
    for (const [name, range] of Object.entries(entries)) {
      const line = lines.lineOf([`"${name}"`], sectionLine);
      dependencies.push({
        ecosystem: 'npm',
        name,
        declared: typeof range === 'string' ? range : undefined,
        direct: true,
        developmentOnly,
        evidence: { path, line, entry: lines.textOf(line) },
      });
    }
  }
  return { dependencies, workspaces: workspacesOf(document.workspaces) };
}

/** The parsed `package.json` at `path`, parsed once per scan. */
export function readPackageJson(
  path: string,
  files: RepositoryFiles,
): PackageJsonManifest | undefined {
  const content = files.content(path);
  return content === undefined
    ? undefined
    : files.memo(`package-json:${path}`, () => parsePackageJson(path, content));
}
