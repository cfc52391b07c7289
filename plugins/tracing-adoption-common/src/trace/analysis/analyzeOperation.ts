import type { Trace } from '../model';
import { analyzeTraceFromEntry } from './analyzeTrace';
import { EdgeAggregator, UninstrumentedHopAggregator } from './callAggregates';
import { EndToEndAssessment } from './endToEnd';
import { DEFAULT_FLOW_ID_ATTRIBUTES } from './flowIds';
import { type HopInTrace, pairHopsWithNewTraces } from './newTraceDetection';
import { ErrorAggregator } from './operationErrors';
import { LatencyAggregator } from './operationLatency';
import {
  compileOperationMatcher,
  matchingEntryIndex,
} from './operationMatcher';
import { SampleAggregator } from './operationSample';
import { ParticipantAggregator } from './participants';
import {
  CrossTraceReferenceAggregator,
  OrphanRootAggregator,
  summariseNewTraces,
} from './propagationFindings';
import { SharedFlowIdFinder } from './sharedFlowIds';
import type {
  AnalyzeOperationOptions,
  OperationAnalysis,
  OperationMatcher,
} from './types';

/**
 * Analyses a critical user operation over every trace of a time window.
 * Traces that do not match the operation are still read: they show callees
 * that start new traces and flow ids shared with the operation's traces.
 *
 * Each matching trace is analysed once and folded into the aggregates right
 * away, so memory grows with the number of services and hops, not spans.
 *
 * @public
 */
export function analyzeOperation(params: {
  operation: OperationMatcher;
  traces: readonly Trace[];
  options?: AnalyzeOperationOptions;
}): OperationAnalysis {
  const { operation, traces, options = {} } = params;
  const flowIdAttributes =
    options.flowIdAttributes ?? DEFAULT_FLOW_ID_ATTRIBUTES;
  const exampleLimit = options.exampleLimit ?? 5;
  const matcher = compileOperationMatcher(operation);

  const sample = new SampleAggregator(options.sampleTraceIdLimit ?? 50);
  const participants = new ParticipantAggregator();
  const edges = new EdgeAggregator();
  const hops = new UninstrumentedHopAggregator(exampleLimit);
  const orphanRoots = new OrphanRootAggregator(exampleLimit);
  const crossTraceReferences = new CrossTraceReferenceAggregator(exampleLimit);
  const sharedFlowIds = new SharedFlowIdFinder({
    flowIdAttributes,
    entryService: operation.entryService,
    exampleLimit,
  });
  const errors = new ErrorAggregator(exampleLimit);
  const latency = new LatencyAggregator();
  const endToEnd = new EndToEndAssessment();
  const aggregators = [
    sample,
    participants,
    edges,
    hops,
    orphanRoots,
    crossTraceReferences,
    sharedFlowIds,
    errors,
    latency,
    endToEnd,
  ];

  const operationTraceIds = new Set<string>();
  const hopsInTraces: HopInTrace[] = [];
  const otherTraces: Trace[] = [];
  for (const trace of traces) {
    const entryIndex = matchingEntryIndex(trace, matcher);
    if (entryIndex === -1) {
      otherTraces.push(trace);
      continue;
    }
    const analysis = analyzeTraceFromEntry(trace, entryIndex, flowIdAttributes);
    aggregators.forEach(aggregator => aggregator.add(analysis));
    operationTraceIds.add(analysis.traceId);
    for (const hop of analysis.uninstrumentedHops) {
      hopsInTraces.push({ hop, operationTraceId: analysis.traceId });
    }
  }

  const pairings = pairHopsWithNewTraces(
    hopsInTraces,
    operationTraceIds,
    otherTraces,
    {
      clockSkewToleranceUs: options.clockSkewToleranceUs ?? 10_000,
      asyncDeliveryToleranceUs: options.asyncDeliveryToleranceUs ?? 60_000_000,
    },
  );
  const answeringServiceOfHop = new Map(
    pairings.map(pairing => [pairing.hop, pairing.calleeService]),
  );
  const uninstrumentedHops = hops.result(
    sample.requests,
    answeringServiceOfHop.keys(),
  );
  const newTraces = summariseNewTraces(pairings, exampleLimit);
  const flowIdFindings = sharedFlowIds.result(otherTraces);

  return {
    operation: { ...operation },
    sample: sample.result(traces.length),
    participants: participants.result(answeringServiceOfHop),
    edges: edges.result(sample.requests),
    uninstrumentedHops,
    brokenPropagation: {
      newTraces,
      sharedFlowIds: flowIdFindings,
      orphanRoots: orphanRoots.result(),
      crossTraceReferences: crossTraceReferences.result(),
    },
    errors: errors.result(),
    latency: latency.result(),
    endToEnd: endToEnd.result({
      uninstrumentedHops,
      newTraces,
      sharedFlowIds: flowIdFindings,
    }),
  };
}
