import { mockServices } from '@backstage/backend-test-utils';
import { TrackedService } from '@internal/plugin-tracing-adoption-common';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { createDatabaseStores } from './createDatabaseStores';

const databases = createTestDatabases();

function service(name: string, overrides: Partial<TrackedService> = {}) {
  return {
    entityRef: `component:default/${name}`,
    serviceName: name,
    ownerRef: 'group:default/team-cart',
    systemRef: 'system:default/commerce',
    repository: { host: 'github.com', slug: `shopfront/${name}`, path: '' },
    ...overrides,
  };
}

const teams = [
  { entityRef: 'group:default/team-cart', name: 'team-cart', title: 'Cart' },
  { entityRef: 'group:default/team-edge', name: 'team-edge', type: 'team' },
];

describe.each(databases.eachSupportedId())(
  'DatabaseTracingAdoptionStore on %p',
  databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      const { store } = await createDatabaseStores(
        mockServices.database({ knex, migrations: { skip: false } }),
      );
      return { knex, store };
    }

    it('stores a catalog snapshot and reads it back in full', async () => {
      const { store } = await createStore();
      const counts = await store.replaceCatalog({
        services: [
          service('cart', { title: 'Cart service', lifecycle: 'production' }),
          service('checkout', {
            repository: {
              host: 'github.com',
              slug: 'shopfront/commerce',
              path: 'services/checkout',
            },
          }),
        ],
        teams,
        systems: [{ entityRef: 'system:default/commerce', name: 'commerce' }],
      });
      expect(counts.services).toEqual({ upserted: 2, removed: 0 });

      const page = await store.listServices({ limit: 10, offset: 0 });
      expect(page.totalCount).toBe(2);
      expect(page.items).toEqual([
        {
          ...service('cart'),
          title: 'Cart service',
          lifecycle: 'production',
        },
        {
          ...service('checkout'),
          repository: {
            host: 'github.com',
            slug: 'shopfront/commerce',
            path: 'services/checkout',
          },
        },
      ]);
    });

    it('replaces the previous snapshot: updates, inserts and removes rows atomically', async () => {
      const { store } = await createStore();
      await store.replaceCatalog({
        services: [service('cart'), service('legacy-monolith')],
        teams,
        systems: [],
      });
      const counts = await store.replaceCatalog({
        services: [
          service('cart', { ownerRef: 'group:default/team-edge' }),
          service('pricing'),
        ],
        teams: [teams[1]],
        systems: [],
      });
      expect(counts.services).toEqual({ upserted: 2, removed: 1 });
      expect(counts.teams).toEqual({ upserted: 1, removed: 1 });

      const page = await store.listServices({ limit: 10, offset: 0 });
      expect(page.items.map(s => [s.serviceName, s.ownerRef])).toEqual([
        ['cart', 'group:default/team-edge'],
        ['pricing', 'group:default/team-cart'],
      ]);
    });

    it('keeps the previous snapshot when a replacement fails half way', async () => {
      const { store } = await createStore();
      await store.replaceCatalog({
        services: [service('cart')],
        teams,
        systems: [],
      });
      const outcome = await store
        .replaceCatalog({
          services: [service('orders')],
          teams: [],
          // a NULL name violates the schema after services were already written
          systems: [
            {
              entityRef: 'system:default/broken',
              name: null as unknown as string,
            },
          ],
        })
        .then(
          () => 'stored',
          (error: unknown) => ({ rejected: String(error) }),
        );
      expect(outcome).toEqual({ rejected: expect.stringMatching(/null/i) });
      const page = await store.listServices({ limit: 10, offset: 0 });
      expect(page.items.map(s => s.serviceName)).toEqual(['cart']);
      expect((await store.listTeams()).map(t => t.name)).toEqual([
        'team-cart',
        'team-edge',
      ]);
    });

    it('filters by owner, system and search text, and pages', async () => {
      const { store } = await createStore();
      await store.replaceCatalog({
        services: [
          service('cart'),
          service('checkout'),
          service('edge-gateway', {
            ownerRef: 'group:default/team-edge',
            systemRef: 'system:default/storefront',
            title: 'Edge Gateway',
          }),
          service('percent_50%', { ownerRef: 'group:default/team-edge' }),
        ],
        teams,
        systems: [],
      });

      const byOwner = await store.listServices({
        ownerRef: 'Group:default/Team-Edge',
        limit: 10,
        offset: 0,
      });
      expect(byOwner.items.map(s => s.serviceName)).toEqual([
        'edge-gateway',
        'percent_50%',
      ]);

      const bySystem = await store.listServices({
        systemRef: 'system:default/storefront',
        limit: 10,
        offset: 0,
      });
      expect(bySystem.items.map(s => s.serviceName)).toEqual(['edge-gateway']);

      const byTitle = await store.listServices({
        search: 'GATEWAY',
        limit: 10,
        offset: 0,
      });
      expect(byTitle.items.map(s => s.serviceName)).toEqual(['edge-gateway']);

      const likeWildcardsAreLiteral = await store.listServices({
        search: '_50%',
        limit: 10,
        offset: 0,
      });
      expect(likeWildcardsAreLiteral.items.map(s => s.serviceName)).toEqual([
        'percent_50%',
      ]);

      const secondPage = await store.listServices({ limit: 2, offset: 2 });
      expect(secondPage.totalCount).toBe(4);
      expect(secondPage.items.map(s => s.serviceName)).toEqual([
        'edge-gateway',
        'percent_50%',
      ]);
    });

    it('counts the services each team owns', async () => {
      const { store } = await createStore();
      await store.replaceCatalog({
        services: [service('cart'), service('checkout')],
        teams,
        systems: [],
      });
      expect(await store.listTeams()).toEqual([
        { ...teams[0], serviceCount: 2 },
        { ...teams[1], serviceCount: 0 },
      ]);
    });

    it('writes catalogs larger than one insert batch', async () => {
      const { store } = await createStore();
      const many = Array.from({ length: 1234 }, (_, i) =>
        service(`svc-${String(i).padStart(4, '0')}`),
      );
      await store.replaceCatalog({ services: many, teams, systems: [] });
      const counts = await store.replaceCatalog({
        services: many.slice(0, 10),
        teams,
        systems: [],
      });
      expect(counts.services.removed).toBe(1224);
      expect(
        (await store.listServices({ limit: 1, offset: 0 })).totalCount,
      ).toBe(10);
    });

    it('records job runs and returns the latest with its summary or error', async () => {
      const { store } = await createStore();
      expect(await store.latestJobRun('catalog-sync')).toBeUndefined();

      const first = await store.startJobRun(
        'catalog-sync',
        new Date('2026-11-25T10:00:00Z'),
      );
      await store.finishJobRun(first, {
        status: 'succeeded',
        finishedAt: new Date('2026-11-25T10:00:02Z'),
        summary: { services: 26 },
      });
      const second = await store.startJobRun(
        'catalog-sync',
        new Date('2026-11-25T10:10:00Z'),
      );
      await store.finishJobRun(second, {
        status: 'failed',
        finishedAt: new Date('2026-11-25T10:10:01Z'),
        error: 'catalog unavailable',
      });

      expect(await store.latestJobRun('catalog-sync')).toEqual({
        id: second,
        job: 'catalog-sync',
        status: 'failed',
        startedAt: '2026-11-25T10:10:00.000Z',
        finishedAt: '2026-11-25T10:10:01.000Z',
        error: 'catalog unavailable',
      });
      expect(await store.latestJobRun('other-job')).toBeUndefined();
    });
  },
);
