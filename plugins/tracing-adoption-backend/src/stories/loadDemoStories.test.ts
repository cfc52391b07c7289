import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { createDatabaseStores } from '../database/createDatabaseStores';
import { DatabaseStoryStore } from './DatabaseStoryStore';
import { loadDemoStories } from './loadDemoStories';

const demoDirectory = path.resolve(
  __dirname,
  '../../../../examples/demo-org/stories',
);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'loadDemoStories on %p',
  databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      await createDatabaseStores(
        mockServices.database({ knex, migrations: { skip: false } }),
      );
      return new DatabaseStoryStore(knex);
    }

    it('loads every demo story once, however often it runs', async () => {
      const store = await createStore();
      const logger = mockServices.logger.mock();
      expect(
        await loadDemoStories({ store, directory: demoDirectory, logger }),
      ).toEqual({ created: 5, existing: 0 });
      expect(
        await loadDemoStories({ store, directory: demoDirectory, logger }),
      ).toEqual({ created: 0, existing: 5 });

      const { items, totalCount } = await store.listStories({
        status: 'published',
        order: 'most-liked',
        deleted: false,
        limit: 10,
        offset: 0,
      });
      expect(totalCount).toBe(5);
      expect(items[0]).toMatchObject({
        title: 'Checkout p99 was mostly one pricing call per cart line',
        author: 'user:default/hannah-okafor',
        team: 'group:default/team-cart-checkout',
        featured: true,
        likes: 4,
        publishedAt: '2026-10-06T08:30:00.000Z',
      });
      expect(items.map(story => story.category).sort()).toEqual([
        'cost',
        'errors',
        'incident',
        'latency',
        'other',
      ]);
    });

    it('refuses a demo file the API would refuse, naming file and field', async () => {
      const store = await createStore();
      const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'stories-'));
      fs.writeFileSync(
        path.join(directory, 'broken.yaml'),
        [
          'slug: broken',
          'author: user:default/sofia-marin',
          "publishedAt: '2026-11-18T16:40:00Z'",
          'title: Broken',
          'team: group:default/sre-tracing',
          'category: errors',
          'body: text',
          'traceLinks: ["javascript:alert(1)"]',
        ].join('\n'),
      );
      try {
        await expect(
          loadDemoStories({
            store,
            directory,
            logger: mockServices.logger.mock(),
          }),
        ).rejects.toThrow(
          'Demo story broken.yaml: Invalid story: traceLinks[0] must be an absolute http or https URL',
        );
      } finally {
        fs.rmSync(directory, { recursive: true });
      }
    });
  },
);
