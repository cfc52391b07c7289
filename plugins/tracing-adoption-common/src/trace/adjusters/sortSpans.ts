import { Span } from '../model';
import { Adjuster } from './adjuster';

/** Orders spans by start time, then span id, so that equal inputs give equal outputs. */
export function compareSpansByStart(a: Span, b: Span): number {
  if (a.startTimeUs !== b.startTimeUs) return a.startTimeUs - b.startTimeUs;
  if (a.spanId === b.spanId) return 0;
  return a.spanId < b.spanId ? -1 : 1;
}

/**
 * Sorts the spans of the trace by start time, then span id, giving later steps
 * a deterministic order whatever order the backend returned. Sorts
 * `trace.spans` in place.
 *
 * @public
 */
export const sortSpans: Adjuster = trace => {
  trace.spans.sort(compareSpansByStart);
  return trace;
};
