/** A span-name template split into literal text and attribute placeholders. */
export type TemplatePart = { text: string } | { attribute: string };

/**
 * Splits `{http.request.method} {http.route}` into parts; undefined when a
 * brace is unbalanced or a placeholder is empty.
 */
export function parseTemplate(template: string): TemplatePart[] | undefined {
  const parts: TemplatePart[] = [];
  let position = 0;
  while (position < template.length) {
    const open = template.indexOf('{', position);
    const close = template.indexOf('}', position);
    if (open === -1) {
      if (close !== -1) {
        return undefined;
      }
      parts.push({ text: template.slice(position) });
      break;
    }
    if (close !== -1 && close < open) {
      return undefined;
    }
    if (open > position) {
      parts.push({ text: template.slice(position, open) });
    }
    const end = template.indexOf('}', open);
    const attribute = end === -1 ? '' : template.slice(open + 1, end).trim();
    if (attribute === '' || attribute.includes('{')) {
      return undefined;
    }
    parts.push({ attribute });
    position = end + 1;
  }
  return parts;
}

/** Attribute names a template refers to, or undefined when it is malformed. */
export function templatePlaceholders(template: string): string[] | undefined {
  return parseTemplate(template)?.flatMap(part =>
    'attribute' in part ? [part.attribute] : [],
  );
}
