/**
 * A path segment that looks like an instance identifier: all digits, a UUID,
 * or 8+ hex characters including a digit (object ids, hashes). Segments are
 * separated by whitespace, `/`, `?`, `&`, `=`, `#`, `;` or `,`; one regex over
 * the whole name avoids splitting it for every span.
 */
const ID_SEGMENT =
  /(?<![^\s/?&=#;,])(?:\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|(?=[0-9a-f]*\d)[0-9a-f]{8,})(?![^\s/?&=#;,])/i;

/**
 * The first identifier in a span name, if any. Such names give every request
 * its own span name, which defeats grouping by operation and bloats the
 * span-name index of trace backends. Route placeholders (`:id`, `{id}`) and
 * words pass.
 */
export function idSegmentIn(spanName: string): string | undefined {
  return ID_SEGMENT.exec(spanName)?.[0];
}
