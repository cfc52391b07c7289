import { parse as parseToml, TomlError } from 'smol-toml';
import { describeParseFailure } from '../model';
import { isRecord } from './textPositions';

/** One line naming the file, the position and the reason a TOML document could not be read. */
function describeTomlFailure(path: string, error: unknown): string {
  if (error instanceof TomlError) {
    const reason = error.message
      .split('\n')[0]
      .replace(/^Invalid TOML document:\s*/, '');
    return `${path}: invalid TOML at line ${error.line}: ${reason}`;
  }
  return describeParseFailure(path, error, 'TOML');
}

/** Parses a TOML document into a table, or says why not. */
export function parseTomlDocument(
  path: string,
  content: string,
): { document?: Record<string, unknown>; problem?: string } {
  try {
    const document: unknown = parseToml(content);
    return isRecord(document)
      ? { document }
      : { problem: `${path}: not a TOML table` };
  } catch (error) {
    return { problem: describeTomlFailure(path, error) };
  }
}
