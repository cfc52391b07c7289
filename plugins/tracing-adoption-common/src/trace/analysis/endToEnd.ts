import { UNKNOWN_CALLEE } from './calleeNames';
import { getOrCreate } from './getOrCreate';
import { compareText } from './ordering';
import { isInboundKind } from './spanAttributes';
import type {
  BlockingReason,
  BlockingService,
  NewTraceFinding,
  OperationEndToEnd,
  OperationUninstrumentedHop,
  SharedFlowIdFinding,
  TraceAnalysis,
} from './types';

const REASON_ORDER: readonly BlockingReason[] = [
  'uninstrumented-callee',
  'calls-unidentified-callee',
  'starts-new-trace',
  'flow-id-instead-of-trace-context',
];

/** The findings that name services to fix. */
interface BlockingFindings {
  uninstrumentedHops: readonly OperationUninstrumentedHop[];
  newTraces: readonly NewTraceFinding[];
  sharedFlowIds: readonly SharedFlowIdFinding[];
}

/**
 * Whether the operation is traced from the edge, and which services stand
 * between it and an end-to-end trace.
 */
export class EndToEndAssessment {
  private tracesReachingFromEdge = 0;

  /** Counts traces rooted in the entry service's server/consumer span. */
  add(analysis: TraceAnalysis) {
    const entry = analysis.entry;
    if (entry?.isRoot && isInboundKind(entry.kind)) {
      this.tracesReachingFromEdge++;
    }
  }

  result(findings: BlockingFindings): OperationEndToEnd {
    return {
      reachesFromEdge: this.tracesReachingFromEdge > 0,
      tracesReachingFromEdge: this.tracesReachingFromEdge,
      blockingServices: blockingServicesOf(findings),
    };
  }
}

function blockingServicesOf(params: BlockingFindings): BlockingService[] {
  const reasons = new Map<string, Set<BlockingReason>>();
  const block = (service: string, reason: BlockingReason) =>
    getOrCreate(reasons, service, () => new Set()).add(reason);
  for (const hop of params.uninstrumentedHops) {
    // Datastores are not expected to emit spans, and a callee that answers
    // in new traces is instrumented: its finding is the broken propagation.
    if (hop.calleeKind === 'datastore' || hop.callsAnsweredInNewTrace > 0) {
      continue;
    }
    if (hop.calleeName === UNKNOWN_CALLEE) {
      block(hop.callerService, 'calls-unidentified-callee');
    } else {
      block(hop.calleeName, 'uninstrumented-callee');
    }
  }
  for (const finding of params.newTraces) {
    block(finding.calleeService, 'starts-new-trace');
  }
  for (const finding of params.sharedFlowIds) {
    for (const service of finding.servicesStartingNewTraces) {
      block(service, 'flow-id-instead-of-trace-context');
    }
  }

  return [...reasons]
    .sort(([a], [b]) => compareText(a, b))
    .map(([service, serviceReasons]) => ({
      service,
      reasons: REASON_ORDER.filter(reason => serviceReasons.has(reason)),
    }));
}
