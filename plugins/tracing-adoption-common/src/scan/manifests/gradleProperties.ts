/**
 * Reads a Java properties file (`gradle.properties`) line by line, as
 * `java.util.Properties` does: `#` and `!` comments, `=`, `:` or whitespace
 * separators, `\` continuation lines.
 */
export function parseJavaProperties(content: string): Record<string, string> {
  const properties: Record<string, string> = {};
  let pending = '';
  for (const rawLine of content.split('\n')) {
    const line = rawLine.replace(/\r$/, '');
    const text = pending + (pending ? line.trimStart() : line);
    if (/(^|[^\\])(\\\\)*\\$/.test(text)) {
      pending = text.slice(0, -1);
      continue;
    }
    pending = '';
    const trimmed = text.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('!')) {
      continue;
    }
    const match = /^((?:\\.|[^\s=:\\])+)\s*[=:\s]\s*(.*)$/.exec(trimmed);
    if (match) {
      properties[match[1].replace(/\\(.)/g, '$1')] = match[2];
    } else {
      properties[trimmed] = '';
    }
  }
  return properties;
}
