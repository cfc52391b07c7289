import type { LatencyPercentiles } from './types';

function nearestRank(sorted: Float64Array, fraction: number): number {
  const rank = Math.ceil(fraction * sorted.length);
  return sorted[Math.max(0, rank - 1)];
}

/**
 * Nearest-rank percentiles: every reported value is one of the durations,
 * with one sort per set of durations. Undefined for no durations.
 */
export function latencyPercentiles(
  durationsUs: ArrayLike<number>,
): LatencyPercentiles | undefined {
  if (durationsUs.length === 0) {
    return undefined;
  }
  const sorted = Float64Array.from(durationsUs).sort();
  return {
    samples: sorted.length,
    p50Us: nearestRank(sorted, 0.5),
    p95Us: nearestRank(sorted, 0.95),
    p99Us: nearestRank(sorted, 0.99),
    maxUs: sorted[sorted.length - 1],
  };
}

/**
 * Per-request counts over a sample, fed only with the requests that had at
 * least one; the others count as 0 when the figures are read. Keeps sums
 * rather than values, so memory does not grow with the sample.
 */
export class PerRequestCounts {
  total = 0;
  requestsWithAny = 0;
  private sumOfSquares = 0;
  private smallestPresent = Infinity;
  private largest = 0;

  add(count: number) {
    this.total += count;
    this.sumOfSquares += count * count;
    this.requestsWithAny++;
    this.smallestPresent = Math.min(this.smallestPresent, count);
    this.largest = Math.max(this.largest, count);
  }

  /** Mean, population standard deviation, minimum and maximum over `requests`. */
  summarise(requests: number) {
    if (requests === 0) {
      return { mean: 0, stdDev: 0, min: 0, max: 0 };
    }
    const mean = this.total / requests;
    const variance = Math.max(0, this.sumOfSquares / requests - mean * mean);
    return {
      mean,
      stdDev: Math.sqrt(variance),
      min: this.requestsWithAny < requests ? 0 : this.smallestPresent,
      max: this.largest,
    };
  }
}
