/** A PEP 508 requirement: `name[extras] specifiers ; marker` or `name @ url`. */
export interface PythonRequirement {
  name: string;
  /** Version specifiers as written, e.g. `>=2.9,<3`; undefined when there are none. */
  specifier?: string;
}

const REQUIREMENT =
  /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[[^\]]*\])?\s*(.*)$/;

/** Reads a PEP 508 requirement; undefined for text that is not one. */
export function parsePythonRequirement(
  text: string,
): PythonRequirement | undefined {
  const withoutMarker = text.split(';')[0].trim();
  const match = REQUIREMENT.exec(withoutMarker);
  if (!match) {
    return undefined;
  }
  const rest = match[2].trim();
  if (rest.startsWith('@')) {
    return { name: match[1] };
  }
  const specifier = rest.replace(/^\((.*)\)$/, '$1').replace(/\s+/g, '');
  if (specifier !== '' && !/^(?:===|==|~=|!=|<=|>=|<|>)/.test(specifier)) {
    return undefined;
  }
  return { name: match[1], specifier: specifier || undefined };
}
