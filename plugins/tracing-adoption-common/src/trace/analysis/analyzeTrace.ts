import type { Trace } from '../model';
import { findCriticalPath } from './criticalPath';
import { errorSignalOf, findErrorSources } from './errorSources';
import { collectFlowIds, DEFAULT_FLOW_ID_ATTRIBUTES } from './flowIds';
import { collectInstrumentationFacts } from './instrumentationFacts';
import {
  compileOperationMatcher,
  matchingEntryIndex,
} from './operationMatcher';
import { compareText } from './ordering';
import {
  findCrossTraceReferences,
  findOrphanRoots,
} from './propagationSignals';
import { computeSelfTimes } from './selfTime';
import { collectServiceCalls } from './serviceCalls';
import { indexTrace, type TraceIndex } from './traceIndex';
import type {
  AnalyzeTraceOptions,
  EntrySpanSummary,
  TraceAnalysis,
  TraceServiceSummary,
} from './types';
import { findUninstrumentedHops } from './uninstrumentedHops';

/**
 * Analyses one trace: who took part, who called whom, where calls left the
 * instrumented world, where errors started, where time went, how services
 * are instrumented, and what hints at broken context propagation.
 *
 * @public
 */
export function analyzeTrace(
  trace: Trace,
  options: AnalyzeTraceOptions = {},
): TraceAnalysis {
  const entryIndex = options.operation
    ? matchingEntryIndex(trace, compileOperationMatcher(options.operation))
    : -1;
  return analyzeTraceFromEntry(
    trace,
    entryIndex,
    options.flowIdAttributes ?? DEFAULT_FLOW_ID_ATTRIBUTES,
  );
}

/**
 * {@link analyzeTrace} with the entry span already located (-1 for none), so
 * an operation analysis does not look for it twice.
 */
export function analyzeTraceFromEntry(
  trace: Trace,
  entryIndex: number,
  flowIdAttributes: readonly string[],
): TraceAnalysis {
  const index = indexTrace(trace);
  const { spans, roots } = index;
  const pathStart = entryIndex !== -1 ? entryIndex : roots[0] ?? -1;
  const callGraph = collectServiceCalls(index);
  const analysis: TraceAnalysis = {
    traceId: trace.traceId,
    spanCount: spans.length,
    ...timeRangeOf(index),
    rootSpans: roots.map(i => ({
      spanId: spans[i].spanId,
      service: spans[i].serviceName,
      spanName: spans[i].name,
      kind: spans[i].kind,
    })),
    services: summariseServices(index, callGraph.inboundCalls),
    calls: callGraph.calls,
    uninstrumentedHops: findUninstrumentedHops(index),
    errorSources: findErrorSources(index),
    criticalPath: pathStart === -1 ? [] : findCriticalPath(index, pathStart),
    orphanRoots: findOrphanRoots(index),
    crossTraceReferences: findCrossTraceReferences(index),
    flowIds: collectFlowIds(spans, flowIdAttributes),
    structureProblems: {
      duplicateSpanIds: [...index.duplicateSpanIds],
      parentCycleSpanIds: [...index.parentCycleSpanIds],
    },
  };
  if (entryIndex !== -1) {
    analysis.entry = summariseEntry(index, entryIndex);
  }
  return analysis;
}

function timeRangeOf(index: TraceIndex) {
  if (index.spans.length === 0) {
    return { startTimeUs: 0, endTimeUs: 0 };
  }
  let startTimeUs = Infinity;
  let endTimeUs = -Infinity;
  for (let i = 0; i < index.spans.length; i++) {
    startTimeUs = Math.min(startTimeUs, index.startUs[i]);
    endTimeUs = Math.max(endTimeUs, index.endUs[i]);
  }
  return { startTimeUs, endTimeUs };
}

function summariseServices(
  index: TraceIndex,
  inboundCalls: Int32Array,
): TraceServiceSummary[] {
  const selfTimes = computeSelfTimes(index);
  const facts = collectInstrumentationFacts(index);
  const serviceCount = index.serviceNames.length;
  const spanCounts = new Int32Array(serviceCount);
  const selfTimeTotals = new Float64Array(serviceCount);
  for (let i = 0; i < index.spans.length; i++) {
    spanCounts[index.serviceOf[i]]++;
    selfTimeTotals[index.serviceOf[i]] += selfTimes[i];
  }
  return index.serviceNames
    .map((service, s) => ({
      service,
      spans: spanCounts[s],
      inboundCalls: inboundCalls[s],
      selfTimeUs: selfTimeTotals[s],
      ...facts[s],
    }))
    .sort((a, b) => compareText(a.service, b.service));
}

function summariseEntry(index: TraceIndex, i: number): EntrySpanSummary {
  const span = index.spans[i];
  return {
    spanId: span.spanId,
    service: span.serviceName,
    spanName: span.name,
    kind: span.kind,
    durationUs: index.endUs[i] - index.startUs[i],
    isError: errorSignalOf(span) !== undefined,
    isRoot: index.parent[i] === -1,
  };
}
