import { utcDay } from '@internal/plugin-tracing-adoption-common';
import { expectMatchesSpec } from '../__testUtils__/openApiResponses';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { DEMO_CHECKOUT } from './__testUtils__/demoShop';
import { startRolloutTestBackend } from './__testUtils__/rolloutTestBackend';

const databases = createTestDatabases();

const checkout = {
  id: 'checkout',
  name: 'Checkout',
  entry: DEMO_CHECKOUT,
  peakRequestsPerSecond: 300,
  tier: 1,
  ownerRef: 'group:default/team-checkout',
  objectives: { latencyP99Ms: 1500, errorRatePercent: 1 },
};

function daysAgo(days: number): string {
  return utcDay(new Date(Date.now() - days * 86_400_000));
}

const oldHealth = {
  matchingTraces: 12,
  p50Ms: 80,
  p95Ms: 900,
  p99Ms: 1200,
  errorRate: 0,
  objectivesStatus: 'met',
  topLatencyService: 'payments',
};

describe.each(databases.eachSupportedId())(
  'operation health route on %p',
  databaseId => {
    async function start() {
      const backend = await startRolloutTestBackend({
        knex: () => databases.init(databaseId),
      });
      expect(
        (await backend.pm.post('/critical-operations', checkout)).status,
      ).toBe(201);
      return backend;
    }

    it('measures the demo checkout against its objectives', async () => {
      const { reader: api } = await start();
      const response = await api.get('/critical-operations/checkout/health');
      expect(response.status).toBe(200);
      expectMatchesSpec(
        'get',
        '/critical-operations/{operationId}/health',
        response,
      );
      const { current, objectives, history } = response.body;
      expect(objectives).toEqual(checkout.objectives);
      // two checkouts: 84 ms, and 1.5 s for the one that failed in payments
      expect(current).toEqual({
        matchingTraces: 2,
        latency: {
          samples: 2,
          p50Ms: 83.946,
          p95Ms: 1518.193,
          p99Ms: 1518.193,
          maxMs: 1518.193,
        },
        errorRate: 0.5,
        failedRequests: 1,
        topLatencyService: {
          service: 'payments',
          share: 1447229 / 1602139,
          msPerRequest: 723.6145,
        },
        topErrorService: {
          service: 'payments',
          errorSources: 1,
          tracesWithErrorSource: 1,
          exampleTraceIds: [expect.any(String)],
        },
        objectives: {
          latencyP99Ms: { objective: 1500, actual: 1518.193, status: 'missed' },
          errorRatePercent: { objective: 1, actual: 50, status: 'missed' },
        },
        objectivesStatus: 'missed',
      });
      expect(history).toEqual([
        {
          day: utcDay(new Date()),
          matchingTraces: 2,
          p50Ms: 83.946,
          p95Ms: 1518.193,
          p99Ms: 1518.193,
          errorRate: 0.5,
          objectivesStatus: 'missed',
          topLatencyService: 'payments',
          topErrorService: 'payments',
        },
      ]);

      const detail = await api.get('/critical-operations/checkout');
      expectMatchesSpec('get', '/critical-operations/{operationId}', detail);
      expect(detail.body.coverage.health).toEqual(current);
    });

    it('keeps one health entry per day in the snapshots', async () => {
      const { reader: api, stores, snapshots } = await start();
      await stores.rolloutStore.saveSnapshots([
        {
          day: daysAgo(40),
          kind: 'operation',
          key: 'checkout',
          figures: {
            maturity: 'crawl',
            covered: 1,
            total: 2,
            health: oldHealth,
          },
        },
        {
          day: daysAgo(3),
          kind: 'operation',
          key: 'checkout',
          figures: {
            maturity: 'crawl',
            covered: 1,
            total: 2,
            health: oldHealth,
          },
        },
        {
          day: daysAgo(2),
          kind: 'operation',
          key: 'checkout',
          figures: { maturity: 'none', covered: 0, total: 1 },
        },
      ]);
      await snapshots.run();
      const [today] = await stores.rolloutStore.listSnapshots<any>(
        'operation',
        { key: 'checkout', sinceDay: utcDay(new Date()) },
      );
      expect(today.figures).toMatchObject({
        maturity: 'crawl',
        health: { p99Ms: 1518.193, objectivesStatus: 'missed' },
      });

      const response = await api.get(
        '/critical-operations/checkout/health?days=30',
      );
      expectMatchesSpec(
        'get',
        '/critical-operations/{operationId}/health',
        response,
      );
      expect(response.body.history.map((h: any) => [h.day, h.p99Ms])).toEqual([
        [daysAgo(3), 1200],
        [utcDay(new Date()), 1518.193],
      ]);
      const longer = await api.get(
        '/critical-operations/checkout/health?days=45',
      );
      expect(longer.body.history).toHaveLength(3);
    });

    it('answers 404 for an unknown operation and 400 for a bad range', async () => {
      const { reader: api } = await start();
      const missing = await api.get('/critical-operations/refund/health');
      expect(missing.status).toBe(404);
      expectMatchesSpec(
        'get',
        '/critical-operations/{operationId}/health',
        missing,
      );
      const tooLong = await api.get(
        '/critical-operations/checkout/health?days=400',
      );
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.error.message).toContain('days must be <= 365');
    });

    it('has no current health before the operation has traces', async () => {
      const { pm: api } = await start();
      await api.post('/critical-operations', {
        ...checkout,
        id: 'refund',
        name: 'Refund',
        entry: { entryService: 'edge-gateway', httpRoute: '/api/refunds' },
      });
      const response = await api.get('/critical-operations/refund/health');
      expect(response.status).toBe(200);
      expectMatchesSpec(
        'get',
        '/critical-operations/{operationId}/health',
        response,
      );
      expect(response.body).toEqual({
        operationId: 'refund',
        objectives: checkout.objectives,
        evaluatedAt: expect.any(String),
        history: [],
      });
    });
  },
);
