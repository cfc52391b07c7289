import type { DeclaredDependency, ManifestParseResult } from '../model';
import { directoryOf, joinPath, selfAndAncestors } from '../paths';
import type { RepositoryFiles } from '../repositoryFiles';
import { escapeRegExp } from '../names';
import { LineFinder, isRecord, stringOf } from './textPositions';
import { parseTomlDocument } from './tomlDocuments';

interface CargoDocument {
  document?: Record<string, unknown>;
  problem?: string;
}

function cargoDocument(path: string, files: RepositoryFiles): CargoDocument {
  const content = files.content(path);
  if (content === undefined) {
    return {};
  }
  return files.memo(`cargo:${path}`, () => parseTomlDocument(path, content));
}

/** `[workspace]` members and exclusions of a Cargo workspace root (globs, relative to it). */
export function cargoWorkspaceMembers(
  path: string,
  files: RepositoryFiles,
): { members: string[]; exclude: string[] } {
  const workspace = cargoDocument(path, files).document?.workspace;
  const listOf = (value: unknown) =>
    Array.isArray(value)
      ? value.filter((item): item is string => typeof item === 'string')
      : [];
  return isRecord(workspace)
    ? { members: listOf(workspace.members), exclude: listOf(workspace.exclude) }
    : { members: [], exclude: [] };
}

/** `[workspace.dependencies]` of the nearest Cargo workspace root above a crate. */
function workspaceDependencies(
  directory: string,
  files: RepositoryFiles,
): Record<string, unknown> {
  for (const candidate of selfAndAncestors(directory)) {
    const workspace = cargoDocument(joinPath(candidate, 'Cargo.toml'), files)
      .document?.workspace;
    if (isRecord(workspace) && isRecord(workspace.dependencies)) {
      return workspace.dependencies;
    }
  }
  return {};
}

/** Dependency tables of a manifest and whether they only serve development or the build. */
function dependencyTables(
  document: Record<string, unknown>,
): Array<[unknown, boolean]> {
  const tables: Array<[unknown, boolean]> = [
    [document.dependencies, false],
    [document['dev-dependencies'], true],
    [document['build-dependencies'], true],
  ];
  if (isRecord(document.target)) {
    for (const target of Object.values(document.target)) {
      if (isRecord(target)) {
        tables.push(
          [target.dependencies, false],
          [target['dev-dependencies'], true],
        );
      }
    }
  }
  return tables;
}

/**
 * Reads a `Cargo.toml`: `[dependencies]`, `[dev-dependencies]`,
 * `[build-dependencies]` and per-target tables, following renames
 * (`package = "..."`) and `workspace = true` inheritance.
 */
export function readCargoDependencies(
  path: string,
  files: RepositoryFiles,
): ManifestParseResult {
  const { document, problem } = cargoDocument(path, files);
  if (!document) {
    return { dependencies: [], problem };
  }
  const lines = new LineFinder(files.content(path) ?? '');
  const inherited = workspaceDependencies(directoryOf(path), files);
  const dependencies: DeclaredDependency[] = [];
  for (const [table, developmentOnly] of dependencyTables(document)) {
    if (!isRecord(table)) {
      continue;
    }
    for (const [key, value] of Object.entries(table)) {
      const specification =
        isRecord(value) && value.workspace === true
          ? {
              ...(isRecord(inherited[key])
                ? inherited[key]
                : { version: inherited[key] }),
              ...value,
            }
          : value;
      const name = isRecord(specification)
        ? stringOf(specification.package) ?? key
        : key;
      const declared = isRecord(specification)
        ? stringOf(specification.version)
        : stringOf(specification);
      const line = lines.lineMatching(
        new RegExp(
          `^\\s*["']?${escapeRegExp(
            key,
          )}["']?\\s*=|dependencies\\.${escapeRegExp(key)}\\]`,
        ),
      );
      dependencies.push({
        ecosystem: 'cargo',
        name,
        declared,
        direct: true,
        developmentOnly,
        evidence: { path, line, entry: lines.textOf(line) },
      });
    }
  }
  return { dependencies };
}
