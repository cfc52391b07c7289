import { parse as parseYaml } from 'yaml';
import type {
  LockedPackage,
  LockfileParseResult,
  ParsedLockfile,
} from '../model';
import { describeParseFailure } from '../model';
import { isRecord, stringOf } from '../manifests/textPositions';
import { isBelowMinimum } from '../versions';

function highestByName(packages: LockedPackage[]): Map<string, LockedPackage> {
  const byName = new Map<string, LockedPackage>();
  for (const locked of packages) {
    const known = byName.get(locked.name);
    if (!known || isBelowMinimum(known.version, locked.version)) {
      byName.set(locked.name, locked);
    }
  }
  return byName;
}

/** Name of the package at a `node_modules/...` path of a package-lock. */
function packageNameAt(key: string): string | undefined {
  const at = key.lastIndexOf('node_modules/');
  return at === -1 ? undefined : key.slice(at + 'node_modules/'.length);
}

/**
 * npm `package-lock.json` / `npm-shrinkwrap.json`. Version 2 and 3 files
 * resolve as Node does: the member's own `node_modules` first, then the
 * hoisted copy; version 1 files have one flat `dependencies` tree.
 */
export function parsePackageLock(
  path: string,
  content: string,
): LockfileParseResult {
  let document: unknown;
  try {
    document = JSON.parse(content);
  } catch (error) {
    return { problem: describeParseFailure(path, error, 'JSON') };
  }
  if (!isRecord(document)) {
    return { problem: `${path}: not a JSON object` };
  }
  const entries = isRecord(document.packages) ? document.packages : undefined;
  const packages: LockedPackage[] = [];
  const byPath = new Map<string, LockedPackage>();
  if (entries) {
    for (const [key, entry] of Object.entries(entries)) {
      const name = packageNameAt(key);
      const version = isRecord(entry) ? stringOf(entry.version) : undefined;
      if (name && version && isRecord(entry)) {
        const locked = { name, version, developmentOnly: entry.dev === true };
        packages.push(locked);
        byPath.set(key, locked);
      }
    }
    const lockfile: ParsedLockfile = {
      packages,
      covers: member => member === '' || member in entries,
      resolve: (name, member) =>
        (member ? byPath.get(`${member}/node_modules/${name}`) : undefined) ??
        byPath.get(`node_modules/${name}`),
    };
    return { lockfile };
  }
  const collect = (tree: unknown) => {
    if (!isRecord(tree)) {
      return;
    }
    for (const [name, entry] of Object.entries(tree)) {
      const version = isRecord(entry) ? stringOf(entry.version) : undefined;
      if (version && isRecord(entry)) {
        packages.push({ name, version, developmentOnly: entry.dev === true });
        collect(entry.dependencies);
      }
    }
  };
  collect(document.dependencies);
  const topLevel = new Map<string, LockedPackage>();
  if (isRecord(document.dependencies)) {
    for (const locked of packages) {
      if (!topLevel.has(locked.name) && locked.name in document.dependencies) {
        topLevel.set(locked.name, locked);
      }
    }
  }
  return { lockfile: { packages, resolve: name => topLevel.get(name) } };
}

/** The package name of a yarn descriptor (`@scope/name@^1.2.3`, `name@npm:^1.2.3`). */
function descriptorName(descriptor: string): string {
  const at = descriptor.indexOf('@', 1);
  return at === -1 ? descriptor : descriptor.slice(0, at);
}

function descriptorsOf(header: string): string[] {
  return header
    .replace(/:$/, '')
    .split(',')
    .map(descriptor => descriptor.trim().replace(/^"|"$/g, ''))
    .filter(Boolean);
}

function yarnLockfile(
  entries: Array<{ descriptors: string[]; version: string }>,
): ParsedLockfile {
  const packages: LockedPackage[] = [];
  const byDescriptor = new Map<string, LockedPackage>();
  for (const { descriptors, version } of entries) {
    const locked = {
      name: descriptorName(descriptors[0]),
      version,
      developmentOnly: false,
    };
    packages.push(locked);
    for (const descriptor of descriptors) {
      byDescriptor.set(descriptor, locked);
    }
  }
  const highest = highestByName(packages);
  return {
    packages,
    resolve: (name, _member, declared) =>
      (declared
        ? byDescriptor.get(`${name}@${declared}`) ??
          byDescriptor.get(`${name}@npm:${declared}`)
        : undefined) ?? highest.get(name),
  };
}

/**
 * `yarn.lock`. Yarn 1 writes its own line format (entries at column 0, a
 * `version "x"` line below), read line by line as yarn does; Yarn 2+ writes
 * YAML, which is parsed as such.
 */
export function parseYarnLock(
  path: string,
  content: string,
): LockfileParseResult {
  if (/^__metadata:/m.test(content)) {
    let document: unknown;
    try {
      document = parseYaml(content, { logLevel: 'error' });
    } catch (error) {
      return { problem: describeParseFailure(path, error, 'YAML') };
    }
    if (!isRecord(document)) {
      return { problem: `${path}: not a YAML mapping` };
    }
    const entries = Object.entries(document).flatMap(([header, entry]) => {
      const version = isRecord(entry) ? stringOf(entry.version) : undefined;
      return header !== '__metadata' && version
        ? [{ descriptors: descriptorsOf(header), version }]
        : [];
    });
    return { lockfile: yarnLockfile(entries) };
  }
  const entries: Array<{ descriptors: string[]; version: string }> = [];
  let descriptors: string[] | undefined;
  for (const line of content.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') {
      continue;
    }
    if (/^\S.*:\s*$/.test(line)) {
      descriptors = descriptorsOf(line.trim());
      continue;
    }
    const version = /^\s+version:?\s+"?([^"\s]+)"?/.exec(line);
    if (version && descriptors) {
      entries.push({ descriptors, version: version[1] });
      descriptors = undefined;
    }
  }
  if (entries.length === 0 && content.trim() !== '') {
    return { problem: `${path}: no yarn.lock entries found` };
  }
  return { lockfile: yarnLockfile(entries) };
}

/** A pnpm version without peer suffixes: `1.2.3(react@18.3.1)` and `1.2.3_react@18.3.1` are `1.2.3`. */
function pnpmVersion(value: unknown): string | undefined {
  const text = isRecord(value) ? stringOf(value.version) : stringOf(value);
  if (!text || /^(?:link|file|workspace):/.test(text)) {
    return undefined;
  }
  return text.replace(/[(_].*$/, '');
}

/** Name and version from a pnpm `packages` key: `/name/1.2.3` (v5), `/name@1.2.3` (v6), `name@1.2.3` (v9). */
function pnpmPackageKey(
  key: string,
): { name: string; version: string } | undefined {
  const text = key.replace(/^\//, '').replace(/\(.*$/, '');
  const versionSegment = /^(.+)\/(\d[^/]*)$/.exec(text);
  if (versionSegment) {
    return {
      name: versionSegment[1],
      version: versionSegment[2].replace(/_.*$/, ''),
    };
  }
  const at = text.lastIndexOf('@');
  return at > 0
    ? { name: text.slice(0, at), version: text.slice(at + 1) }
    : undefined;
}

/** `pnpm-lock.yaml`: per-importer (workspace member) dependencies, plus the `packages` list. */
export function parsePnpmLock(
  path: string,
  content: string,
): LockfileParseResult {
  let document: unknown;
  try {
    document = parseYaml(content, { logLevel: 'error' });
  } catch (error) {
    return { problem: describeParseFailure(path, error, 'YAML') };
  }
  if (!isRecord(document)) {
    return { problem: `${path}: not a YAML mapping` };
  }
  const importers = isRecord(document.importers)
    ? document.importers
    : { '.': document };
  const resolved = new Map<string, LockedPackage>();
  for (const [member, importer] of Object.entries(importers)) {
    if (!isRecord(importer)) {
      continue;
    }
    for (const [section, developmentOnly] of [
      ['dependencies', false],
      ['optionalDependencies', false],
      ['devDependencies', true],
    ] as const) {
      const entries = importer[section];
      for (const [name, value] of Object.entries(
        isRecord(entries) ? entries : {},
      )) {
        const version = pnpmVersion(value);
        if (version) {
          resolved.set(`${member === '.' ? '' : member}\n${name}`, {
            name,
            version,
            developmentOnly,
          });
        }
      }
    }
  }
  const packages = Object.keys(
    isRecord(document.packages) ? document.packages : {},
  ).flatMap(key => {
    const parsed = pnpmPackageKey(key);
    return parsed ? [{ ...parsed, developmentOnly: false }] : [];
  });
  return {
    lockfile: {
      packages,
      covers: member => (member === '' ? '.' : member) in importers,
      resolve: (name, member) => resolved.get(`${member}\n${name}`),
    },
  };
}
