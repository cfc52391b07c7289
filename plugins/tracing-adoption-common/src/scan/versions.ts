import semver from 'semver';
import type { ScanEcosystem } from './types';

const PRERELEASE_LABELS: Array<[RegExp, string]> = [
  [/^(?:alpha|a)(?![a-z])/, 'alpha'],
  [/^(?:beta|b)(?![a-z])/, 'beta'],
  [/^(?:milestone|m)(?![a-z])/, 'milestone'],
  [/^(?:preview|pre|rc|cr|c)(?![a-z])/, 'rc'],
  // PEP 440 development releases come before alphas; a numeric identifier sorts first.
  [/^dev(?![a-z])/, '0.dev'],
];

const RELEASE_QUALIFIERS = /^(?:final|ga|release|post\d*|sp\d*|r\d*)?$/;

function prereleaseIdentifiers(text: string): string[] {
  return text
    .split(/[^0-9A-Za-z]+/)
    .filter(part => part !== '')
    .map(part => (/^\d+$/.test(part) ? String(Number(part)) : part));
}

function prereleaseOf(qualifier: string): string | undefined {
  const text = qualifier
    .replace(/\+.*$/, '')
    .replace(/^[-._]+/, '')
    .toLowerCase();
  if (RELEASE_QUALIFIERS.test(text)) {
    return undefined;
  }
  for (const [label, mapped] of PRERELEASE_LABELS) {
    const match = label.exec(text);
    if (match) {
      return [mapped, ...prereleaseIdentifiers(text.slice(match[0].length))]
        .join('.')
        .replace(/\.$/, '');
    }
  }
  const identifiers = prereleaseIdentifiers(text);
  return identifiers.length > 0 ? identifiers.join('.') : undefined;
}

/**
 * Reads a version of any ecosystem as semver: Go `v1.2.3+incompatible`,
 * Maven `1.2.3.Final` / `2.0.0-M1`, PEP 440 `0.46b0`, NuGet four-part
 * versions. Qualifiers that mark a pre-release become semver pre-releases so
 * that they sort before the release.
 */
export function coerceVersion(version: string): string | undefined {
  const match = /^[=v\s]*(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.\d+)*(.*)$/i.exec(
    version.trim(),
  );
  if (!match) {
    return undefined;
  }
  const [, major, minor = '0', patch = '0', qualifier] = match;
  const prerelease = prereleaseOf(qualifier);
  const candidate = `${Number(major)}.${Number(minor)}.${Number(patch)}${
    prerelease ? `-${prerelease}` : ''
  }`;
  return semver.valid(candidate) ?? undefined;
}

/** Whether `version` sorts before `minimum`; undefined when either cannot be read. */
export function isBelowMinimum(
  version: string,
  minimum: string,
): boolean | undefined {
  const actual = coerceVersion(version);
  const required = coerceVersion(minimum);
  if (!actual || !required) {
    return undefined;
  }
  return semver.lt(actual, required);
}

const PLAIN_VERSION = /^v?\d[\w.\-]*$/;

function stripPinOperator(declared: string, operator: RegExp) {
  const match = operator.exec(declared.trim());
  return match ? match[1] : undefined;
}

/**
 * The version a package manager installs for this declaration alone, where
 * it leaves no choice: exact pins (npm, PyPI `==`, Cargo `=`, RubyGems and
 * Composer bare versions), Maven/Gradle and NuGet plain versions (nearest /
 * lowest applicable wins) and every Go requirement.
 */
export function exactVersion(
  ecosystem: ScanEcosystem,
  declared: string | undefined,
): string | undefined {
  if (!declared) {
    return undefined;
  }
  const text = declared.trim();
  switch (ecosystem) {
    case 'npm':
      return /^[=v]*\d/.test(text)
        ? semver.clean(text, { loose: true }) ?? undefined
        : undefined;
    case 'pypi':
      return stripPinOperator(text, /^===?\s*([^\s,;*]+)$/);
    case 'go':
      return text;
    case 'maven': {
      const strict = text.replace(/!!$/, '');
      const single = /^\[([^,\]]+)\]$/.exec(strict);
      if (single) {
        return single[1].trim();
      }
      return PLAIN_VERSION.test(strict) && !/[+]$/.test(strict)
        ? strict
        : undefined;
    }
    case 'nuget': {
      const single = /^\[([^,\]]+)\]$/.exec(text);
      if (single) {
        return single[1].trim();
      }
      return PLAIN_VERSION.test(text) ? text : undefined;
    }
    case 'cargo':
      return stripPinOperator(text, /^=\s*([^\s,*]+)$/);
    case 'rubygems':
      return stripPinOperator(text, /^=?\s*(\d[^\s,]*)$/);
    case 'composer':
      return stripPinOperator(text, /^=?\s*(v?\d[\w.\-]*)$/);
    default:
      return undefined;
  }
}

const CONSTRAINT =
  /(===|==|~=|~>|>=|<=|!=|\^|~|>|<|=)?\s*(v?\d[0-9A-Za-z.*+\-_!]*)/g;
const LOWER_BOUND_OPERATORS = new Set([
  '',
  '=',
  '==',
  '===',
  '>=',
  '~=',
  '~>',
  '^',
  '~',
  '>',
]);

function withoutWildcard(version: string): string {
  return version.replace(/!!$/, '').replace(/(\.?[*xX+])+$/, '');
}

function higher(a: string | undefined, b: string): string {
  if (a === undefined) {
    return b;
  }
  return isBelowMinimum(a, b) ? b : a;
}

function lowerBoundOfAlternative(alternative: string): string | undefined {
  let bound: string | undefined;
  for (const match of alternative.matchAll(CONSTRAINT)) {
    const operator = match[1] ?? '';
    const version = withoutWildcard(match[2]);
    if (LOWER_BOUND_OPERATORS.has(operator) && /\d/.test(version)) {
      bound = higher(bound, version);
    }
  }
  return bound;
}

/**
 * The lowest version a declaration allows, as written; undefined when it sets
 * no lower bound (`*`, `latest`, unresolved properties, `<2`).
 */
export function lowestAllowedVersion(
  ecosystem: ScanEcosystem,
  declared: string | undefined,
): string | undefined {
  if (!declared) {
    return undefined;
  }
  const exact = exactVersion(ecosystem, declared);
  if (exact) {
    return exact;
  }
  const text = declared.trim();
  if (ecosystem === 'npm') {
    const range = semver.validRange(text.replace(/^npm:.*@/, ''), {
      loose: true,
    });
    const minimum = range ? semver.minVersion(range) : null;
    return minimum && minimum.version !== '0.0.0' ? minimum.version : undefined;
  }
  const interval = /^[[(]\s*([^,\])]*)\s*[,\]]/.exec(text);
  if (interval) {
    return interval[1] ? interval[1].trim() : undefined;
  }
  let lowest: string | undefined;
  for (const alternative of text.split('||')) {
    const bound = lowerBoundOfAlternative(alternative);
    if (bound === undefined) {
      return undefined;
    }
    lowest =
      lowest === undefined || isBelowMinimum(bound, lowest) ? bound : lowest;
  }
  return lowest;
}
