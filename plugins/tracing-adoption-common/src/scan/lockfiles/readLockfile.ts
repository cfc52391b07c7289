import type { RepositoryFileType } from '../fileTypes';
import type { LockfileParseResult } from '../model';
import type { RepositoryFiles } from '../repositoryFiles';
import { parsePackageLock, parsePnpmLock, parseYarnLock } from './npmLockfiles';
import {
  parseComposerLock,
  parseGemfileLock,
  parsePipfileLock,
  parseTomlPackageLock,
} from './simpleLockfiles';

function parseLockfile(
  path: string,
  type: RepositoryFileType,
  content: string,
): LockfileParseResult {
  switch (type) {
    case 'package-lock.json':
    case 'npm-shrinkwrap.json':
      return parsePackageLock(path, content);
    case 'yarn.lock':
      return parseYarnLock(path, content);
    case 'pnpm-lock.yaml':
      return parsePnpmLock(path, content);
    case 'Pipfile.lock':
      return parsePipfileLock(path, content);
    case 'poetry.lock':
    case 'uv.lock':
      return parseTomlPackageLock(path, content, 'pypi');
    case 'Cargo.lock':
      return parseTomlPackageLock(path, content, 'cargo');
    case 'Gemfile.lock':
      return parseGemfileLock(path, content);
    case 'composer.lock':
      return parseComposerLock(path, content);
    default:
      return {};
  }
}

/** The lockfile at `path`, parsed once per scan. */
export function readLockfile(
  path: string,
  type: RepositoryFileType,
  files: RepositoryFiles,
): LockfileParseResult {
  const content = files.content(path);
  if (content === undefined) {
    return {};
  }
  return files.memo(`lockfile:${path}`, () =>
    parseLockfile(path, type, content),
  );
}
