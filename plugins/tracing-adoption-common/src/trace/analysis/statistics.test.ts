import { latencyPercentiles, PerRequestCounts } from './statistics';

describe('latencyPercentiles', () => {
  const oneToHundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it.each([
    [
      'one duration',
      [7],
      { samples: 1, p50Us: 7, p95Us: 7, p99Us: 7, maxUs: 7 },
    ],
    [
      '1 to 100',
      oneToHundred,
      { samples: 100, p50Us: 50, p95Us: 95, p99Us: 99, maxUs: 100 },
    ],
    [
      '1 to 10, unsorted',
      [10, 1, 9, 2, 8, 3, 7, 4, 6, 5],
      { samples: 10, p50Us: 5, p95Us: 10, p99Us: 10, maxUs: 10 },
    ],
    [
      'large numbers sort numerically',
      [100_000, 9_000, 20_000],
      {
        samples: 3,
        p50Us: 20_000,
        p95Us: 100_000,
        p99Us: 100_000,
        maxUs: 100_000,
      },
    ],
  ])('takes nearest ranks of %s', (_, durations, expected) => {
    expect(latencyPercentiles(durations)).toEqual(expected);
  });

  it('has nothing to say about no durations', () => {
    expect(latencyPercentiles([])).toBeUndefined();
  });

  it('leaves its input alone', () => {
    const durations = [3, 1, 2];
    latencyPercentiles(durations);
    expect(durations).toEqual([3, 1, 2]);
  });
});

describe('PerRequestCounts', () => {
  it('counts requests that were not fed as zero', () => {
    const counts = new PerRequestCounts();
    [3, 3, 5].forEach(count => counts.add(count));
    const summary = counts.summarise(4);
    expect(summary).toEqual({
      mean: 11 / 4,
      stdDev: expect.closeTo(
        Math.sqrt((3 * 3 * 2 + 25) / 4 - (11 / 4) ** 2),
        12,
      ),
      min: 0,
      max: 5,
    });
    expect(counts.requestsWithAny).toBe(3);
    expect(counts.total).toBe(11);
  });

  it('has zero spread when every request has the same count', () => {
    const counts = new PerRequestCounts();
    [2, 2, 2].forEach(count => counts.add(count));
    expect(counts.summarise(3)).toEqual({ mean: 2, stdDev: 0, min: 2, max: 2 });
  });

  it('summarises an empty sample as zeros', () => {
    expect(new PerRequestCounts().summarise(0)).toEqual({
      mean: 0,
      stdDev: 0,
      min: 0,
      max: 0,
    });
  });
});
