import { Span, Trace } from '../model';
import { Adjuster } from './adjuster';
import { compareSpansByStart } from './sortSpans';
import { addSpanWarning } from './spanWarnings';

function spanIdsOf(trace: Trace): Set<string> {
  const ids = new Set<string>();
  for (const span of trace.spans) ids.add(span.spanId);
  return ids;
}

/**
 * Warns on spans whose parent is not in the trace (not yet arrived, dropped
 * by sampling or lost). They are kept with their parent id unchanged: an
 * invented parent would hide the gap that the warning reports. Adds warnings
 * to the spans in place.
 *
 * @public
 */
export const orphans: Adjuster = trace => {
  const ids = spanIdsOf(trace);
  for (const span of trace.spans) {
    const parentSpanId = span.parentSpanId;
    if (parentSpanId !== undefined && !ids.has(parentSpanId)) {
      addSpanWarning(span, `parent span ${parentSpanId} not in trace`);
    }
  }
  return trace;
};

/**
 * The spans that start a tree in the trace: those without a parent or whose
 * parent is not in the trace, earliest first. Does not change the trace.
 *
 * @public
 */
export function findRootSpans(trace: Trace): Span[] {
  const ids = spanIdsOf(trace);
  return trace.spans
    .filter(
      span => span.parentSpanId === undefined || !ids.has(span.parentSpanId),
    )
    .sort(compareSpansByStart);
}
