import { analyzeOperation } from '../trace/analysis/analyzeOperation';
import {
  PLACE_ORDER,
  shopWindow,
} from '../trace/analysis/__testUtils__/onlineShop';
import type { OperationAnalysis } from '../trace/analysis/types';
import { computeOperationHealth, operationHealthFigures } from './health';

/** Four place-order requests of 100 ms each; order-b fails in payments. */
const placeOrder = analyzeOperation({
  operation: PLACE_ORDER,
  traces: shopWindow(),
});
const [, failedOrderTraceId] = placeOrder.sample.traceIds;

function withFigures(
  overrides: Partial<Pick<OperationAnalysis, 'errors' | 'latency'>> & {
    matchingTraces?: number;
  },
): OperationAnalysis {
  const { matchingTraces, ...parts } = overrides;
  return {
    ...placeOrder,
    ...parts,
    sample: {
      ...placeOrder.sample,
      matchingTraces: matchingTraces ?? placeOrder.sample.matchingTraces,
    },
  };
}

describe('computeOperationHealth', () => {
  it('reads latency, errors and their top services from the analysis', () => {
    expect(
      computeOperationHealth(
        { latencyP99Ms: 100, errorRatePercent: 1 },
        placeOrder,
      ),
    ).toEqual({
      matchingTraces: 4,
      latency: { samples: 4, p50Ms: 100, p95Ms: 100, p99Ms: 100, maxMs: 100 },
      errorRate: 0.25,
      failedRequests: 1,
      // 268 ms of the 400 ms on the critical path over four requests
      topLatencyService: { service: 'checkout', share: 0.67, msPerRequest: 67 },
      topErrorService: {
        service: 'payments',
        errorSources: 1,
        tracesWithErrorSource: 1,
        exampleTraceIds: [failedOrderTraceId],
      },
      objectives: {
        // at most the objective is met
        latencyP99Ms: { objective: 100, actual: 100, status: 'met' },
        errorRatePercent: { objective: 1, actual: 25, status: 'missed' },
      },
      objectivesStatus: 'missed',
    });
  });

  it('meets the objectives when every one is met', () => {
    const health = computeOperationHealth(
      { latencyP99Ms: 150, errorRatePercent: 25 },
      placeOrder,
    );
    expect(health.objectives).toEqual({
      latencyP99Ms: { objective: 150, actual: 100, status: 'met' },
      errorRatePercent: { objective: 25, actual: 25, status: 'met' },
    });
    expect(health.objectivesStatus).toBe('met');
  });

  it('says so when the operation has no objectives', () => {
    const health = computeOperationHealth(undefined, placeOrder);
    expect(health.objectives).toEqual({});
    expect(health.objectivesStatus).toBe('no-objectives');
  });

  it('converts microseconds to milliseconds and keeps exact error percentages', () => {
    const health = computeOperationHealth(
      { latencyP99Ms: 1500, errorRatePercent: 30 },
      withFigures({
        matchingTraces: 10,
        latency: {
          ...placeOrder.latency,
          entry: {
            samples: 10,
            p50Us: 412_250,
            p95Us: 1_480_001,
            p99Us: 1_500_001,
            maxUs: 2_000_000,
          },
        },
        errors: {
          failedEntrySpans: 3,
          entryErrorRate: 0.3,
          sourcesByService: [],
        },
      }),
    );
    expect(health.latency).toEqual({
      samples: 10,
      p50Ms: 412.25,
      p95Ms: 1480.001,
      p99Ms: 1500.001,
      maxMs: 2000,
    });
    // 3 × 100 / 10, where 0.3 × 100 would be 30.000000000000004
    expect(health.objectives).toEqual({
      latencyP99Ms: { objective: 1500, actual: 1500.001, status: 'missed' },
      errorRatePercent: { objective: 30, actual: 30, status: 'met' },
    });
    expect(health.topErrorService).toBeUndefined();
  });

  it('has no figures to judge the objectives by without matching traces', () => {
    const none = analyzeOperation({
      operation: { entryService: 'nobody' },
      traces: shopWindow(),
    });
    expect(
      computeOperationHealth({ latencyP99Ms: 900, errorRatePercent: 1 }, none),
    ).toEqual({
      matchingTraces: 0,
      failedRequests: 0,
      objectives: {
        latencyP99Ms: { objective: 900, status: 'no-data' },
        errorRatePercent: { objective: 1, status: 'no-data' },
      },
      objectivesStatus: 'no-data',
    });
  });
});

describe('operationHealthFigures', () => {
  it('keeps the figures a daily history charts', () => {
    expect(
      operationHealthFigures(
        computeOperationHealth({ latencyP99Ms: 100 }, placeOrder),
      ),
    ).toEqual({
      matchingTraces: 4,
      p50Ms: 100,
      p95Ms: 100,
      p99Ms: 100,
      errorRate: 0.25,
      objectivesStatus: 'met',
      topLatencyService: 'checkout',
      topErrorService: 'payments',
    });
  });
});
