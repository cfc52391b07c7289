'use strict';

// JSON laid out the way Prettier lays it out: 2-space indent, and an object or
// array stays on one line when it fits in 80 columns, except that a list of
// several multi-key objects is always broken up. Keeps the recorded fixtures
// small and unchanged by the repository's `prettier --check`.
const PRINT_WIDTH = 80;

const definedEntries = object =>
  Object.entries(object).filter(([, item]) => item !== undefined);

function flatJson(value) {
  if (Array.isArray(value)) return `[${value.map(flatJson).join(', ')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const entries = definedEntries(value);
  if (entries.length === 0) return '{}';
  const members = entries.map(
    ([key, item]) => `${JSON.stringify(key)}: ${flatJson(item)}`,
  );
  return `{ ${members.join(', ')} }`;
}

function alwaysBroken(array) {
  return (
    array.length > 1 &&
    array.every(
      item =>
        item !== null &&
        typeof item === 'object' &&
        Object.keys(item).length > 1,
    )
  );
}

// `column` is where the value starts on its line; `after` counts what follows
// it on the same line (a comma).
function formatJson(value, indent = '', column = 0, after = 0) {
  const flat = flatJson(value);
  if (value === null || typeof value !== 'object') return flat;
  const fits = column + flat.length + after <= PRINT_WIDTH;
  const inner = `${indent}  `;

  if (Array.isArray(value)) {
    if (value.length === 0 || (fits && !alwaysBroken(value))) return flat;
    const items = value.map((item, i) => {
      const comma = i < value.length - 1 ? 1 : 0;
      return inner + formatJson(item, inner, inner.length, comma);
    });
    return `[\n${items.join(',\n')}\n${indent}]`;
  }

  const entries = definedEntries(value);
  if (entries.length === 0 || fits) return flat;
  const members = entries.map(([key, item], i) => {
    const head = `${inner}${JSON.stringify(key)}: `;
    const comma = i < entries.length - 1 ? 1 : 0;
    return head + formatJson(item, inner, head.length, comma);
  });
  return `{\n${members.join(',\n')}\n${indent}}`;
}

module.exports = { formatJson };
