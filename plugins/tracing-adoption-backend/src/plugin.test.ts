import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { tracingAdoptionCatalogExtensionPoint } from '@internal/plugin-tracing-adoption-node';
import request from 'supertest';
import { spec } from './schema/openapi/generated';
import { tracingAdoptionPlugin } from './plugin';

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'customer-profile',
      namespace: 'default',
      annotations: {
        'tracing-adoption/service-name': 'profile-svc',
        'github.com/project-slug': 'shopfront/customer-profile',
      },
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'team-customer',
      system: 'customer',
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'broken',
      namespace: 'default',
      annotations: { 'tracing-adoption/service-name': '' },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-customer' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'team-customer', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'customer', namespace: 'default' },
    spec: { owner: 'team-customer' },
  },
];

async function startBackend(extraFeatures: any[] = []) {
  const { server } = await startTestBackend({
    features: [
      ...extraFeatures,
      tracingAdoptionPlugin,
      catalogServiceMock.factory({ entities }),
      mockServices.scheduler.factory({
        includeInitialDelayedTasksOnStartup: true,
      }),
      mockServices.rootConfig.factory({
        data: { app: { baseUrl: 'http://localhost:3000' } },
      }),
    ],
  });
  return server;
}

describe('tracingAdoptionPlugin', () => {
  it('answers /health without credentials', async () => {
    const server = await startBackend();
    const response = await request(server)
      .get('/api/tracing-adoption/health')
      .set('authorization', mockCredentials.none.header());
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('rejects unauthenticated requests to every route of openapi.yaml but /health with 401', async () => {
    const server = await startBackend();
    const routes = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map(method => ({
        method: method as 'get' | 'post' | 'put' | 'delete',
        // any value reaches the handler's authentication
        path: path.replace(/\{[^}]+\}/g, 'x'),
      })),
    );
    expect(routes.length).toBeGreaterThan(30);
    for (const { method, path } of routes) {
      if (path === '/health') {
        continue;
      }
      const response = await request(server)
        [method](`/api/tracing-adoption${path}`)
        .set('authorization', mockCredentials.none.header());
      expect({ method, path, status: response.status }).toEqual({
        method,
        path,
        status: 401,
      });
    }
  });

  it('syncs the catalog on schedule and serves the tracked services to users', async () => {
    const server = await startBackend();
    const response = await request(server)
      .get('/api/tracing-adoption/services')
      .set('authorization', mockCredentials.user.header());

    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([
      {
        entityRef: 'component:default/customer-profile',
        serviceName: 'profile-svc',
        type: 'service',
        lifecycle: 'production',
        ownerRef: 'group:default/team-customer',
        systemRef: 'system:default/customer',
        repository: {
          host: 'github.com',
          slug: 'shopfront/customer-profile',
          path: '',
        },
      },
    ]);
    expect(response.body.totalCount).toBe(1);
    expect(response.body.catalogSync).toMatchObject({
      job: 'catalog-sync',
      status: 'succeeded',
      summary: { services: 1, teams: 1, systems: 1, skippedEntities: 1 },
    });

    const teams = await request(server)
      .get('/api/tracing-adoption/teams')
      .set('authorization', mockCredentials.service.header());
    expect(teams.status).toBe(200);
    expect(teams.body.items).toEqual([
      {
        entityRef: 'group:default/team-customer',
        name: 'team-customer',
        type: 'team',
        serviceCount: 1,
      },
    ]);
  });

  it('lets a backend module resolve service names from its own annotation', async () => {
    const datadogNames = createBackendModule({
      pluginId: 'tracing-adoption',
      moduleId: 'datadog-service-names',
      register(env) {
        env.registerInit({
          deps: { catalog: tracingAdoptionCatalogExtensionPoint },
          async init({ catalog }) {
            catalog.addServiceNameResolver(entity =>
              entity.metadata.name === 'customer-profile'
                ? 'customer-profile-dd'
                : undefined,
            );
          },
        });
      },
    });
    const server = await startBackend([datadogNames]);
    const response = await request(server)
      .get('/api/tracing-adoption/services')
      .set('authorization', mockCredentials.user.header());
    expect(response.body.items.map((s: any) => s.serviceName)).toEqual([
      'customer-profile-dd',
    ]);
  });

  it('rejects invalid query parameters with 400 and a message', async () => {
    const server = await startBackend();
    const response = await request(server)
      .get('/api/tracing-adoption/services?limit=5000')
      .set('authorization', mockCredentials.user.header());
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/limit/);
  });

  it('announces published stories through the notifications service unless tracingAdoption.stories.notifyOnPublish is false', async () => {
    for (const notifyOnPublish of [undefined, false]) {
      const sent: NotificationSendOptions[] = [];
      const { server } = await startTestBackend({
        features: [
          tracingAdoptionPlugin,
          catalogServiceMock.factory({ entities }),
          createServiceFactory({
            service: notificationService,
            deps: {},
            factory: () => ({
              send: async options => {
                sent.push(options);
              },
            }),
          }),
          mockServices.rootConfig.factory({
            data: {
              app: { baseUrl: 'http://localhost:3000' },
              tracingAdoption: { stories: { notifyOnPublish } },
            },
          }),
        ],
      });
      const response = await request(server)
        .post('/api/tracing-adoption/stories')
        .set('authorization', mockCredentials.user.header())
        .send({
          title: 'Profile lookups were half of the login time',
          body: 'One trace showed it.',
          category: 'latency',
          team: 'group:default/team-customer',
          entityRefs: ['component:default/customer-profile'],
          status: 'published',
        });
      expect(response.status).toBe(201);
      expect({ notifyOnPublish, sent }).toEqual({
        notifyOnPublish,
        sent:
          notifyOnPublish === false
            ? []
            : [
                expect.objectContaining({
                  recipients: expect.objectContaining({
                    entityRef: ['component:default/customer-profile'],
                  }),
                }),
              ],
      });
    }
  });
});
