import type { Span, Trace } from '../model';

/**
 * The id of a span's parent: `parentSpanId`, else its first `child_of` or
 * `follows_from` reference within the same trace. Jaeger treats such a
 * reference as the parent too, which keeps an OpenTracing consumer under the
 * producer that sent it.
 */
export function declaredParentId(
  span: Span,
  traceId: string,
): string | undefined {
  if (span.parentSpanId) {
    return span.parentSpanId;
  }
  for (const reference of span.references) {
    if (reference.type !== 'link' && reference.traceId === traceId) {
      return reference.spanId;
    }
  }
  return undefined;
}

/**
 * Index of the earliest-starting span that `accept`s and has no parent in the
 * trace, or -1. Most roots declare no parent at all, so the set of span ids is
 * only built when a span with a declared parent starts before the best root
 * found so far; the common case needs one pass and no allocation.
 */
export function earliestRootIndex(
  trace: Trace,
  accept: (span: Span) => boolean,
): number {
  const spans = trace.spans;
  let best = -1;
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i];
    if (
      accept(span) &&
      declaredParentId(span, trace.traceId) === undefined &&
      (best === -1 || span.startTimeUs < spans[best].startTimeUs)
    ) {
      best = i;
    }
  }
  let spanIds: Set<string> | undefined;
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i];
    if (best !== -1 && span.startTimeUs >= spans[best].startTimeUs) {
      continue;
    }
    const parentId = declaredParentId(span, trace.traceId);
    if (parentId === undefined || !accept(span)) {
      continue;
    }
    spanIds ??= new Set(spans.map(s => s.spanId));
    if (parentId === span.spanId || !spanIds.has(parentId)) {
      best = i;
    }
  }
  return best;
}
