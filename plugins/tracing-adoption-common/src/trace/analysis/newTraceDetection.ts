import type { Trace } from '../model';
import {
  HOST_ATTRIBUTES,
  messagingDestinationOf,
  UNKNOWN_CALLEE,
} from './calleeNames';
import { getOrCreate } from './getOrCreate';
import { isInboundKind } from './spanAttributes';
import { earliestRootIndex } from './spanParents';
import type { UninstrumentedHop } from './types';

/** An uninstrumented hop and the operation trace it was found in. */
export interface HopInTrace {
  hop: UninstrumentedHop;
  operationTraceId: string;
}

/** An uninstrumented hop answered by a root span in a trace of its own. */
export interface NewTracePairing extends HopInTrace {
  newTraceId: string;
  calleeService: string;
}

/** The tolerances of `AnalyzeOperationOptions`, with defaults applied. */
export interface PairingTolerances {
  clockSkewToleranceUs: number;
  asyncDeliveryToleranceUs: number;
}

interface HopWaitingForAnswer extends HopInTrace {
  earliestAnswerUs: number;
  latestAnswerUs: number;
  paired: boolean;
}

interface NewTraceRoot {
  traceId: string;
  service: string;
  startUs: number;
  paired: boolean;
}

/**
 * How a caller's name for its callee compares with a `service.name`: case
 * aside, and for host names only the first label, since in-cluster hosts are
 * commonly `<service>.<namespace>.svc.cluster.local`.
 */
function serviceKeyOfHop(hop: UninstrumentedHop): string | undefined {
  if (hop.calleeName === UNKNOWN_CALLEE) {
    return undefined;
  }
  const name = hop.calleeName.toLowerCase();
  if (hop.calleeAttribute && HOST_ATTRIBUTES.has(hop.calleeAttribute)) {
    const dot = name.indexOf('.');
    return `service:${dot === -1 ? name : name.slice(0, dot)}`;
  }
  return `service:${name}`;
}

function destinationKey(destination: string | undefined) {
  return destination === undefined ? undefined : `destination:${destination}`;
}

/**
 * Roots of other traces that could answer a hop: server/consumer spans, not
 * linked back to an operation trace (a link is deliberate propagation),
 * filed under their service and, for consumers, their destination.
 */
function newTraceRootsByKey(
  otherTraces: readonly Trace[],
  operationTraceIds: ReadonlySet<string>,
): Map<string, NewTraceRoot[]> {
  const byKey = new Map<string, NewTraceRoot[]>();
  for (const trace of otherTraces) {
    const rootIndex = earliestRootIndex(trace, () => true);
    if (rootIndex === -1) {
      continue;
    }
    const root = trace.spans[rootIndex];
    if (
      !isInboundKind(root.kind) ||
      root.references.some(ref => operationTraceIds.has(ref.traceId))
    ) {
      continue;
    }
    const candidate: NewTraceRoot = {
      traceId: trace.traceId,
      service: root.serviceName,
      startUs: root.startTimeUs,
      paired: false,
    };
    getOrCreate(
      byKey,
      `service:${root.serviceName.toLowerCase()}`,
      () => [],
    ).push(candidate);
    const destination = destinationKey(messagingDestinationOf(root.attributes));
    if (destination) {
      getOrCreate(byKey, destination, () => []).push(candidate);
    }
  }
  for (const roots of byKey.values()) {
    roots.sort((a, b) => a.startUs - b.startUs);
  }
  return byKey;
}

/**
 * Pairs each hop with the earliest unpaired root that starts within the
 * hop's window, hops taken in start order. Window lower bounds rise with the
 * hop start, so a root too early for one hop is too early for every later
 * one and a single sweep per key suffices.
 */
function sweep(
  hops: HopWaitingForAnswer[],
  roots: readonly NewTraceRoot[],
  pairings: NewTracePairing[],
) {
  hops.sort((a, b) => a.earliestAnswerUs - b.earliestAnswerUs);
  let next = 0;
  for (const waiting of hops) {
    while (
      next < roots.length &&
      (roots[next].paired || roots[next].startUs < waiting.earliestAnswerUs)
    ) {
      next++;
    }
    const root = roots[next];
    if (root && root.startUs <= waiting.latestAnswerUs) {
      root.paired = true;
      waiting.paired = true;
      pairings.push({
        hop: waiting.hop,
        operationTraceId: waiting.operationTraceId,
        newTraceId: root.traceId,
        calleeService: root.service,
      });
    }
  }
}

/**
 * Finds callees that emit spans but start a new trace: a hop of an operation
 * trace is answered by the root server/consumer span of a trace outside the
 * operation, in a service the hop names (or consuming the destination the
 * hop produced to), starting while the hop's span runs, give or take the
 * clock skew; a consumer may also start up to the async delivery tolerance
 * after its producer ended. Destinations are tried first, being the stronger
 * evidence. Each new trace answers at most one hop.
 */
export function pairHopsWithNewTraces(
  hops: readonly HopInTrace[],
  operationTraceIds: ReadonlySet<string>,
  otherTraces: readonly Trace[],
  tolerances: PairingTolerances,
): NewTracePairing[] {
  const waiting: HopWaitingForAnswer[] = [];
  for (const { hop, operationTraceId } of hops) {
    if (hop.calleeKind !== 'service') {
      continue;
    }
    const lateness =
      hop.callerSpanKind === 'producer'
        ? tolerances.asyncDeliveryToleranceUs
        : tolerances.clockSkewToleranceUs;
    waiting.push({
      hop,
      operationTraceId,
      earliestAnswerUs: hop.startTimeUs - tolerances.clockSkewToleranceUs,
      latestAnswerUs: hop.startTimeUs + hop.durationUs + lateness,
      paired: false,
    });
  }
  if (waiting.length === 0) {
    return [];
  }
  const rootsByKey = newTraceRootsByKey(otherTraces, operationTraceIds);
  const pairings: NewTracePairing[] = [];
  const keyOfHop = [
    (hop: UninstrumentedHop) => destinationKey(hop.messagingDestination),
    serviceKeyOfHop,
  ];
  for (const keyOf of keyOfHop) {
    const hopsByKey = new Map<string, HopWaitingForAnswer[]>();
    for (const entry of waiting) {
      const key = entry.paired ? undefined : keyOf(entry.hop);
      if (key !== undefined && rootsByKey.has(key)) {
        getOrCreate(hopsByKey, key, () => []).push(entry);
      }
    }
    for (const [key, hops] of hopsByKey) {
      sweep(hops, rootsByKey.get(key)!, pairings);
    }
  }
  return pairings;
}
