import type { AttributeValue, Attributes } from '../trace/model';

/**
 * Whether an attribute carries a value: an empty string or empty list is what
 * instrumentation sends when it has nothing, so it does not satisfy a rule.
 */
export function isPresent(value: AttributeValue | undefined): boolean {
  if (value === undefined || value === '') {
    return false;
  }
  return !Array.isArray(value) || value.length > 0;
}

/** The instrumentation scope of a span, current or pre-1.0 attribute name. */
export function instrumentationScopeOf(
  attributes: Attributes,
): string | undefined {
  const scope =
    attributes['otel.scope.name'] ?? attributes['otel.library.name'];
  return typeof scope === 'string' ? scope : undefined;
}

/** Whether the value, or any element of a list value, passes the test as text. */
export function someValueText(
  value: AttributeValue,
  test: (text: string) => boolean,
): boolean {
  return Array.isArray(value)
    ? value.some(element => test(String(element)))
    : test(String(value));
}

/** Short, single-line rendering of a value for messages. */
export function showValue(value: AttributeValue): string {
  const text = Array.isArray(value) ? JSON.stringify(value) : String(value);
  const line = text.replace(/\s+/g, ' ');
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}
