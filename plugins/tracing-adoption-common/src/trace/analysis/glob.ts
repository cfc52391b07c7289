/**
 * Compiles a pattern where `*` matches any run of characters into a
 * predicate. Matching walks the literal parts with `indexOf`, so no regular
 * expression is built and no character of the pattern needs escaping.
 */
export function compileGlob(pattern: string): (value: string) => boolean {
  if (!pattern.includes('*')) {
    return value => value === pattern;
  }
  const parts = pattern.split('*');
  const prefix = parts[0];
  const suffix = parts[parts.length - 1];
  const middle = parts.slice(1, -1).filter(part => part !== '');
  const minimumLength =
    prefix.length +
    suffix.length +
    middle.reduce((sum, part) => sum + part.length, 0);
  return value => {
    if (
      value.length < minimumLength ||
      !value.startsWith(prefix) ||
      !value.endsWith(suffix)
    ) {
      return false;
    }
    // Leftmost matches of the middle parts leave the most room for the rest,
    // so a greedy scan finds a match whenever one exists.
    let position = prefix.length;
    const end = value.length - suffix.length;
    for (const part of middle) {
      const at = value.indexOf(part, position);
      if (at === -1 || at + part.length > end) {
        return false;
      }
      position = at + part.length;
    }
    return true;
  };
}
