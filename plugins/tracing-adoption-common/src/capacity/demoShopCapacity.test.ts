import { demoShopTraces } from '../compliance/__testUtils__/demoShop';
import { adjustTrace } from '../trace/adjusters';
import { analyzeOperation } from '../trace/analysis';
import type { OperationMatcher } from '../trace/analysis/types';
import { computeCapacityTargets } from './computeCapacityTargets';

const traces = demoShopTraces().map(adjustTrace);

function operation(
  id: string,
  spanName: string,
  peakRequestsPerSecond: number,
) {
  const matcher: OperationMatcher = { entryService: 'edge-gateway', spanName };
  return {
    id,
    name: spanName,
    peakRequestsPerSecond,
    analysis: analyzeOperation({ operation: matcher, traces }),
  };
}

describe('capacity targets from the recorded demo shop', () => {
  const listing = operation('listing', 'GET /api/products', 400);
  const detail = operation('detail', 'GET /api/products/:id', 150);
  const addToCart = operation('add-to-cart', 'POST /api/cart/items', 60);
  const checkout = operation('checkout', 'POST /api/checkout', 20);
  const targets = computeCapacityTargets({
    operations: [listing, detail, addToCart, checkout],
    safetyFactor: 1.5,
  });

  it('derives pricing’s figure from its measured fan-out: 6, 5, 4 and 3 calls per listing, 1 per detail page and cart item', () => {
    const fanOut = (op: typeof listing) =>
      op.analysis.participants.find(p => p.service === 'pricing')!;
    expect(fanOut(listing)).toMatchObject({
      callsPerRequestMean: 4.5,
      callsPerRequestMin: 3,
      callsPerRequestMax: 6,
    });
    expect(listing.analysis.sample.matchingTraces).toBe(4);
    expect(fanOut(detail).callsPerRequestMean).toBe(1);
    expect(fanOut(addToCart).callsPerRequestMean).toBe(1);

    const pricing = targets.services.find(s => s.service === 'pricing')!;
    expect(pricing.expectedRps).toBe(400 * 4.5 + 150 * 1 + 60 * 1);
    expect(pricing.targetRps).toBe((1800 + 150 + 60) * 1.5);
    expect(pricing.observedRange).toEqual({
      lowRps: 400 * 3 + 150 + 60,
      highRps: 400 * 6 + 150 + 60,
    });
    expect(
      pricing.drivers.map(d => [
        d.operationId,
        d.expectedRps,
        d.matchingTraces,
      ]),
    ).toEqual([
      ['listing', 1800, 4],
      ['detail', 150, 2],
      ['add-to-cart', 60, 2],
    ]);
    expect(pricing.unknownLoad).toBe(false);
  });

  it('reports the uninstrumented currency service as unknown load, estimated from checkout’s client spans', () => {
    const hop = checkout.analysis.uninstrumentedHops.find(
      h => h.calleeName === 'currency',
    )!;
    const currency = targets.services.find(s => s.service === 'currency')!;
    expect(currency).toMatchObject({
      kind: 'service',
      expectedRps: 20 * hop.callsPerRequestMean,
      unknownLoad: true,
      estimatedFromClientSpans: true,
      drivers: [
        {
          operationId: 'checkout',
          clientSpanCalls: [
            {
              callerService: 'checkout',
              callsPerRequestMean: hop.callsPerRequestMean,
            },
          ],
        },
      ],
    });
    expect(targets.services.filter(s => s.unknownLoad)).toEqual([currency]);
  });

  it('gives edge-gateway exactly the sum of the edge rates', () => {
    const edge = targets.services.find(s => s.service === 'edge-gateway')!;
    expect(edge.expectedRps).toBe(400 + 150 + 60 + 20);
  });
});
