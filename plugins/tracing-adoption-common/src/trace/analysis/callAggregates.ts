import { compareText, sortedValues } from './ordering';
import { PairMap } from './pairMap';
import { latencyPercentiles } from './statistics';
import { TraceOccurrences } from './traceOccurrences';
import type {
  CalleeKind,
  LatencyPercentiles,
  OperationEdge,
  OperationUninstrumentedHop,
  TraceAnalysis,
  UninstrumentedHop,
} from './types';

/** Percentiles of a non-empty list of durations. */
function percentilesOf(durationsUs: number[]): LatencyPercentiles {
  return latencyPercentiles(durationsUs)!;
}

interface EdgeTally {
  caller: string;
  callee: string;
  totalCalls: number;
  occurrences: TraceOccurrences;
  durationsUs: number[];
}

/** The service call graph over the matching traces. */
export class EdgeAggregator {
  private readonly edges = new PairMap<EdgeTally>();

  add(analysis: TraceAnalysis) {
    for (const call of analysis.calls) {
      const edge = this.edges.getOrCreate(call.caller, call.callee, () => ({
        caller: call.caller,
        callee: call.callee,
        totalCalls: 0,
        occurrences: new TraceOccurrences(0),
        durationsUs: [],
      }));
      edge.totalCalls += call.calls;
      edge.occurrences.add(analysis.traceId);
      for (const duration of call.durationsUs) {
        edge.durationsUs.push(duration);
      }
    }
  }

  result(requests: number): OperationEdge[] {
    return this.edges
      .values()
      .map(edge => ({
        caller: edge.caller,
        callee: edge.callee,
        totalCalls: edge.totalCalls,
        tracesWithEdge: edge.occurrences.traces,
        callsPerRequestMean: edge.totalCalls / requests,
        latency: percentilesOf(edge.durationsUs),
      }))
      .sort(
        (a, b) =>
          compareText(a.caller, b.caller) || compareText(a.callee, b.callee),
      );
  }
}

interface HopTally {
  callerService: string;
  calleeName: string;
  calleeKind: CalleeKind;
  calleeAttributes: Set<string>;
  totalCalls: number;
  callsAnsweredInNewTrace: number;
  occurrences: TraceOccurrences;
  durationsUs: number[];
}

/** Uninstrumented hops grouped by caller and callee name. */
export class UninstrumentedHopAggregator {
  private readonly groups = new PairMap<HopTally>();

  constructor(private readonly exampleLimit: number) {}

  add(analysis: TraceAnalysis) {
    for (const hop of analysis.uninstrumentedHops) {
      const group = this.groups.getOrCreate(
        hop.callerService,
        hop.calleeName,
        () => ({
          callerService: hop.callerService,
          calleeName: hop.calleeName,
          calleeKind: hop.calleeKind,
          calleeAttributes: new Set(),
          totalCalls: 0,
          callsAnsweredInNewTrace: 0,
          occurrences: new TraceOccurrences(this.exampleLimit),
          durationsUs: [],
        }),
      );
      if (hop.calleeAttribute !== undefined) {
        group.calleeAttributes.add(hop.calleeAttribute);
      }
      // A name shared by a service and a datastore is not a datastore.
      if (hop.calleeKind === 'service') {
        group.calleeKind = 'service';
      }
      group.totalCalls++;
      group.occurrences.add(analysis.traceId);
      group.durationsUs.push(hop.durationUs);
    }
  }

  result(
    requests: number,
    answeredInNewTrace: Iterable<UninstrumentedHop>,
  ): OperationUninstrumentedHop[] {
    for (const hop of answeredInNewTrace) {
      const group = this.groups.get(hop.callerService, hop.calleeName);
      if (group) {
        group.callsAnsweredInNewTrace++;
      }
    }
    return this.groups
      .values()
      .map(group => ({
        callerService: group.callerService,
        calleeName: group.calleeName,
        calleeKind: group.calleeKind,
        calleeAttributes: sortedValues(group.calleeAttributes),
        totalCalls: group.totalCalls,
        tracesWithHop: group.occurrences.traces,
        callsPerRequestMean: group.totalCalls / requests,
        callsAnsweredInNewTrace: group.callsAnsweredInNewTrace,
        latency: percentilesOf(group.durationsUs),
        exampleTraceIds: group.occurrences.exampleTraceIds,
      }))
      .sort(
        (a, b) =>
          compareText(a.callerService, b.callerService) ||
          compareText(a.calleeName, b.calleeName),
      );
  }
}
