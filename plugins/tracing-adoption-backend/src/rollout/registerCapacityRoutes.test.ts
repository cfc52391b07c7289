import request from 'supertest';
import { expectMatchesSpec } from '../__testUtils__/openApiResponses';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { DEMO_CHECKOUT } from './__testUtils__/demoShop';
import { startRolloutTestBackend } from './__testUtils__/rolloutTestBackend';
import { parseWhatIf } from './registerCapacityRoutes';

const databases = createTestDatabases();

const checkout = {
  id: 'checkout',
  name: 'Checkout',
  entry: DEMO_CHECKOUT,
  peakRequestsPerSecond: 300,
  tier: 1,
  ownerRef: 'group:default/team-checkout',
};

const addToCart = {
  ...checkout,
  id: 'add-to-cart',
  name: 'Add to cart',
  tier: 2,
  peakRequestsPerSecond: 900,
  entry: { entryService: 'edge-gateway', httpRoute: '/api/cart/items' },
};

/** service → [expected, target] requests/s */
function rates(body: { services: any[] }) {
  return Object.fromEntries(
    body.services.map(s => [s.service, [s.expectedRps, s.targetRps]]),
  );
}

describe('parseWhatIf', () => {
  it('reads operationId:rps pairs', () => {
    expect(parseWhatIf('checkout:500, add-to-cart:900.5')).toEqual({
      checkout: 500,
      'add-to-cart': 900.5,
    });
    expect(parseWhatIf(undefined)).toBeUndefined();
    expect(parseWhatIf(' ')).toBeUndefined();
  });

  it('names the pair that cannot be read', () => {
    expect(() => parseWhatIf('checkout=500')).toThrow(
      "Invalid whatIf: 'checkout=500' is not operationId:requestsPerSecond",
    );
    expect(() => parseWhatIf('checkout:-5')).toThrow(
      "Invalid whatIf: the rate of 'checkout' must be a number of requests/s ≥ 0, got '-5'",
    );
    expect(() => parseWhatIf('checkout:1e3')).toThrow("got '1e3'");
    expect(() => parseWhatIf(':5')).toThrow("':5' is not");
    expect(() => parseWhatIf('checkout:1,checkout:2')).toThrow(
      "Invalid whatIf: 'checkout' is named twice",
    );
  });
});

describe.each(databases.eachSupportedId())(
  'capacity routes on %p',
  databaseId => {
    async function start() {
      const backend = await startRolloutTestBackend({
        knex: () => databases.init(databaseId),
      });
      expect(
        (await backend.pm.post('/critical-operations', checkout)).status,
      ).toBe(201);
      expect(
        (await backend.pm.post('/critical-operations', addToCart)).status,
      ).toBe(201);
      return backend;
    }

    it('turns the demo checkout traffic into per-service targets', async () => {
      const { reader: api } = await start();
      const response = await api.get('/capacity');
      expect(response.status).toBe(200);
      expectMatchesSpec('get', '/capacity', response);
      const { body } = response;
      expect(body.safetyFactor).toBe(1.5);
      // two traced checkouts at 300 rps: cart called 1 and 2 times, orders
      // reached by one of them (the other failed at payments)
      expect(rates(body)).toEqual({
        cart: [450, 675],
        checkout: [300, 450],
        currency: [300, 450],
        'edge-gateway': [300, 450],
        'fraud-check': [300, 450],
        payments: [300, 450],
        orders: [150, 225],
      });
      const cart = body.services[0];
      expect(cart).toMatchObject({
        stdDevRange: { lowRps: 300, highRps: 600 },
        observedRange: { lowRps: 300, highRps: 600 },
        drivers: [
          {
            operationId: 'checkout',
            peakRequestsPerSecond: 300,
            callsPerRequest: { mean: 1.5, stdDev: 0.5, min: 1, max: 2 },
            matchingTraces: 2,
            expectedRps: 450,
            share: 1,
          },
        ],
      });
      const currency = body.services.find((s: any) => s.service === 'currency');
      expect(currency).toMatchObject({
        unknownLoad: true,
        estimatedFromClientSpans: true,
      });
      expect(body.operations).toEqual([
        expect.objectContaining({
          id: 'checkout',
          status: 'traced',
          plannedPeakRequestsPerSecond: 300,
          peakRequestsPerSecond: 300,
          whatIf: false,
        }),
        {
          id: 'add-to-cart',
          name: 'Add to cart',
          status: 'not-traced',
          plannedPeakRequestsPerSecond: 900,
          peakRequestsPerSecond: 900,
          whatIf: false,
        },
      ]);
    });

    it('applies what-if rates and the safety factor asked for', async () => {
      const { reader: api } = await start();
      const response = await api.get(
        '/capacity?safetyFactor=2&whatIf=checkout:600,add-to-cart:50',
      );
      expect(response.status).toBe(200);
      expectMatchesSpec('get', '/capacity', response);
      expect(rates(response.body)).toMatchObject({
        cart: [900, 1800],
        'edge-gateway': [600, 1200],
        orders: [300, 600],
      });
      expect(response.body.operations[0]).toMatchObject({
        id: 'checkout',
        plannedPeakRequestsPerSecond: 300,
        peakRequestsPerSecond: 600,
        whatIf: true,
      });
    });

    it('serves the same table as a CSV download', async () => {
      const { reader: api } = await start();
      const response = await api.get('/capacity.csv?whatIf=checkout:100');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(
        'attachment; filename="capacity-targets.csv"',
      );
      const lines = response.text.trim().split('\r\n');
      expect(lines[0]).toBe(
        'service,kind,expected_rps,safety_factor,target_rps,stddev_low_rps,stddev_high_rps,observed_low_rps,observed_high_rps,unknown_load,estimated_from_client_spans,drivers',
      );
      expect(lines[1]).toMatch(
        /^cart,service,150,1\.5,225,100,200,100,200,no,no,"Checkout: 150 rps \(100%\), 1\.5 calls\/request over 2 traces from /,
      );
      expect(lines).toHaveLength(8);
    });

    it('leaves out an analysis made with an earlier entry matcher', async () => {
      const { pm: api } = await start();
      const { id, ...fields } = checkout;
      const changed = await api.put('/critical-operations/checkout', {
        ...fields,
        entry: { ...DEMO_CHECKOUT, httpRoute: '/api/v2/checkout' },
        version: 1,
      });
      expect(changed.status).toBe(200);
      const response = await api.get('/capacity');
      expect(response.body.services).toEqual([]);
      expect(response.body.operations[0]).toMatchObject({
        id: 'checkout',
        status: 'not-traced',
      });
    });

    it('refuses bad queries naming the pair or field', async () => {
      const { reader: api } = await start();
      for (const [query, message] of [
        ['whatIf=checkout', "'checkout' is not operationId:requestsPerSecond"],
        [
          'whatIf=checkout:fast',
          "the rate of 'checkout' must be a number of requests/s ≥ 0, got 'fast'",
        ],
        [
          'whatIf=checkout:5,refund:10',
          "Invalid capacity query: whatIf names unknown operation 'refund'",
        ],
        ['safetyFactor=0.5', 'safetyFactor must be >= 1'],
        ['safetyFactor=lots', 'safetyFactor must be number'],
        ['margin=2', 'margin'],
      ]) {
        for (const path of ['/capacity', '/capacity.csv']) {
          const response = await api.get(`${path}?${query}`);
          expect({ path, query, status: response.status }).toEqual({
            path,
            query,
            status: 400,
          });
          expectMatchesSpec('get', path, response);
          expect(response.body.error.message).toContain(message);
        }
      }
    });

    it('needs credentials', async () => {
      const { server, base } = await start();
      expect((await request(server).get(`${base}/capacity`)).status).toBe(401);
      expect((await request(server).get(`${base}/capacity.csv`)).status).toBe(
        401,
      );
    });
  },
);
