import { Attributes, Span, SpanEvent, SpanReference } from '../model';
import { ZIPKIN_SHARED_ATTRIBUTE } from '../formats/zipkinJson';
import { Adjuster } from './adjuster';
import { addSpanWarning } from './spanWarnings';

const FNV_PRIME = 0x01000193;
const FNV_OFFSET_BASIS = 0x811c9dc5;
/** A second basis gives an independent 32-bit hash for the other half of the id. */
const SECOND_OFFSET_BASIS = 0x050c5d1f;

interface SplitServerHalf {
  server: Span;
  newSpanId: string;
}

function sameAttributeValues(a: Attributes, b: Attributes): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(b, key)) return false;
    const left = a[key];
    const right = b[key];
    if (Array.isArray(left)) {
      if (
        !Array.isArray(right) ||
        left.length !== right.length ||
        left.some((item, index) => item !== right[index])
      ) {
        return false;
      }
    } else if (left !== right) {
      return false;
    }
  }
  return true;
}

function sameList<T>(a: T[], b: T[], same: (x: T, y: T) => boolean): boolean {
  return (
    a.length === b.length && a.every((item, index) => same(item, b[index]))
  );
}

function sameEvent(a: SpanEvent, b: SpanEvent): boolean {
  return (
    a.timeUs === b.timeUs &&
    a.name === b.name &&
    sameAttributeValues(a.attributes, b.attributes)
  );
}

function sameReference(a: SpanReference, b: SpanReference): boolean {
  return a.type === b.type && a.traceId === b.traceId && a.spanId === b.spanId;
}

/** Whether two spans are the same report, e.g. one span exported twice. Warnings are ignored. */
function sameContent(a: Span, b: Span): boolean {
  return (
    a === b ||
    (a.traceId === b.traceId &&
      a.spanId === b.spanId &&
      a.parentSpanId === b.parentSpanId &&
      a.name === b.name &&
      a.kind === b.kind &&
      a.serviceName === b.serviceName &&
      a.startTimeUs === b.startTimeUs &&
      a.durationUs === b.durationUs &&
      a.status.code === b.status.code &&
      a.status.message === b.status.message &&
      sameAttributeValues(a.attributes, b.attributes) &&
      sameAttributeValues(a.resource, b.resource) &&
      sameList(a.events, b.events, sameEvent) &&
      sameList(a.references, b.references, sameReference))
  );
}

function fnv1a(text: string, offsetBasis: number): number {
  let hash = offsetBasis;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash >>> 0;
}

/**
 * A new id for the server half, derived from the shared id and the server's
 * service rather than from the rest of the trace, so that the same trace
 * fetched again (or with more spans) gets the same id.
 */
function newServerSpanId(
  sharedSpanId: string,
  serviceName: string,
  usedIds: Set<string>,
): string {
  for (let attempt = 0; ; attempt++) {
    const input = `${sharedSpanId}/${serviceName}/${attempt}`;
    const id =
      fnv1a(input, FNV_OFFSET_BASIS).toString(16).padStart(8, '0') +
      fnv1a(input, SECOND_OFFSET_BASIS).toString(16).padStart(8, '0');
    if (!usedIds.has(id) && id !== '0000000000000000') return id;
  }
}

/** Zipkin marks the server half `shared`; other sources only by its kind. */
function isServerHalf(span: Span): boolean {
  return (
    span.kind === 'server' || span.attributes[ZIPKIN_SHARED_ATTRIBUTE] === true
  );
}

/**
 * Makes span ids unique within the trace.
 *
 * Exact duplicates (the same span reported twice) are reduced to one.
 *
 * In the Zipkin/B3 shared-span model the server reuses the client's span id.
 * Like Jaeger's span id deduper, the server half gets a new deterministic id
 * and becomes the child of the client span; children of the shared id that
 * belong to the server's service are moved under the new id, because the
 * server emitted them.
 *
 * Any other collision is left as is and each span gets a warning.
 *
 * Changes ids and parents of spans in place and may replace `trace.spans`.
 *
 * @public
 */
export const dedupeSpanIds: Adjuster = trace => {
  const spans = trace.spans;
  // Positions rather than spans: the same object may be in the list twice.
  const firstIndexById = new Map<string, number>();
  let collisions: Map<string, number[]> | undefined;
  for (let index = 0; index < spans.length; index++) {
    const spanId = spans[index].spanId;
    const firstIndex = firstIndexById.get(spanId);
    if (firstIndex === undefined) {
      firstIndexById.set(spanId, index);
    } else {
      collisions ??= new Map();
      const group = collisions.get(spanId);
      if (group === undefined) collisions.set(spanId, [firstIndex, index]);
      else group.push(index);
    }
  }
  if (collisions === undefined) return trace;

  const usedIds = new Set(firstIndexById.keys());
  const duplicateIndexes = new Set<number>();
  const splitsBySharedId = new Map<string, SplitServerHalf[]>();

  for (const [sharedSpanId, group] of collisions) {
    const distinct: Span[] = [];
    for (const index of group) {
      const span = spans[index];
      if (distinct.some(kept => sameContent(kept, span))) {
        duplicateIndexes.add(index);
      } else {
        distinct.push(span);
      }
    }
    if (distinct.length === 1) continue;

    const client = distinct.find(span => span.kind === 'client');
    const serverHalves =
      client === undefined
        ? []
        : distinct.filter(span => span !== client && isServerHalf(span));
    const splits: SplitServerHalf[] = [];
    for (const server of serverHalves) {
      const newSpanId = newServerSpanId(
        sharedSpanId,
        server.serviceName,
        usedIds,
      );
      usedIds.add(newSpanId);
      server.spanId = newSpanId;
      server.parentSpanId = sharedSpanId;
      splits.push({ server, newSpanId });
    }
    const stillSharing = distinct.filter(span => !serverHalves.includes(span));
    if (stillSharing.length > 1) {
      for (const span of stillSharing) {
        addSpanWarning(
          span,
          `span id ${sharedSpanId} is shared by ${stillSharing.length} different spans`,
        );
      }
    }
    if (splits.length > 0) splitsBySharedId.set(sharedSpanId, splits);
  }

  if (splitsBySharedId.size > 0) {
    const splitServers = new Set<Span>();
    for (const splits of splitsBySharedId.values()) {
      for (const { server } of splits) splitServers.add(server);
    }
    for (const span of spans) {
      const parentSpanId = span.parentSpanId;
      if (parentSpanId === undefined || splitServers.has(span)) continue;
      const split = splitsBySharedId
        .get(parentSpanId)
        ?.find(candidate => candidate.server.serviceName === span.serviceName);
      if (split !== undefined) span.parentSpanId = split.newSpanId;
    }
  }

  if (duplicateIndexes.size > 0) {
    trace.spans = spans.filter((_, index) => !duplicateIndexes.has(index));
  }
  return trace;
};
