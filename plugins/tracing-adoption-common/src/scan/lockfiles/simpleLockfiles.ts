import type { LockedPackage, LockfileParseResult } from '../model';
import { describeParseFailure } from '../model';
import { isRecord, stringOf } from '../manifests/textPositions';
import { parseTomlDocument } from '../manifests/tomlDocuments';
import { flatLockfile } from './flatLockfile';

function parseJson(
  path: string,
  content: string,
): { document?: Record<string, unknown>; problem?: string } {
  try {
    const document: unknown = JSON.parse(content);
    return isRecord(document)
      ? { document }
      : { problem: `${path}: not a JSON object` };
  } catch (error) {
    return { problem: describeParseFailure(path, error, 'JSON') };
  }
}

/** Pipenv `Pipfile.lock` (JSON): `default` and `develop` sections, versions as `==1.2.3`. */
export function parsePipfileLock(
  path: string,
  content: string,
): LockfileParseResult {
  const { document, problem } = parseJson(path, content);
  if (!document) {
    return { problem };
  }
  const packages: LockedPackage[] = [];
  for (const [section, developmentOnly] of [
    ['default', false],
    ['develop', true],
  ] as const) {
    const entries = document[section];
    if (!isRecord(entries)) {
      continue;
    }
    for (const [name, entry] of Object.entries(entries)) {
      const version = isRecord(entry) ? stringOf(entry.version) : undefined;
      if (version) {
        packages.push({
          name,
          version: version.replace(/^===?/, ''),
          developmentOnly,
        });
      }
    }
  }
  return { lockfile: flatLockfile('pypi', packages) };
}

/** `[[package]]` lockfiles in TOML: poetry.lock, uv.lock and Cargo.lock. */
export function parseTomlPackageLock(
  path: string,
  content: string,
  ecosystem: 'pypi' | 'cargo',
): LockfileParseResult {
  const { document, problem } = parseTomlDocument(path, content);
  if (!document) {
    return { problem };
  }
  const entries = Array.isArray(document.package) ? document.package : [];
  const packages: LockedPackage[] = entries.filter(isRecord).flatMap(entry => {
    const name = stringOf(entry.name);
    const version = stringOf(entry.version);
    return name && version
      ? [{ name, version, developmentOnly: entry.category === 'dev' }]
      : [];
  });
  return { lockfile: flatLockfile(ecosystem, packages) };
}

/** Composer `composer.lock` (JSON): `packages` and `packages-dev`. */
export function parseComposerLock(
  path: string,
  content: string,
): LockfileParseResult {
  const { document, problem } = parseJson(path, content);
  if (!document) {
    return { problem };
  }
  const packages: LockedPackage[] = [];
  for (const [section, developmentOnly] of [
    ['packages', false],
    ['packages-dev', true],
  ] as const) {
    const entries = document[section];
    for (const entry of Array.isArray(entries)
      ? entries.filter(isRecord)
      : []) {
      const name = stringOf(entry.name);
      const version = stringOf(entry.version);
      if (name && version) {
        packages.push({
          name,
          version: version.replace(/^v(?=\d)/, ''),
          developmentOnly,
        });
      }
    }
  }
  return { lockfile: flatLockfile('composer', packages) };
}

/**
 * Bundler `Gemfile.lock`, read line by line as Bundler writes it: under each
 * `specs:` heading, gems at four spaces of indentation as `name (version)`.
 */
export function parseGemfileLock(
  path: string,
  content: string,
): LockfileParseResult {
  const packages: LockedPackage[] = [];
  let inSpecs = false;
  for (const line of content.split('\n')) {
    if (/^\S/.test(line)) {
      inSpecs = false;
    } else if (/^ {2}specs:\s*$/.test(line)) {
      inSpecs = true;
    } else if (inSpecs) {
      const gem = /^ {4}([^\s(]+) \(([^)]+)\)\s*$/.exec(line);
      if (gem) {
        packages.push({
          name: gem[1],
          version: gem[2].replace(
            /-(?:x86|x64|arm|aarch|universal|java|mingw|darwin|linux).*$/,
            '',
          ),
          developmentOnly: false,
        });
      }
    }
  }
  if (
    packages.length === 0 &&
    content.trim() !== '' &&
    !/^\s*GEM\b|specs:/m.test(content)
  ) {
    return { problem: `${path}: not a Gemfile.lock (no GEM specs section)` };
  }
  return { lockfile: flatLockfile('rubygems', packages) };
}
