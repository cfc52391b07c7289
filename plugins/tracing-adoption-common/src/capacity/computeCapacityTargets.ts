import { UNKNOWN_CALLEE } from '../trace/analysis/calleeNames';
import { getOrCreate } from '../trace/analysis/getOrCreate';
import { compareText } from '../trace/analysis/ordering';
import type {
  CalleeKind,
  OperationAnalysis,
  OperationParticipant,
} from '../trace/analysis/types';
import type {
  CallsPerRequest,
  CapacityDriver,
  CapacityOperationStatus,
  CapacityOperationSummary,
  CapacityTargets,
  CapacityTargetsInput,
  ClientSpanCalls,
  ServiceCapacityTarget,
} from './types';
import { validateInput } from './validateInput';

type DriverWithoutShare = Omit<CapacityDriver, 'share'>;

interface ServiceTally {
  kind: CalleeKind;
  instrumented: boolean;
  estimatedFromClientSpans: boolean;
  drivers: DriverWithoutShare[];
}

/**
 * Calls per request counted from callers' spans, by callee and caller, as
 * the participants count them: unanswered hops for the service they name,
 * hops answered in a new trace for the service that answered.
 */
function clientSpanCallsOf(
  analysis: OperationAnalysis,
): Map<string, Map<string, number>> {
  const callsByCallee = new Map<string, Map<string, number>>();
  const add = (callee: string, caller: string, calls: number) => {
    const byCaller = getOrCreate(callsByCallee, callee, () => new Map());
    byCaller.set(caller, (byCaller.get(caller) ?? 0) + calls);
  };
  for (const hop of analysis.uninstrumentedHops) {
    const unanswered = hop.totalCalls - hop.callsAnsweredInNewTrace;
    if (hop.calleeName !== UNKNOWN_CALLEE && unanswered > 0) {
      add(hop.calleeName, hop.callerService, unanswered);
    }
  }
  for (const finding of analysis.brokenPropagation.newTraces) {
    add(
      finding.calleeService,
      finding.callerService,
      finding.hopsAnsweredInNewTrace,
    );
  }
  return callsByCallee;
}

function driverOf(
  operation: { id: string; name: string },
  rate: number,
  participant: OperationParticipant,
  matchingTraces: number,
  callsByCaller: ReadonlyMap<string, number> | undefined,
): DriverWithoutShare {
  const clientSpanCalls: ClientSpanCalls[] = [...(callsByCaller ?? [])]
    .sort(([a], [b]) => compareText(a, b))
    .map(([callerService, calls]) => ({
      callerService,
      callsPerRequestMean: calls / matchingTraces,
    }));
  return {
    operationId: operation.id,
    operationName: operation.name,
    peakRequestsPerSecond: rate,
    callsPerRequest: {
      mean: participant.callsPerRequestMean,
      stdDev: participant.callsPerRequestStdDev,
      min: participant.callsPerRequestMin,
      max: participant.callsPerRequestMax,
    },
    matchingTraces,
    // Multiplying by the whole count before dividing by the traces keeps a
    // whole-number rate exact, where the rounded mean could be off by one ulp.
    expectedRps: (rate * participant.inboundCalls) / matchingTraces,
    clientSpanCalls,
  };
}

function sumOf(
  drivers: readonly DriverWithoutShare[],
  rpsOf: (driver: DriverWithoutShare) => number,
) {
  return drivers.reduce((sum, driver) => sum + rpsOf(driver), 0);
}

function targetOf(
  service: string,
  tally: ServiceTally,
  safetyFactor: number,
): ServiceCapacityTarget {
  const { drivers } = tally;
  const expectedRps = sumOf(drivers, d => d.expectedRps);
  const rateTimes = (calls: (c: CallsPerRequest) => number) =>
    sumOf(drivers, d => d.peakRequestsPerSecond * calls(d.callsPerRequest));
  return {
    service,
    kind: tally.kind,
    expectedRps,
    targetRps: expectedRps * safetyFactor,
    stdDevRange: {
      lowRps: rateTimes(c => Math.max(0, c.mean - c.stdDev)),
      highRps: rateTimes(c => c.mean + c.stdDev),
    },
    observedRange: {
      lowRps: rateTimes(c => c.min),
      highRps: rateTimes(c => c.max),
    },
    unknownLoad: tally.kind === 'service' && !tally.instrumented,
    estimatedFromClientSpans: tally.estimatedFromClientSpans,
    // Stable sort: equal contributions keep the operations' input order.
    drivers: drivers
      .map(driver => ({
        ...driver,
        share: expectedRps > 0 ? driver.expectedRps / expectedRps : 0,
      }))
      .sort((a, b) => b.expectedRps - a.expectedRps),
  };
}

function byLoad(a: ServiceCapacityTarget, b: ServiceCapacityTarget) {
  return b.expectedRps - a.expectedRps || compareText(a.service, b.service);
}

function statusOf(
  analysis: OperationAnalysis | undefined,
): CapacityOperationStatus {
  if (!analysis) {
    return 'not-traced';
  }
  return analysis.sample.matchingTraces > 0 ? 'traced' : 'no-matching-traces';
}

/**
 * Turns edge peak estimates of critical operations into expected requests/s
 * per service, using each operation's fan-out measured from its traces.
 * Operations without traces are listed and contribute nothing. Throws a
 * {@link CapacityInputError} for unusable rates, safety factor or what-if.
 *
 * @public
 */
export function computeCapacityTargets(
  input: CapacityTargetsInput,
): CapacityTargets {
  const whatIfRates = validateInput(input);
  const tallies = new Map<string, ServiceTally>();

  const operations = input.operations.map(
    (operation): CapacityOperationSummary => {
      const { analysis } = operation;
      const whatIfRate = whatIfRates.get(operation.id);
      const rate = whatIfRate ?? operation.peakRequestsPerSecond;
      const status = statusOf(analysis);
      if (analysis && status === 'traced') {
        const clientSpanCalls = clientSpanCallsOf(analysis);
        for (const participant of analysis.participants) {
          const tally = getOrCreate(tallies, participant.service, () => ({
            kind: participant.kind,
            instrumented: false,
            estimatedFromClientSpans: false,
            drivers: [],
          }));
          // A name some operation reaches as a service is not a datastore.
          if (participant.kind === 'service') {
            tally.kind = 'service';
          }
          // Spans in a new trace show the service is instrumented, even though
          // its own calls from there on are not part of the operation's traces.
          tally.instrumented ||=
            participant.emitsSpans || participant.startsNewTrace;
          tally.estimatedFromClientSpans ||=
            participant.seenAsUninstrumentedCallee ||
            participant.startsNewTrace;
          tally.drivers.push(
            driverOf(
              operation,
              rate,
              participant,
              analysis.sample.matchingTraces,
              clientSpanCalls.get(participant.service),
            ),
          );
        }
      }
      return {
        id: operation.id,
        name: operation.name,
        status,
        plannedPeakRequestsPerSecond: operation.peakRequestsPerSecond,
        peakRequestsPerSecond: rate,
        whatIf: whatIfRate !== undefined,
        ...(analysis ? { sample: analysis.sample } : {}),
      };
    },
  );

  const targets = [...tallies].map(([service, tally]) =>
    targetOf(service, tally, input.safetyFactor),
  );
  return {
    safetyFactor: input.safetyFactor,
    services: targets.filter(t => t.kind === 'service').sort(byLoad),
    datastores: targets.filter(t => t.kind === 'datastore').sort(byLoad),
    operations,
  };
}
