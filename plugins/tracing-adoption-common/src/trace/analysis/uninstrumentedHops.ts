import type { Span } from '../model';
import {
  calleeKindOf,
  calleeNameOf,
  messagingDestinationOf,
} from './calleeNames';
import { isInboundKind, isOutboundKind } from './spanAttributes';
import type { TraceIndex } from './traceIndex';
import type { UninstrumentedHop } from './types';

/**
 * Client/producer spans nobody answered. A child in another service, or a
 * server/consumer child, answers the call. A client span wrapping another
 * client span of its own service (a library span around an HTTP span) is not
 * a hop itself: the inner span is.
 */
export function findUninstrumentedHops(index: TraceIndex): UninstrumentedHop[] {
  const { spans, childOffsets, childList } = index;
  const hops: UninstrumentedHop[] = [];
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i];
    if (!isOutboundKind(span.kind)) {
      continue;
    }
    let answeredOrDelegated = false;
    for (let c = childOffsets[i]; c < childOffsets[i + 1]; c++) {
      const child = spans[childList[c]];
      if (
        child.serviceName !== span.serviceName ||
        isInboundKind(child.kind) ||
        isOutboundKind(child.kind)
      ) {
        answeredOrDelegated = true;
        break;
      }
    }
    if (!answeredOrDelegated) {
      hops.push(toHop(span));
    }
  }
  return hops;
}

function toHop(span: Span): UninstrumentedHop {
  const callee = calleeNameOf(span.attributes);
  const hop: UninstrumentedHop = {
    callerService: span.serviceName,
    callerSpanId: span.spanId,
    callerSpanKind: span.kind === 'producer' ? 'producer' : 'client',
    calleeName: callee.name,
    calleeKind: calleeKindOf(span.attributes),
    startTimeUs: span.startTimeUs,
    durationUs: Math.max(0, span.durationUs),
  };
  if (callee.attribute !== undefined) {
    hop.calleeAttribute = callee.attribute;
  }
  const destination = messagingDestinationOf(span.attributes);
  if (destination !== undefined) {
    hop.messagingDestination = destination;
  }
  return hop;
}
