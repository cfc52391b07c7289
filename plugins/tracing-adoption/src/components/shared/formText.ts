/** Entries of a list field: one per line, or comma-separated where commas cannot occur in an entry. */
export function listEntries(
  text: string,
  separator: RegExp = /[\n,]/,
): string[] {
  return text
    .split(separator)
    .map(entry => entry.trim())
    .filter(Boolean);
}

/** A typed number, undefined when the field is empty (NaN when it is not a number). */
export function optionalNumber(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text);
}
