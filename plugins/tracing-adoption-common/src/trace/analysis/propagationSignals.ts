import { isInboundKind } from './spanAttributes';
import { declaredParentId } from './spanParents';
import type { TraceIndex } from './traceIndex';
import type { CrossTraceReference, OrphanRoot } from './types';

/**
 * Root server/consumer spans whose declared parent is missing: the caller
 * propagated its context but its spans never arrived (not exported, dropped,
 * or sampled differently).
 */
export function findOrphanRoots(index: TraceIndex): OrphanRoot[] {
  const orphans: OrphanRoot[] = [];
  for (const i of index.roots) {
    const span = index.spans[i];
    if (index.parentMissing[i] && isInboundKind(span.kind)) {
      orphans.push({
        spanId: span.spanId,
        service: span.serviceName,
        spanName: span.name,
        missingParentSpanId: declaredParentId(span, index.trace.traceId)!,
      });
    }
  }
  return orphans;
}

/** References that point into other traces. */
export function findCrossTraceReferences(
  index: TraceIndex,
): CrossTraceReference[] {
  const found: CrossTraceReference[] = [];
  const traceId = index.trace.traceId;
  for (const span of index.spans) {
    for (const reference of span.references) {
      if (reference.traceId !== traceId) {
        found.push({
          spanId: span.spanId,
          service: span.serviceName,
          type: reference.type,
          linkedTraceId: reference.traceId,
          linkedSpanId: reference.spanId,
        });
      }
    }
  }
  return found;
}
