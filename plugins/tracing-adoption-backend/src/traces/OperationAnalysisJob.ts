import { LoggerService } from '@backstage/backend-plugin-api';
import {
  CompiledRulePacks,
  OperationAnalysis,
  OperationMatcher,
  analyzeOperation,
  evaluateTraces,
  findRootSpans,
} from '@internal/plugin-tracing-adoption-common';
import {
  OperationAnalysisRow,
  StoredOperationAnalysis,
  TraceStore,
} from '../database/TraceStore';
import { RolloutEvaluator } from '../rollout/RolloutEvaluator';
import {
  CriticalOperationAnalysisRow,
  RolloutStore,
} from '../rollout/RolloutStore';

/** Sample traces whose source is remembered, for links into the source UI. */
const SOURCE_REFERENCES_LIMIT = 50;

export function operationKey(operation: OperationMatcher): string {
  return `${operation.entryService}|${operation.spanName ?? '*'}`;
}

export interface AnalysisJobSummary {
  tracesAnalysed: number;
  operationsAnalysed: number;
  criticalOperationsAnalysed: number;
  complianceScore?: number | null;
}

/** The analysis with the source of each listed sample trace. */
function storedAnalysis(
  result: OperationAnalysis,
  sourceOfTrace: Map<string, string>,
): StoredOperationAnalysis {
  const traceSources: Record<string, string> = {};
  for (const traceId of result.sample.traceIds.slice(
    0,
    SOURCE_REFERENCES_LIMIT,
  )) {
    const sourceId = sourceOfTrace.get(traceId);
    if (sourceId) {
      traceSources[traceId] = sourceId;
    }
  }
  return {
    result,
    sourceIds: [...new Set(Object.values(traceSources))].sort(),
    traceSources,
  };
}

/**
 * Analyses every operation observed in the sampled traces of the lookback
 * period (each distinct root service and root span name). An operation without
 * traces in the period keeps its last analysis, which the API then reports as
 * stale.
 */
export class OperationAnalysisJob {
  constructor(
    private readonly options: {
      store: TraceStore;
      logger: LoggerService;
      lookbackMs: number;
      flowIdAttributes: readonly string[];
      rulePacks: CompiledRulePacks;
      /** Critical operations are analysed with their own matchers, then evaluated. */
      rollout: { store: RolloutStore; evaluator: RolloutEvaluator };
    },
  ) {}

  async run(now: Date = new Date()): Promise<AnalysisJobSummary> {
    const { store, logger, lookbackMs, flowIdAttributes, rulePacks, rollout } =
      this.options;
    const samples = await store.listSamples(
      new Date(now.getTime() - lookbackMs),
    );
    const traces = samples.map(s => s.trace);
    const sourceOfTrace = new Map(
      samples.map(s => [s.trace.traceId, s.sourceId]),
    );

    const operations = new Map<string, OperationMatcher>();
    for (const trace of traces) {
      const [root] = findRootSpans(trace);
      if (root) {
        const operation = {
          entryService: root.serviceName,
          spanName: root.name,
        };
        operations.set(operationKey(operation), operation);
      }
    }

    const rows: OperationAnalysisRow[] = [];
    for (const [key, operation] of operations) {
      const result = analyzeOperation({
        operation,
        traces,
        options: { flowIdAttributes },
      });
      if (result.sample.matchingTraces === 0) {
        continue;
      }
      rows.push({
        operationKey: key,
        entryService: operation.entryService,
        spanName: operation.spanName,
        analyzedAt: now.toISOString(),
        windowStart:
          result.sample.windowStartUs !== undefined
            ? new Date(result.sample.windowStartUs / 1000).toISOString()
            : undefined,
        windowEnd:
          result.sample.windowEndUs !== undefined
            ? new Date(result.sample.windowEndUs / 1000).toISOString()
            : undefined,
        sampleSize: result.sample.matchingTraces,
        analysis: storedAnalysis(result, sourceOfTrace),
      });
    }
    await store.saveOperationAnalyses(rows);

    // a critical operation without traces in the window keeps its last analysis
    const criticalRows: CriticalOperationAnalysisRow[] = [];
    for (const operation of await rollout.store.listOperations()) {
      const result = analyzeOperation({
        operation: operation.entry,
        traces,
        options: { flowIdAttributes },
      });
      if (result.sample.matchingTraces > 0) {
        criticalRows.push({
          operationId: operation.id,
          entry: operation.entry,
          analyzedAt: now.toISOString(),
          analysis: storedAnalysis(result, sourceOfTrace),
        });
      }
    }
    await rollout.store.saveOperationAnalyses(criticalRows);
    let complianceScore: number | null | undefined;
    if (traces.length > 0 && rulePacks.packs.length > 0) {
      const report = evaluateTraces(traces, rulePacks);
      await store.saveComplianceReport(report, now);
      complianceScore = report.score;
    }
    await rollout.evaluator.evaluate(now);
    logger.info(
      `Operation analysis: ${rows.length} observed and ${
        criticalRows.length
      } critical operations over ${
        traces.length
      } sampled traces of the last ${Math.round(lookbackMs / 60000)} minutes`,
    );
    return {
      tracesAnalysed: traces.length,
      operationsAnalysed: rows.length,
      criticalOperationsAnalysed: criticalRows.length,
      complianceScore,
    };
  }
}
