import { analyzeOperation } from '../trace/analysis';
import {
  BROWSE_CATALOG,
  PLACE_ORDER,
  shopWindow,
} from '../trace/analysis/__testUtils__/onlineShop';
import {
  buildTrace,
  client,
  server,
} from '../trace/analysis/__testUtils__/traceBuilder';
import type { Trace } from '../trace/model';
import { CapacityInputError } from './CapacityInputError';
import { computeCapacityTargets } from './computeCapacityTargets';
import type { CapacityOperation, CapacityTargets } from './types';

/**
 * A request entering edge-gateway as `GET /<route>` that calls each callee
 * the given number of times.
 */
function requestTrace(
  label: string,
  route: string,
  callsByCallee: Record<string, number>,
): Trace {
  const calls = Object.entries(callsByCallee).flatMap(([callee, count]) =>
    Array.from({ length: count }, (_, i) =>
      client(`${label}→${callee}-${i}`, 'edge-gateway', [1_000, 500], {
        attributes: { 'peer.service': callee },
        children: [server(`${label}/${callee}-${i}`, callee, [1_100, 300])],
      }),
    ),
  );
  return buildTrace(
    label,
    server(`${label}/edge`, 'edge-gateway', [0, 5_000], {
      name: `GET /${route}`,
      children: calls,
    }),
  );
}

/** An operation on `GET /<route>` analysed over one trace per request given. */
function tracedOperation(
  route: string,
  peakRequestsPerSecond: number,
  requests: Array<Record<string, number>>,
): CapacityOperation {
  const traces = requests.map((calls, i) =>
    requestTrace(`${route}-${i}`, route, calls),
  );
  return {
    id: route,
    name: `Route ${route}`,
    peakRequestsPerSecond,
    analysis: analyzeOperation({
      operation: { entryService: 'edge-gateway', spanName: `GET /${route}` },
      traces,
    }),
  };
}

function serviceOf(targets: CapacityTargets, service: string) {
  const target = [...targets.services, ...targets.datastores].find(
    t => t.service === service,
  );
  if (!target) {
    throw new Error(`no target for ${service}`);
  }
  return target;
}

describe('computeCapacityTargets', () => {
  it('expects the edge rate times the calls per request: 200 rps × 3 = 600', () => {
    const browse = tracedOperation('browse', 200, [
      { pricing: 3 },
      { pricing: 3 },
    ]);
    const targets = computeCapacityTargets({
      operations: [browse],
      safetyFactor: 1,
    });

    expect(serviceOf(targets, 'pricing')).toMatchObject({
      kind: 'service',
      expectedRps: 600,
      targetRps: 600,
      unknownLoad: false,
      estimatedFromClientSpans: false,
      drivers: [
        {
          operationId: 'browse',
          operationName: 'Route browse',
          peakRequestsPerSecond: 200,
          callsPerRequest: { mean: 3, stdDev: 0, min: 3, max: 3 },
          matchingTraces: 2,
          expectedRps: 600,
          share: 1,
          clientSpanCalls: [],
        },
      ],
    });
  });

  it('gives the entry service exactly the edge rate, its root span being the one call from outside', () => {
    const browse = tracedOperation('browse', 200, [
      { pricing: 3 },
      { pricing: 1 },
    ]);
    // The fourth order's edge span names a parent (a CDN) that sent no spans.
    const placeOrder: CapacityOperation = {
      id: 'place-order',
      name: 'Place order',
      peakRequestsPerSecond: 35,
      analysis: analyzeOperation({
        operation: PLACE_ORDER,
        traces: shopWindow(),
      }),
    };
    const targets = computeCapacityTargets({
      operations: [browse, placeOrder],
      safetyFactor: 1,
    });

    const edge = serviceOf(targets, 'edge-gateway');
    expect(edge.expectedRps).toBe(235);
    expect(edge.drivers.map(d => d.callsPerRequest)).toEqual([
      { mean: 1, stdDev: 0, min: 1, max: 1 },
      { mean: 1, stdDev: 0, min: 1, max: 1 },
    ]);
  });

  it('adds up the operations that call a service, largest contribution first', () => {
    const targets = computeCapacityTargets({
      operations: [
        tracedOperation('cart', 50, [{ pricing: 2 }]),
        tracedOperation('browse', 200, [{ pricing: 3 }]),
      ],
      safetyFactor: 1,
    });

    const pricing = serviceOf(targets, 'pricing');
    expect(pricing.expectedRps).toBe(700);
    expect(
      pricing.drivers.map(d => [d.operationId, d.expectedRps, d.share]),
    ).toEqual([
      ['browse', 600, 600 / 700],
      ['cart', 100, 100 / 700],
    ]);
    expect(targets.services.map(s => [s.service, s.expectedRps])).toEqual([
      ['pricing', 700],
      ['edge-gateway', 250],
    ]);
  });

  it('multiplies before dividing by the traces: 3 rps with 1 call in 10 traces is 0.3', () => {
    const targets = computeCapacityTargets({
      operations: [
        tracedOperation('rare', 3, [
          { pricing: 1 },
          ...Array.from({ length: 9 }, () => ({})),
        ]),
      ],
      safetyFactor: 1,
    });

    // 3 × 0.1 would give 0.30000000000000004.
    expect(serviceOf(targets, 'pricing').expectedRps).toBe(0.3);
  });

  it('multiplies the expected rate by the safety factor into the target', () => {
    const targets = computeCapacityTargets({
      operations: [tracedOperation('browse', 200, [{ pricing: 3 }])],
      safetyFactor: 1.5,
    });

    expect(targets.safetyFactor).toBe(1.5);
    expect(serviceOf(targets, 'pricing')).toMatchObject({
      expectedRps: 600,
      targetRps: 900,
    });
  });

  it('replaces one operation’s edge rate with the what-if and keeps the plan beside it', () => {
    const operations = [
      tracedOperation('browse', 200, [{ pricing: 3 }]),
      tracedOperation('cart', 50, [{ pricing: 2 }]),
    ];
    const targets = computeCapacityTargets({
      operations,
      safetyFactor: 1.5,
      whatIf: { browse: 400 },
    });

    expect(serviceOf(targets, 'pricing')).toMatchObject({
      expectedRps: 1300,
      targetRps: 1950,
    });
    expect(
      targets.operations.map(op => [
        op.id,
        op.plannedPeakRequestsPerSecond,
        op.peakRequestsPerSecond,
        op.whatIf,
      ]),
    ).toEqual([
      ['browse', 200, 400, true],
      ['cart', 50, 50, false],
    ]);
  });

  it('spreads a fan-out of 6, 5, 4 and 3 calls around its mean of 4.5', () => {
    const targets = computeCapacityTargets({
      operations: [
        tracedOperation('browse', 200, [
          { pricing: 6 },
          { pricing: 5 },
          { pricing: 4 },
          { pricing: 3 },
        ]),
      ],
      safetyFactor: 1,
    });

    const pricing = serviceOf(targets, 'pricing');
    // Population variance: (36 + 25 + 16 + 9) / 4 − 4.5² = 1.25.
    const stdDev = Math.sqrt(1.25);
    expect(pricing.drivers[0].callsPerRequest).toEqual({
      mean: 4.5,
      stdDev,
      min: 3,
      max: 6,
    });
    expect(pricing.expectedRps).toBe(900);
    expect(pricing.stdDevRange).toEqual({
      lowRps: 200 * (4.5 - stdDev),
      highRps: 200 * (4.5 + stdDev),
    });
    expect(pricing.observedRange).toEqual({ lowRps: 600, highRps: 1200 });
  });

  it('floors the low estimate at 0 for a service missing from some requests', () => {
    const targets = computeCapacityTargets({
      operations: [
        tracedOperation('browse', 100, [{ reviews: 2 }, {}, {}, {}]),
      ],
      safetyFactor: 1,
    });

    // Calls 2, 0, 0, 0: mean 0.5, standard deviation √0.75 ≈ 0.87.
    expect(serviceOf(targets, 'reviews')).toMatchObject({
      expectedRps: 50,
      stdDevRange: { lowRps: 0, highRps: 100 * (0.5 + Math.sqrt(0.75)) },
      observedRange: { lowRps: 0, highRps: 200 },
    });
  });

  describe('on the online shop', () => {
    const traces = shopWindow();
    const targets = computeCapacityTargets({
      operations: [
        {
          id: 'place-order',
          name: 'Place order',
          peakRequestsPerSecond: 40,
          analysis: analyzeOperation({ operation: PLACE_ORDER, traces }),
        },
        {
          id: 'browse-catalog',
          name: 'Browse catalog',
          peakRequestsPerSecond: 300,
          analysis: analyzeOperation({ operation: BROWSE_CATALOG, traces }),
        },
        { id: 'sign-in', name: 'Sign in', peakRequestsPerSecond: 80 },
        {
          id: 'add-to-cart',
          name: 'Add to cart',
          peakRequestsPerSecond: 120,
          analysis: analyzeOperation({
            operation: { entryService: 'edge-gateway', spanName: 'POST /cart' },
            traces,
          }),
        },
      ],
      safetyFactor: 1.5,
    });

    it('reports a callee that emits nothing as unknown load, counted from its caller’s client spans', () => {
      const hop = analyzeOperation({
        operation: BROWSE_CATALOG,
        traces,
      }).uninstrumentedHops.find(h => h.calleeName === 'recommendations')!;
      expect(hop.callsPerRequestMean).toBe(0.5);

      expect(serviceOf(targets, 'recommendations')).toMatchObject({
        kind: 'service',
        expectedRps: 300 * hop.callsPerRequestMean,
        unknownLoad: true,
        estimatedFromClientSpans: true,
        drivers: [
          {
            operationId: 'browse-catalog',
            clientSpanCalls: [
              { callerService: 'catalog-browse', callsPerRequestMean: 0.5 },
            ],
          },
        ],
      });
    });

    it('counts a consumer that starts a new trace from the producer’s spans, without calling its load unknown', () => {
      expect(serviceOf(targets, 'order-events-consumer')).toMatchObject({
        expectedRps: 40,
        unknownLoad: false,
        estimatedFromClientSpans: true,
        drivers: [
          {
            clientSpanCalls: [
              { callerService: 'orders', callsPerRequestMean: 1 },
            ],
          },
        ],
      });
      expect(targets.services.map(s => s.service)).not.toContain(
        'order-events',
      );
    });

    it('keeps datastores apart from services', () => {
      expect(targets.datastores).toEqual([
        expect.objectContaining({
          service: 'postgresql/payments',
          kind: 'datastore',
          expectedRps: 40,
          targetRps: 60,
          unknownLoad: false,
          estimatedFromClientSpans: true,
        }),
      ]);
      expect(targets.services.map(s => s.kind)).not.toContain('datastore');
    });

    it('lists operations without traces with their edge rate, contributing nothing', () => {
      expect(
        targets.operations.map(op => [
          op.id,
          op.status,
          op.peakRequestsPerSecond,
        ]),
      ).toEqual([
        ['place-order', 'traced', 40],
        ['browse-catalog', 'traced', 300],
        ['sign-in', 'not-traced', 80],
        ['add-to-cart', 'no-matching-traces', 120],
      ]);
      expect(targets.operations[2].sample).toBeUndefined();
      expect(targets.operations[3].sample?.matchingTraces).toBe(0);
      expect(serviceOf(targets, 'edge-gateway').expectedRps).toBe(340);
      expect(
        serviceOf(targets, 'edge-gateway').drivers.map(d => d.operationId),
      ).toEqual(['browse-catalog', 'place-order']);
    });
  });

  describe('refuses unusable input, naming the operation and field', () => {
    const browse = tracedOperation('browse', 200, [{ pricing: 3 }]);

    it.each([
      [-1, /peakRequestsPerSecond of operation 'browse'.*got -1/],
      [NaN, /peakRequestsPerSecond of operation 'browse'.*got NaN/],
      [Infinity, /peakRequestsPerSecond of operation 'browse'.*got Infinity/],
    ])('an edge rate of %p', (rate, message) => {
      expect(() =>
        computeCapacityTargets({
          operations: [{ ...browse, peakRequestsPerSecond: rate }],
          safetyFactor: 1.5,
        }),
      ).toThrow(message);
    });

    it.each([0.9, 0, NaN, Infinity])('a safety factor of %p', factor => {
      expect(() =>
        computeCapacityTargets({ operations: [browse], safetyFactor: factor }),
      ).toThrow(/^safetyFactor must be a finite number ≥ 1/);
    });

    it('a what-if rate that is negative or not finite', () => {
      for (const rate of [-5, NaN, Infinity]) {
        expect(() =>
          computeCapacityTargets({
            operations: [browse],
            safetyFactor: 1,
            whatIf: { browse: rate },
          }),
        ).toThrow(/^whatIf rate of operation 'browse'/);
      }
    });

    it('a what-if for an operation not in the list', () => {
      expect(() =>
        computeCapacityTargets({
          operations: [browse],
          safetyFactor: 1,
          whatIf: { checkout: 10 },
        }),
      ).toThrow("whatIf names unknown operation 'checkout'");
    });

    it('an operation listed twice', () => {
      expect(() =>
        computeCapacityTargets({
          operations: [browse, browse],
          safetyFactor: 1,
        }),
      ).toThrow("operation 'browse' is listed twice");
    });

    it('as a CapacityInputError', () => {
      expect(() =>
        computeCapacityTargets({ operations: [browse], safetyFactor: 0 }),
      ).toThrow(CapacityInputError);
    });
  });

  it('accepts a rate of 0, which drives no load', () => {
    const targets = computeCapacityTargets({
      operations: [tracedOperation('browse', 0, [{ pricing: 3 }])],
      safetyFactor: 1,
    });
    expect(serviceOf(targets, 'pricing')).toMatchObject({
      expectedRps: 0,
      drivers: [{ expectedRps: 0, share: 0 }],
    });
  });
});
