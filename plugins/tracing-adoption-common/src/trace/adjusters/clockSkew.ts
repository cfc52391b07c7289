import { Span } from '../model';
import { Adjuster } from './adjuster';
import { addSpanWarning } from './spanWarnings';

/** Resource attributes that name the machine whose clock timed a span, most specific first. */
const HOST_ATTRIBUTES = ['host.id', 'host.name', 'hostname', 'ip', 'host.ip'];

function hostOf(span: Span): string | undefined {
  for (const key of HOST_ATTRIBUTES) {
    const value = span.resource[key];
    const host = Array.isArray(value) ? value[0] : value;
    if (typeof host === 'string' && host !== '') return host;
  }
  return undefined;
}

/**
 * Whether two spans were timed by the same clock. Spans of one service are
 * always treated as such: replicas of a service on different hosts do drift,
 * but telling that drift from real latency needs more than one parent/child
 * pair, and a wrong shift inside a service would distort its own timings.
 */
function shareClock(a: Span, b: Span): boolean {
  if (a.serviceName === b.serviceName) return true;
  const host = hostOf(a);
  return host !== undefined && host === hostOf(b);
}

/**
 * The shift, in µs, that moves `child` into its already corrected parent.
 *
 * A child cannot start before its parent: the parent's context had to exist
 * first. A synchronous child also ends before its parent does, so a server
 * span sticking out of its client span is centred in it, assuming equal
 * network latency both ways (Jaeger's approach). Asynchronous children
 * (messaging) may legitimately outlive their parent, and a child longer than
 * its parent cannot fit at all; both are only moved to start with the parent.
 */
function skewCorrection(child: Span, parent: Span): number {
  const startsBeforeParent = child.startTimeUs < parent.startTimeUs;
  const asynchronous = child.kind === 'consumer' || parent.kind === 'producer';
  if (asynchronous || child.durationUs > parent.durationUs) {
    return startsBeforeParent ? parent.startTimeUs - child.startTimeUs : 0;
  }
  const endsAfterParent =
    child.startTimeUs + child.durationUs >
    parent.startTimeUs + parent.durationUs;
  if (!startsBeforeParent && !endsAfterParent) return 0;
  const latency = Math.floor((parent.durationUs - child.durationUs) / 2);
  return parent.startTimeUs + latency - child.startTimeUs;
}

/** Shifts the span and its events, but never before the epoch: inherited shifts can be larger than a malformed span's start time. */
function shift(span: Span, deltaUs: number): void {
  const appliedUs = Math.max(deltaUs, -span.startTimeUs);
  if (appliedUs === 0) return;
  span.startTimeUs += appliedUs;
  for (const event of span.events) event.timeUs += appliedUs;
  addSpanWarning(
    span,
    `clock skew: timestamps shifted by ${
      appliedUs > 0 ? '+' : ''
    }${appliedUs} µs`,
  );
}

interface PendingSpan {
  span: Span;
  parent: Span | undefined;
  /** Shift applied to the parent, which a child on the same clock inherits. */
  parentShiftUs: number;
}

/**
 * Corrects clock skew between services: a child span timed by another
 * machine's clock that starts before its parent or (for synchronous calls)
 * ends after it is shifted into the parent, and the shift carries over to
 * its descendants on the same clock. Spans of the same service are never
 * shifted against each other. Each shifted span gets a warning with the
 * shift in µs.
 *
 * Changes start times of spans and their events in place. Cycles, spans
 * unreachable from a root and children of an id that several spans share are
 * left alone, so the result does not depend on the order of the spans.
 *
 * @public
 */
export const clockSkew: Adjuster = trace => {
  const spans = trace.spans;
  if (spans.length < 2) return trace;

  // A parent id shared by several spans does not say which clock to compare
  // with, so children of such ids are treated like roots and left alone.
  const byId = new Map<string, Span | null>();
  for (const span of spans) {
    const existing = byId.get(span.spanId);
    if (existing === undefined) byId.set(span.spanId, span);
    else if (existing !== span) byId.set(span.spanId, null);
  }
  const parentOf = (span: Span): Span | undefined => {
    const parent =
      span.parentSpanId === undefined ? undefined : byId.get(span.parentSpanId);
    return parent && parent !== span ? parent : undefined;
  };

  // Most traces need no correction; finding that out needs no tree.
  const needsCorrection = spans.some(span => {
    const parent = parentOf(span);
    return (
      parent !== undefined &&
      !shareClock(span, parent) &&
      skewCorrection(span, parent) !== 0
    );
  });
  if (!needsCorrection) return trace;

  const childrenById = new Map<string, Span[]>();
  const pending: PendingSpan[] = [];
  for (const span of spans) {
    const parent = parentOf(span);
    if (parent === undefined) {
      pending.push({ span, parent: undefined, parentShiftUs: 0 });
    } else {
      const siblings = childrenById.get(parent.spanId);
      if (siblings === undefined) childrenById.set(parent.spanId, [span]);
      else siblings.push(span);
    }
  }

  // Iterative depth-first walk from the roots: a trace can be deeper than the
  // call stack allows, and a parent must be corrected before its children.
  const visited = new Set<Span>();
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { span, parent, parentShiftUs } = next;
    if (visited.has(span)) continue;
    visited.add(span);
    let shiftUs = 0;
    if (parent !== undefined) {
      shiftUs = shareClock(span, parent)
        ? parentShiftUs
        : skewCorrection(span, parent);
    }
    if (shiftUs !== 0) shift(span, shiftUs);
    const children = childrenById.get(span.spanId);
    if (children !== undefined) {
      for (const child of children) {
        pending.push({ span: child, parent: span, parentShiftUs: shiftUs });
      }
    }
  }
  return trace;
};
