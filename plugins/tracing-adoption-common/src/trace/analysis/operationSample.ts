import type { OperationSample, TraceAnalysis } from './types';

/** The sample's size, listed trace ids and time window. */
export class SampleAggregator {
  private matchingTraces = 0;
  private readonly traceIds: string[] = [];
  private windowStartUs = Infinity;
  private windowEndUs = -Infinity;

  constructor(private readonly traceIdLimit: number) {}

  add(analysis: TraceAnalysis) {
    this.matchingTraces++;
    if (this.traceIds.length < this.traceIdLimit) {
      this.traceIds.push(analysis.traceId);
    }
    this.windowStartUs = Math.min(this.windowStartUs, analysis.startTimeUs);
    this.windowEndUs = Math.max(this.windowEndUs, analysis.endTimeUs);
  }

  get requests(): number {
    return this.matchingTraces;
  }

  result(tracesInWindow: number): OperationSample {
    const sample: OperationSample = {
      tracesInWindow,
      matchingTraces: this.matchingTraces,
      traceIds: this.traceIds,
    };
    if (this.matchingTraces > 0) {
      sample.windowStartUs = this.windowStartUs;
      sample.windowEndUs = this.windowEndUs;
    }
    return sample;
  }
}
