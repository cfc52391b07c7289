import { UNKNOWN_CALLEE } from './calleeNames';
import { getOrCreate } from './getOrCreate';
import { InstrumentationFactsBuilder } from './instrumentationFacts';
import { compareText } from './ordering';
import { PerRequestCounts } from './statistics';
import type {
  CalleeKind,
  OperationParticipant,
  TraceAnalysis,
  UninstrumentedHop,
} from './types';

class ParticipantTally {
  readonly calls = new PerRequestCounts();
  readonly facts = new InstrumentationFactsBuilder();
  spans = 0;
  emitsSpans = false;
  seenAsUninstrumentedCallee = false;
  startsNewTrace = false;
  onlyDatastoreHops = true;
}

/** What fan-out needs of one trace once new traces have been paired. */
interface CallsOfTrace {
  inboundCalls: Array<[service: string, calls: number]>;
  hops: readonly UninstrumentedHop[];
}

/**
 * Participants with their fan-out. Per matching trace, a service's calls are
 * its inbound calls (the entry service's root span counting as the one call
 * from outside) plus the uninstrumented hops naming it; a hop answered in a
 * new trace counts for the service that answered it.
 */
export class ParticipantAggregator {
  private readonly tallies = new Map<string, ParticipantTally>();
  private readonly callsOfTraces: CallsOfTrace[] = [];

  private tallyOf(service: string) {
    return getOrCreate(this.tallies, service, () => new ParticipantTally());
  }

  add(analysis: TraceAnalysis) {
    for (const summary of analysis.services) {
      const tally = this.tallyOf(summary.service);
      tally.spans += summary.spans;
      tally.emitsSpans = true;
      tally.facts.addFacts(summary);
    }
    this.callsOfTraces.push({
      inboundCalls: analysis.services.map(s => [s.service, s.inboundCalls]),
      hops: analysis.uninstrumentedHops,
    });
  }

  result(
    answeringServiceOfHop: ReadonlyMap<UninstrumentedHop, string>,
  ): OperationParticipant[] {
    for (const { inboundCalls, hops } of this.callsOfTraces) {
      const callsInTrace = new Map(inboundCalls);
      for (const hop of hops) {
        const answeringService = answeringServiceOfHop.get(hop);
        const callee =
          answeringService ??
          (hop.calleeName === UNKNOWN_CALLEE ? undefined : hop.calleeName);
        if (callee === undefined) {
          continue;
        }
        const tally = this.tallyOf(callee);
        if (answeringService !== undefined) {
          tally.startsNewTrace = true;
        } else {
          tally.seenAsUninstrumentedCallee = true;
          tally.onlyDatastoreHops &&= hop.calleeKind === 'datastore';
        }
        callsInTrace.set(callee, (callsInTrace.get(callee) ?? 0) + 1);
      }
      for (const [service, calls] of callsInTrace) {
        this.tallyOf(service).calls.add(calls);
      }
    }

    const requests = this.callsOfTraces.length;
    return [...this.tallies]
      .sort(([a], [b]) => compareText(a, b))
      .map(([service, tally]) => {
        const calls = tally.calls.summarise(requests);
        const kind: CalleeKind =
          !tally.emitsSpans &&
          tally.seenAsUninstrumentedCallee &&
          tally.onlyDatastoreHops
            ? 'datastore'
            : 'service';
        return {
          service,
          kind,
          emitsSpans: tally.emitsSpans,
          seenAsUninstrumentedCallee: tally.seenAsUninstrumentedCallee,
          startsNewTrace: tally.startsNewTrace,
          tracesWithService: tally.calls.requestsWithAny,
          spans: tally.spans,
          inboundCalls: tally.calls.total,
          callsPerRequestMean: calls.mean,
          callsPerRequestStdDev: calls.stdDev,
          callsPerRequestMin: calls.min,
          callsPerRequestMax: calls.max,
          ...tally.facts.build(),
        };
      });
  }
}
