import { compareText } from './ordering';
import { latencyPercentiles } from './statistics';
import type {
  OperationLatency,
  ServiceTimeShare,
  TraceAnalysis,
} from './types';

function sharesOf(totals: ReadonlyMap<string, number>): ServiceTimeShare[] {
  let sum = 0;
  for (const total of totals.values()) {
    sum += total;
  }
  return [...totals]
    .map(([service, totalUs]) => ({
      service,
      totalUs,
      share: sum > 0 ? totalUs / sum : 0,
    }))
    .sort((a, b) => b.totalUs - a.totalUs || compareText(a.service, b.service));
}

function addTo(totals: Map<string, number>, service: string, us: number) {
  totals.set(service, (totals.get(service) ?? 0) + us);
}

/** Entry latency and which services the time goes to. */
export class LatencyAggregator {
  private readonly entryDurations: number[] = [];
  private readonly selfTime = new Map<string, number>();
  private readonly criticalPath = new Map<string, number>();

  add(analysis: TraceAnalysis) {
    if (analysis.entry) {
      this.entryDurations.push(analysis.entry.durationUs);
    }
    for (const summary of analysis.services) {
      addTo(this.selfTime, summary.service, summary.selfTimeUs);
    }
    for (const step of analysis.criticalPath) {
      addTo(this.criticalPath, step.service, step.selfTimeOnPathUs);
    }
  }

  result(): OperationLatency {
    const latency: OperationLatency = {
      selfTimeByService: sharesOf(this.selfTime),
      criticalPathByService: sharesOf(this.criticalPath),
    };
    const entry = latencyPercentiles(this.entryDurations);
    if (entry) {
      latency.entry = entry;
    }
    return latency;
  }
}
