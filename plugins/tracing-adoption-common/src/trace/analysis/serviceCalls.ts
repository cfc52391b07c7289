import type { Span } from '../model';
import { compareText } from './ordering';
import { isInboundKind, isOutboundKind } from './spanAttributes';
import type { TraceIndex } from './traceIndex';
import type { ServiceCall } from './types';

/**
 * Whether a parent→child link crosses a process boundary: the child runs in
 * another service, or a client/producer span is answered by a
 * server/consumer span (a service calling itself over the network).
 */
export function isCall(parent: Span, child: Span): boolean {
  return (
    parent.serviceName !== child.serviceName ||
    (isOutboundKind(parent.kind) && isInboundKind(child.kind))
  );
}

/** The service call graph of one trace and the calls into each service. */
export interface ServiceCallGraph {
  calls: ServiceCall[];
  /** Per service position: its root spans plus the calls it receives. */
  inboundCalls: Int32Array;
}

/** Collects one call per parent→child link that crosses a process boundary. */
export function collectServiceCalls(index: TraceIndex): ServiceCallGraph {
  const { spans, parent, serviceOf, serviceNames } = index;
  const serviceCount = serviceNames.length;
  const inboundCalls = new Int32Array(serviceCount);
  // Keyed by caller × serviceCount + callee: numbers hash faster than names.
  const callsByPair = new Map<number, ServiceCall>();
  for (let i = 0; i < spans.length; i++) {
    const callee = serviceOf[i];
    if (parent[i] === -1) {
      inboundCalls[callee]++;
      continue;
    }
    const callerSpan = spans[parent[i]];
    if (!isCall(callerSpan, spans[i])) {
      continue;
    }
    inboundCalls[callee]++;
    const caller = serviceOf[parent[i]];
    const pair = caller * serviceCount + callee;
    let call = callsByPair.get(pair);
    if (!call) {
      call = {
        caller: serviceNames[caller],
        callee: serviceNames[callee],
        calls: 0,
        durationsUs: [],
      };
      callsByPair.set(pair, call);
    }
    call.calls++;
    // The caller's outbound span includes the network; the callee's span is
    // the best measure left when the caller recorded none.
    const measured = isOutboundKind(callerSpan.kind) ? callerSpan : spans[i];
    call.durationsUs.push(Math.max(0, measured.durationUs));
  }
  const calls = [...callsByPair.values()].sort(
    (a, b) =>
      compareText(a.caller, b.caller) || compareText(a.callee, b.callee),
  );
  return { calls, inboundCalls };
}
