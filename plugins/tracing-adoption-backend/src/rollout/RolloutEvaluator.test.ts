import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
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
  declaredParticipants: ['tax'],
};

describe.each(databases.eachSupportedId())(
  'RolloutEvaluator regression alerts on %p',
  databaseId => {
    /** Checkout at walk: every gap waived. Returns the waiver ids. */
    async function checkoutAtWalk(
      api: Awaited<ReturnType<typeof startRolloutTestBackend>>['pm'],
    ) {
      await api.post('/critical-operations', checkout);
      const detail = await api.get('/critical-operations/checkout');
      const waivers: string[] = [];
      for (const gap of detail.body.coverage.participants.filter(
        (p: any) => !['end-to-end', 'non-compliant'].includes(p.status),
      )) {
        const waiver = await api.post('/waivers', {
          scope: {
            kind: 'service',
            service: gap.service,
            operationId: 'checkout',
          },
          reason: 'Replaced before Cyber Week',
          approvedBy: 'user:default/sre-lead',
          expiresAt: '2099-01-01T00:00:00Z',
        });
        waivers.push(waiver.body.id);
      }
      const walk = await api.get('/critical-operations/checkout');
      expect(walk.body.coverage.maturity).toBe('walk');
      return waivers;
    }

    it('tells the owners once when an evaluation lowers an operation’s maturity', async () => {
      const sent: NotificationSendOptions[] = [];
      const {
        pm: api,
        evaluator,
        stores,
      } = await startRolloutTestBackend({
        knex: () => databases.init(databaseId),
        notifications: {
          send: async options => {
            sent.push(options);
          },
        },
      });
      const [waiver] = await checkoutAtWalk(api);
      expect(sent).toEqual([]);

      expect((await api.delete(`/waivers/${waiver}`)).status).toBe(204);
      expect(sent).toEqual([
        {
          recipients: {
            type: 'entity',
            entityRef: 'group:default/team-checkout',
          },
          payload: expect.objectContaining({
            title: 'Checkout dropped from walk to crawl',
            link: '/tracing-adoption/critical-operations/checkout',
            topic: 'tracing-adoption-regressions',
            scope: 'tracing-adoption:maturity:checkout',
          }),
        },
      ]);
      expect(sent[0].payload.description).toMatch(
        /^The tracing maturity of Checkout \(checkout\) fell from walk to crawl\. What keeps it from walk: Every participant must be instrumented and propagate context: /,
      );

      await evaluator.evaluate();
      await evaluator.evaluate();
      expect(sent).toHaveLength(1);
      expect(
        (await stores.alertStore.listOpenAlerts()).map(a => a.key),
      ).toEqual(['maturity:checkout:walk']);
    });

    it('stores the evaluation when the notification cannot be sent', async () => {
      const { pm: api, stores } = await startRolloutTestBackend({
        knex: () => databases.init(databaseId),
        notifications: {
          send: async () => {
            throw new Error('Failed to send notifications: 503');
          },
        },
      });
      const [waiver] = await checkoutAtWalk(api);
      expect((await api.delete(`/waivers/${waiver}`)).status).toBe(204);
      const detail = await api.get('/critical-operations/checkout');
      expect(detail.body.coverage.maturity).toBe('crawl');
      expect(
        (await stores.alertStore.listOpenAlerts()).map(a => a.key),
      ).toEqual(['maturity:checkout:walk']);
    });
  },
);
