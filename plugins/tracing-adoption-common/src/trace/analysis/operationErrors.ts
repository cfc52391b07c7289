import { compareText } from './ordering';
import { TraceOccurrences } from './traceOccurrences';
import type { OperationErrors, TraceAnalysis } from './types';

/** How often the operation failed and where its errors started. */
export class ErrorAggregator {
  private requests = 0;
  private failedEntrySpans = 0;
  private readonly sources = new Map<
    string,
    { errorSources: number; occurrences: TraceOccurrences }
  >();

  constructor(private readonly exampleLimit: number) {}

  add(analysis: TraceAnalysis) {
    this.requests++;
    if (analysis.entry?.isError) {
      this.failedEntrySpans++;
    }
    for (const source of analysis.errorSources) {
      let tally = this.sources.get(source.service);
      if (!tally) {
        tally = {
          errorSources: 0,
          occurrences: new TraceOccurrences(this.exampleLimit),
        };
        this.sources.set(source.service, tally);
      }
      tally.errorSources++;
      tally.occurrences.add(analysis.traceId);
    }
  }

  result(): OperationErrors {
    const errors: OperationErrors = {
      failedEntrySpans: this.failedEntrySpans,
      sourcesByService: [...this.sources]
        .map(([service, tally]) => ({
          service,
          errorSources: tally.errorSources,
          tracesWithErrorSource: tally.occurrences.traces,
          exampleTraceIds: tally.occurrences.exampleTraceIds,
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
