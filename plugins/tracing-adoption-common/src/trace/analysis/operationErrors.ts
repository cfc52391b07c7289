import { compareText } from './ordering';
import { FindingsByService } from './traceOccurrences';
import type { OperationErrors, TraceAnalysis } from './types';

/** How often the operation failed and where its errors started. */
export class ErrorAggregator {
  private requests = 0;
  private failedEntrySpans = 0;
  private readonly sources: FindingsByService;

  constructor(exampleLimit: number) {
    this.sources = new FindingsByService(exampleLimit);
  }

  add(analysis: TraceAnalysis) {
    this.requests++;
    if (analysis.entry?.isError) {
      this.failedEntrySpans++;
    }
    for (const source of analysis.errorSources) {
      this.sources.add(source.service, analysis.traceId);
    }
  }

  result(): OperationErrors {
    const errors: OperationErrors = {
      failedEntrySpans: this.failedEntrySpans,
      sourcesByService: this.sources
        .entries()
        .map(({ service, findings, traces, exampleTraceIds }) => ({
          service,
          errorSources: findings,
          tracesWithErrorSource: traces,
          exampleTraceIds,
        }))
        .sort(
          (a, b) =>
            b.errorSources - a.errorSources ||
            compareText(a.service, b.service),
        ),
    };
    if (this.requests > 0) {
      errors.entryErrorRate = this.failedEntrySpans / this.requests;
    }
    return errors;
  }
}
