import { parse as parseYaml } from 'yaml';
import { describeParseFailure } from '../model';
import type { RepositoryFiles } from '../repositoryFiles';
import { isRecord } from './textPositions';

/** Package globs of a `pnpm-workspace.yaml`, or why it could not be read. */
function parsePnpmWorkspace(
  path: string,
  content: string,
): { packages: string[]; problem?: string } {
  try {
    const document: unknown = parseYaml(content, { logLevel: 'error' });
    const packages = isRecord(document) ? document.packages : undefined;
    return {
      packages: Array.isArray(packages)
        ? packages.filter((item): item is string => typeof item === 'string')
        : [],
    };
  } catch (error) {
    return { packages: [], problem: describeParseFailure(path, error, 'YAML') };
  }
}

/** The `pnpm-workspace.yaml` at `path`, parsed once per scan. */
export function readPnpmWorkspace(
  path: string,
  files: RepositoryFiles,
): { packages: string[]; problem?: string } {
  return files.memo(`pnpm-workspace:${path}`, () =>
    parsePnpmWorkspace(path, files.content(path) ?? ''),
  );
}
