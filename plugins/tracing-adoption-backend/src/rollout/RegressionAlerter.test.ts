import { mockServices } from '@backstage/backend-test-utils';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import {
  CriticalOperation,
  Maturity,
  OperationCoverage,
  RolloutDocuments,
  TeamRollout,
} from '@internal/plugin-tracing-adoption-common';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { createDatabaseStores } from '../database/createDatabaseStores';
import { RegressionAlerter } from './RegressionAlerter';
import { checkoutOperation } from './__testUtils__/definitions';

const databases = createTestDatabases();

const checkout: CriticalOperation = {
  ...checkoutOperation(),
  declaredParticipants: [],
  origin: 'api',
  version: 1,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
};

function documents(maturity: Maturity, complianceScore = 90): RolloutDocuments {
  const coverage: OperationCoverage = {
    operationId: 'checkout',
    maturity,
    nextLevelBlockers: maturity === 'walk' ? [] : ['currency (uninstrumented)'],
    coverage: { covered: 1, total: 1, ratio: 1 },
    statusCounts: {
      'end-to-end': 1,
      'non-compliant': 0,
      'broken-propagation': 0,
      uninstrumented: 0,
      unknown: 0,
    },
    participants: [],
  };
  const team: TeamRollout = {
    teamRef: 'group:default/team-payments',
    services: [],
    blockingOperationIds: [],
    complianceScore,
    nextActions: [],
    training: { trained: true },
  };
  return { operations: [coverage], teams: [team] };
}

const walk = documents('walk');
const crawl = documents('crawl');

function at(minute: number): Date {
  return new Date(Date.UTC(2026, 10, 20, 9, minute));
}

describe.each(databases.eachSupportedId())(
  'RegressionAlerter on %p',
  databaseId => {
    async function createAlerter(
      send: (options: NotificationSendOptions) => Promise<void>,
    ) {
      const knex = await databases.init(databaseId);
      const { alertStore } = await createDatabaseStores(
        mockServices.database({ knex, migrations: { skip: false } }),
      );
      const logger = mockServices.logger.mock();
      const alerter = new RegressionAlerter({
        store: alertStore,
        notifications: { send },
        logger,
        complianceThreshold: 0.8,
      });
      const evaluate = (
        previous: RolloutDocuments,
        current: RolloutDocuments,
        minute: number,
      ) =>
        alerter.afterEvaluation({
          operations: [checkout],
          previous,
          current,
          now: at(minute),
        });
      return { alerter, alertStore, logger, evaluate };
    }

    it('notifies the owners once, and again only after the regression recovered', async () => {
      const sent: NotificationSendOptions[] = [];
      const { alertStore, evaluate } = await createAlerter(async options => {
        sent.push(options);
      });

      expect(await evaluate(walk, crawl, 1)).toEqual({
        sent: 1,
        failed: 0,
        resolved: 0,
      });
      expect(sent).toEqual([
        {
          recipients: {
            type: 'entity',
            entityRef: 'group:default/team-checkout',
          },
          payload: {
            title: 'Checkout dropped from walk to crawl',
            description:
              'The tracing maturity of Checkout (checkout) fell from walk to crawl. What keeps it from walk: currency (uninstrumented)',
            link: '/tracing-adoption/critical-operations/checkout',
            topic: 'tracing-adoption-regressions',
            severity: 'high',
            scope: 'tracing-adoption:maturity:checkout',
          },
        },
      ]);
      expect(await alertStore.listOpenAlerts()).toEqual([
        {
          key: 'maturity:checkout:walk',
          subject: {
            kind: 'maturity-lost',
            operationId: 'checkout',
            lostMaturity: 'walk',
          },
          openedAt: at(1).toISOString(),
        },
      ]);

      // the same evaluation seen again (a restart replays it): nothing new
      expect(await evaluate(walk, crawl, 2)).toEqual({
        sent: 0,
        failed: 0,
        resolved: 0,
      });
      expect(await evaluate(crawl, crawl, 3)).toEqual({
        sent: 0,
        failed: 0,
        resolved: 0,
      });
      expect(sent).toHaveLength(1);

      expect(await evaluate(crawl, walk, 4)).toEqual({
        sent: 0,
        failed: 0,
        resolved: 1,
      });
      expect(await alertStore.listOpenAlerts()).toEqual([]);

      expect((await evaluate(walk, crawl, 5)).sent).toBe(1);
      expect(sent.map(s => s.payload.scope)).toEqual([
        'tracing-adoption:maturity:checkout',
        'tracing-adoption:maturity:checkout',
      ]);
      expect((await alertStore.listOpenAlerts())[0].openedAt).toBe(
        at(5).toISOString(),
      );
    });

    it('sends a regression seen by concurrent evaluations exactly once', async () => {
      const sent: NotificationSendOptions[] = [];
      const { evaluate } = await createAlerter(async options => {
        sent.push(options);
      });
      const summaries = await Promise.all(
        Array.from({ length: 5 }, () => evaluate(walk, crawl, 1)),
      );
      expect(summaries.reduce((sum, s) => sum + s.sent, 0)).toBe(1);
      expect(sent).toHaveLength(1);
    });

    it('logs a failed send with the alert key and does not retry it every evaluation', async () => {
      let calls = 0;
      const { evaluate, logger, alertStore } = await createAlerter(async () => {
        calls += 1;
        throw new Error('Failed to send notifications: connection refused');
      });
      const dropped = documents('walk', 70);
      expect(await evaluate(walk, dropped, 1)).toEqual({
        sent: 0,
        failed: 1,
        resolved: 0,
      });
      expect(logger.warn).toHaveBeenCalledWith(
        'Regression alert compliance:group:default/team-payments could not be sent to group:default/team-payments: Error: Failed to send notifications: connection refused',
      );
      expect(await evaluate(dropped, dropped, 2)).toEqual({
        sent: 0,
        failed: 0,
        resolved: 0,
      });
      expect(calls).toBe(1);
      expect((await alertStore.listOpenAlerts()).map(a => a.key)).toEqual([
        'compliance:group:default/team-payments',
      ]);
    });
  },
);
