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
 * trace, or -1. Most roots declare no parent at all, so one pass usually
 * settles it; the span ids are only collected when a span that declares a
 * parent starts before every span that declares none, since that span may be
 * an orphan whose parent is missing.
 */
export function earliestRootIndex(
  trace: Trace,
  accept: (span: Span) => boolean,
): number {
  const spans = trace.spans;
  let best = -1;
  let earliestWithParentUs = Infinity;
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i];
    if (!accept(span)) {
      continue;
    }
    if (declaredParentId(span, trace.traceId) === undefined) {
      if (best === -1 || span.startTimeUs < spans[best].startTimeUs) {
        best = i;
      }
    } else if (span.startTimeUs < earliestWithParentUs) {
      earliestWithParentUs = span.startTimeUs;
    }
  }
  if (
    earliestWithParentUs === Infinity ||
    (best !== -1 && earliestWithParentUs >= spans[best].startTimeUs)
  ) {
    return best;
  }
  const spanIds = new Set(spans.map(span => span.spanId));
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i];
    const parentId = declaredParentId(span, trace.traceId);
    if (
      parentId !== undefined &&
      (best === -1 || span.startTimeUs < spans[best].startTimeUs) &&
      accept(span) &&
      (parentId === span.spanId || !spanIds.has(parentId))
    ) {
      best = i;
    }
  }
  return best;
}
