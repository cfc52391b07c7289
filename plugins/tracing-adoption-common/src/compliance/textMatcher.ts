import { globToRegExp, isGlob } from './glob';

/** Tests text against names and globs; plain names are a set lookup. */
export function textMatcher(
  patterns: readonly string[],
): (text: string) => boolean {
  const exact = new Set(patterns.filter(pattern => !isGlob(pattern)));
  const globs = patterns.filter(isGlob).map(globToRegExp);
  if (globs.length === 0) {
    return text => exact.has(text);
  }
  return text => exact.has(text) || globs.some(glob => glob.test(text));
}
