/** Code-point order, independent of the runtime's locale. */
export function compareText(a: string, b: string): number {
  if (a < b) {
    return -1;
  }
  return a > b ? 1 : 0;
}

/** The distinct values of a set in code-point order. */
export function sortedValues(values: Iterable<string>): string[] {
  return [...values].sort(compareText);
}
