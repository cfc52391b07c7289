/** Rows per statement; keeps bound parameters below SQLite's and PostgreSQL's limits. */
export const WRITE_CHUNK_SIZE = 500;

export function chunks<T>(items: T[], size: number = WRITE_CHUNK_SIZE): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    result.push(items.slice(i, i + size));
  }
  return result;
}

/** PostgreSQL returns Date objects, SQLite returns epoch milliseconds or strings. */
export function toIsoString(value: Date | string | number): string {
  return toDate(value).toISOString();
}

export function toDate(value: Date | string | number): Date {
  if (value instanceof Date) {
    return value;
  }
  // SQLite may hand back epoch milliseconds as a numeric string
  return new Date(
    typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value,
  );
}

export function optional<T>(value: T | null): T | undefined {
  return value === null ? undefined : value;
}

export function optionalIsoString(
  value: Date | string | number | null,
): string | undefined {
  return value === null ? undefined : toIsoString(value);
}
