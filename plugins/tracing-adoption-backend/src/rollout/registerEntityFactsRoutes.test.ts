import request from 'supertest';
import { expectMatchesSpec } from '../__testUtils__/openApiResponses';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { DEMO_CHECKOUT } from './__testUtils__/demoShop';
import { startRolloutTestBackend } from './__testUtils__/rolloutTestBackend';

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'entity facts route on %p',
  databaseId => {
    it('lists the facts of every team and of its services on critical operations', async () => {
      const {
        pm: api,
        server,
        base,
      } = await startRolloutTestBackend({
        knex: () => databases.init(databaseId),
      });
      const empty = await api.get('/entity-facts');
      expectMatchesSpec('get', '/entity-facts', empty);
      expect(empty.body).toEqual({ items: [] });

      await api.post('/critical-operations', {
        id: 'checkout',
        name: 'Checkout',
        entry: DEMO_CHECKOUT,
        peakRequestsPerSecond: 300,
        tier: 1,
        ownerRef: 'group:default/team-checkout',
        declaredParticipants: ['tax'],
      });
      const response = await api.get('/entity-facts');
      expect(response.status).toBe(200);
      expectMatchesSpec('get', '/entity-facts', response);
      expect(response.body.evaluatedAt).toEqual(expect.any(String));
      // checkout is at crawl: currency emits no spans and tax was not seen
      const columns = (facts: any) => [
        facts.entityRef,
        facts.tracerPresent,
        facts.propagatesContext,
        facts.complianceScore,
        facts.worstOperationMaturity,
        facts.operationsServed,
        facts.blockingOperations,
      ];
      expect(response.body.items.map(columns)).toEqual([
        ['component:default/cart', true, true, 77.8, 'crawl', 1, 0],
        ['component:default/checkout', true, true, 60, 'crawl', 1, 0],
        ['component:default/currency', false, false, null, 'crawl', 1, 1],
        ['component:default/edge-gateway', true, true, 25, 'crawl', 1, 0],
        ['component:default/fraud-check', true, true, 100, 'crawl', 1, 0],
        ['component:default/orders', true, true, 50, 'crawl', 1, 0],
        ['component:default/payments', true, true, 83.3, 'crawl', 1, 0],
        ['component:default/tax', false, false, null, 'crawl', 1, 1],
        ['group:default/team-cart', true, true, 77.8, 'crawl', 1, 0],
        ['group:default/team-checkout', false, false, 55.6, 'crawl', 1, 1],
        ['group:default/team-edge', true, true, 25, 'crawl', 1, 0],
        ['group:default/team-payments', false, false, 87.5, 'crawl', 1, 1],
      ]);
      expect((await request(server).get(`${base}/entity-facts`)).status).toBe(
        401,
      );
    });
  },
);
