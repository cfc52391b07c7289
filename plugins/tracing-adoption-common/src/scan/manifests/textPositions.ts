/**
 * Line numbers for parsers whose libraries return values without positions
 * (JSON, XML, TOML): the first line on which the entry's text appears.
 */
export class LineFinder {
  private readonly lines: string[];

  constructor(content: string) {
    this.lines = content.split('\n');
  }

  /** 1-based line of the first line containing every one of `needles`, searching from `fromLine`. */
  lineOf(needles: string[], fromLine = 1): number | undefined {
    for (
      let index = Math.max(0, fromLine - 1);
      index < this.lines.length;
      index++
    ) {
      const text = this.lines[index];
      if (needles.every(needle => text.includes(needle))) {
        return index + 1;
      }
    }
    return fromLine > 1 ? this.lineOf(needles, 1) : undefined;
  }

  /** 1-based line of the first line the expression matches. */
  lineMatching(pattern: RegExp): number | undefined {
    const index = this.lines.findIndex(text => pattern.test(text));
    return index === -1 ? undefined : index + 1;
  }

  /** The text of a 1-based line, trimmed of whitespace and a list's trailing comma. */
  textOf(line: number | undefined): string | undefined {
    if (line === undefined) {
      return undefined;
    }
    const text = this.lines[line - 1]?.trim().replace(/,$/, '');
    return text ? text : undefined;
  }
}

/** A plain object (not an array or null), as parsed JSON, TOML or YAML values are checked before use. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function stringOf(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value;
  }
  return typeof value === 'number' ? String(value) : undefined;
}
