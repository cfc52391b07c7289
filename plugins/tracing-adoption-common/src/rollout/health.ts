import type { OperationAnalysis } from '../trace/analysis/types';
import type {
  ObjectiveResult,
  ObjectivesStatus,
  OperationHealth,
  OperationHealthFigures,
  OperationObjectives,
} from './types';

const EXAMPLE_TRACE_IDS = 3;

function milliseconds(us: number): number {
  return us / 1000;
}

function objectiveResult(
  objective: number,
  actual: number | undefined,
): ObjectiveResult {
  if (actual === undefined) {
    return { objective, status: 'no-data' };
  }
  return { objective, actual, status: actual <= objective ? 'met' : 'missed' };
}

function overallStatus(results: ObjectiveResult[]): ObjectivesStatus {
  if (results.length === 0) {
    return 'no-objectives';
  }
  if (results.some(r => r.status === 'missed')) {
    return 'missed';
  }
  return results.some(r => r.status === 'no-data') ? 'no-data' : 'met';
}

/**
 * Entry latency, error rate, the services behind most of the latency and
 * most of the errors, and whether the objectives are met, from one analysis
 * of an operation's sampled traces. Pure.
 *
 * An objective is met when the measured value is at most the objective:
 * p99 of the entry span's duration against `latencyP99Ms`, failed entry
 * spans per 100 matching traces against `errorRatePercent`.
 *
 * @public
 */
export function computeOperationHealth(
  objectives: OperationObjectives | undefined,
  analysis: OperationAnalysis,
): OperationHealth {
  const { matchingTraces } = analysis.sample;
  const entry = analysis.latency.entry;
  const { failedEntrySpans, entryErrorRate } = analysis.errors;
  // the product before the division keeps 1 failure in 4 at exactly 25
  const errorPercent =
    matchingTraces > 0 ? (failedEntrySpans * 100) / matchingTraces : undefined;

  const results: OperationHealth['objectives'] = {};
  if (objectives?.latencyP99Ms !== undefined) {
    results.latencyP99Ms = objectiveResult(
      objectives.latencyP99Ms,
      entry && milliseconds(entry.p99Us),
    );
  }
  if (objectives?.errorRatePercent !== undefined) {
    results.errorRatePercent = objectiveResult(
      objectives.errorRatePercent,
      errorPercent,
    );
  }

  const health: OperationHealth = {
    matchingTraces,
    failedRequests: failedEntrySpans,
    objectives: results,
    objectivesStatus: overallStatus(Object.values(results)),
  };
  if (entry) {
    health.latency = {
      samples: entry.samples,
      p50Ms: milliseconds(entry.p50Us),
      p95Ms: milliseconds(entry.p95Us),
      p99Ms: milliseconds(entry.p99Us),
      maxMs: milliseconds(entry.maxUs),
    };
  }
  if (entryErrorRate !== undefined) {
    health.errorRate = entryErrorRate;
  }
  const [slowest] = analysis.latency.criticalPathByService;
  if (slowest && matchingTraces > 0) {
    health.topLatencyService = {
      service: slowest.service,
      share: slowest.share,
      msPerRequest: slowest.totalUs / (matchingTraces * 1000),
    };
  }
  const [failing] = analysis.errors.sourcesByService;
  if (failing) {
    health.topErrorService = {
      service: failing.service,
      errorSources: failing.errorSources,
      tracesWithErrorSource: failing.tracesWithErrorSource,
      exampleTraceIds: failing.exampleTraceIds.slice(0, EXAMPLE_TRACE_IDS),
    };
  }
  return health;
}

/**
 * The figures of a health kept in the daily history: percentiles, error
 * rate, objectives status and the names of the top services.
 *
 * @public
 */
export function operationHealthFigures(
  health: OperationHealth,
): OperationHealthFigures {
  return {
    matchingTraces: health.matchingTraces,
    p50Ms: health.latency?.p50Ms,
    p95Ms: health.latency?.p95Ms,
    p99Ms: health.latency?.p99Ms,
    errorRate: health.errorRate,
    objectivesStatus: health.objectivesStatus,
    topLatencyService: health.topLatencyService?.service,
    topErrorService: health.topErrorService?.service,
  };
}
