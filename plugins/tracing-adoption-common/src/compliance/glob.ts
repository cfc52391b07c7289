/**
 * A glob as an anchored regular expression: `*` matches any run of characters
 * (including `.` and `/`, so `edge-*` and `@opentelemetry/*` work as people
 * expect), `?` matches one character, everything else is literal.
 */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (const char of glob) {
    if (char === '*') {
      source += '.*';
    } else if (char === '?') {
      source += '.';
    } else {
      source += char.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`, 's');
}

/** Whether the text contains glob wildcards; plain names can be compared directly. */
export function isGlob(text: string): boolean {
  return text.includes('*') || text.includes('?');
}
