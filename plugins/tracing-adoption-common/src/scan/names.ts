import type { ScanEcosystem } from './types';

/**
 * The spelling an ecosystem's registry treats as the same package: PyPI
 * ignores case and treats runs of `-`, `_` and `.` alike (PEP 503), crates.io
 * treats `-` and `_` alike, NuGet and Packagist ignore case.
 */
export function normalizePackageName(
  ecosystem: ScanEcosystem,
  name: string,
): string {
  switch (ecosystem) {
    case 'pypi':
      return name.toLowerCase().replace(/[-_.]+/g, '-');
    case 'cargo':
      return name.toLowerCase().replace(/_/g, '-');
    case 'nuget':
    case 'composer':
      return name.toLowerCase();
    default:
      return name;
  }
}

/** Escapes text for use inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Compiles a pattern where `*` matches any run of characters. */
export function compileWildcard(
  pattern: string,
  options: { ignoreCase?: boolean } = {},
): (value: string) => boolean {
  if (!pattern.includes('*')) {
    if (options.ignoreCase) {
      const lowerPattern = pattern.toLowerCase();
      return value => value.toLowerCase() === lowerPattern;
    }
    return value => value === pattern;
  }
  const source = pattern.split('*').map(escapeRegExp).join('.*');
  const expression = new RegExp(`^${source}$`, options.ignoreCase ? 'i' : '');
  return value => expression.test(value);
}
