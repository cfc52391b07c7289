import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { TrackedService } from '@internal/plugin-tracing-adoption-common';
import express from 'express';
import { Knex } from 'knex';
import request from 'supertest';
import { createDatabaseStores } from '../../database/createDatabaseStores';
import { createOpenApiRouter } from '../../schema/openapi/generated';
import { SourceHealthReader } from '../../service/traceViews';
import { RegressionAlerter } from '../RegressionAlerter';
import { RolloutEvaluator } from '../RolloutEvaluator';
import { RolloutSnapshotJob } from '../RolloutSnapshotJob';
import { registerCapacityRoutes } from '../registerCapacityRoutes';
import { registerEntityFactsRoutes } from '../registerEntityFactsRoutes';
import { registerOperationHealthRoutes } from '../registerOperationHealthRoutes';
import { registerRolloutRoutes } from '../registerRolloutRoutes';
import {
  DEMO_CHECKOUT,
  demoCheckoutAnalysis,
  demoShopCompliance,
  demoShopTraces,
} from './demoShop';

/** May change definitions; everyone else may only read. */
export const ROLLOUT_PM = 'user:default/rollout-pm';

function service(name: string, owner: string): TrackedService {
  return {
    entityRef: `component:default/${name}`,
    serviceName: name,
    ownerRef: `group:default/${owner}`,
  };
}

const SERVICES = [
  service('edge-gateway', 'team-edge'),
  service('checkout', 'team-checkout'),
  service('payments', 'team-payments'),
  service('fraud-check', 'team-payments'),
  service('currency', 'team-payments'),
  service('orders', 'team-checkout'),
  service('order-events-consumer', 'team-checkout'),
  service('tax', 'team-checkout'),
  service('cart', 'team-cart'),
];

const TEAMS = ['team-edge', 'team-checkout', 'team-payments', 'team-cart'].map(
  name => ({ entityRef: `group:default/${name}`, name, title: name }),
);

const permissions = mockServices.permissions.mock({
  authorize: async (requests, { credentials }) => {
    const principal = credentials.principal as { userEntityRef?: string };
    return requests.map(() => ({
      result:
        principal.userEntityRef === ROLLOUT_PM
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
    }));
  },
});

type Stores = Awaited<ReturnType<typeof createDatabaseStores>>;

/**
 * Starts the rollout, capacity, health and entity-facts routes on a test
 * backend whose catalog mirror, compliance report and demo-shop checkout
 * analysis are in place, as plugin.ts wires them.
 */
export async function startRolloutTestBackend(options: {
  knex: () => Promise<Knex>;
  /** Regression alerts are sent here when given. */
  notifications?: NotificationService;
  /** The rollout definitions file that refusals of declared definitions name. */
  declarationsSource?: string;
}) {
  const started: {
    stores?: Stores;
    evaluator?: RolloutEvaluator;
    snapshots?: RolloutSnapshotJob;
  } = {};
  const plugin = createBackendPlugin({
    pluginId: 'tracing-adoption',
    register(env) {
      env.registerInit({
        deps: {
          httpAuth: coreServices.httpAuth,
          httpRouter: coreServices.httpRouter,
          permissions: coreServices.permissions,
          logger: coreServices.logger,
        },
        async init({ httpRouter, httpAuth, permissions: perms, logger }) {
          const knex = await options.knex();
          const stores = await createDatabaseStores(
            mockServices.database({ knex, migrations: { skip: false } }),
          );
          const { store, traceStore, scanStore, rolloutStore } = stores;
          await store.replaceCatalog({
            services: SERVICES,
            teams: TEAMS,
            systems: [],
          });
          const traces = demoShopTraces();
          const now = new Date();
          await traceStore.saveComplianceReport(
            demoShopCompliance(traces),
            now,
          );
          await rolloutStore.saveOperationAnalyses([
            {
              operationId: 'checkout',
              entry: DEMO_CHECKOUT,
              analyzedAt: now.toISOString(),
              analysis: {
                result: demoCheckoutAnalysis(traces),
                sourceIds: ['otlp-receiver'],
                traceSources: {},
              },
            },
          ]);
          await traceStore.recordSourceSuccess(
            'otlp-receiver',
            'otlp',
            now,
            {},
          );
          const sourceHealth = new SourceHealthReader({
            traceStore,
            knownSources: [{ id: 'otlp-receiver', kind: 'otlp' }],
            staleAfterMs: 60 * 60_000,
          });
          const evaluator = new RolloutEvaluator({
            store,
            traceStore,
            scanStore,
            rolloutStore,
            sourceHealth,
            logger,
            alerts:
              options.notifications &&
              new RegressionAlerter({
                store: stores.alertStore,
                notifications: options.notifications,
                logger,
                complianceThreshold: 0.8,
              }),
          });
          const router = await createOpenApiRouter({
            middleware: [express.json()],
          });
          registerRolloutRoutes(router, {
            store: rolloutStore,
            evaluator,
            httpAuth,
            permissions: perms,
            logger,
            sourceHealth,
            traceSources: new Map(),
            declarationsSource: options.declarationsSource,
          });
          registerCapacityRoutes(router, {
            store: rolloutStore,
            defaultSafetyFactor: 1.5,
          });
          registerOperationHealthRoutes(router, { store: rolloutStore });
          registerEntityFactsRoutes(router, { store: rolloutStore });
          httpRouter.use(router);
          started.stores = stores;
          started.evaluator = evaluator;
          started.snapshots = new RolloutSnapshotJob({
            store: rolloutStore,
            logger,
          });
        },
      });
    },
  });

  const { server } = await startTestBackend({
    features: [
      plugin,
      permissions.factory,
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
    ],
  });
  const base = '/api/tracing-adoption';
  const as = (user: string) => {
    const header = mockCredentials.user.header(user);
    const call =
      (method: 'get' | 'post' | 'put' | 'delete') =>
      (path: string, body?: object) => {
        const req = request(server)
          [method](`${base}${path}`)
          .set('authorization', header);
        return body ? req.send(body) : req;
      };
    return {
      get: call('get'),
      post: call('post'),
      put: call('put'),
      delete: call('delete'),
    };
  };
  return {
    server,
    base,
    pm: as(ROLLOUT_PM),
    reader: as('user:default/dev'),
    stores: started.stores!,
    evaluator: started.evaluator!,
    snapshots: started.snapshots!,
  };
}
