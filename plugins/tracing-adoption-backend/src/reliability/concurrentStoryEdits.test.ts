import { editUntilAccepted } from '../__testUtils__/concurrentEdits';
import { startPluginTestBackend } from '../__testUtils__/pluginTestBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';

const databases = createTestDatabases();

const AUTHOR = 'user:default/hannah-okafor';

const story = {
  title: 'Pricing fan-out was most of checkout p99',
  body: 'Edited by:',
  category: 'latency',
  entityRefs: ['component:default/pricing'],
  status: 'published',
};

describe.each(databases.eachSupportedId())(
  'concurrent story edits on %p',
  databaseId => {
    it('gives exactly one of 50 concurrent edits of a version, the rest 409, and loses no edit retried on the fresh version', async () => {
      const backend = await startPluginTestBackend({
        allow: () => true,
        knex: await databases.init(databaseId),
      });
      const api = backend.as(AUTHOR);
      const created = await api.post('/stories', story);
      expect(created.status).toBe(201);
      const path = `/stories/${created.body.id}`;

      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          api.put(path, { ...story, title: `Title ${i}`, version: 1 }),
        ),
      );
      const statuses = answers.map(a => a.status);
      expect(statuses.filter(s => s === 200)).toHaveLength(1);
      expect(statuses.filter(s => s === 409)).toHaveLength(49);
      const winner = answers.find(a => a.status === 200)!;
      expect((await api.get(path)).body).toMatchObject({
        version: 2,
        title: winner.body.title,
      });
      expect(answers.find(a => a.status === 409)!.body.error.message).toContain(
        'it is at version 2',
      );

      // body lines, as entityRefs hold at most 20
      const clients = Array.from({ length: 50 }, (_, i) => `client-${i}`);
      const writes = await Promise.all(
        clients.map(client =>
          editUntilAccepted(
            () => api.get(path),
            current =>
              api.put(path, {
                ...story,
                title: current.title,
                body: `${current.body}\n${client}`,
                version: current.version,
              }),
          ),
        ),
      );
      const final = (await api.get(path)).body;
      expect(final.version).toBe(2 + clients.length);
      expect(final.body.split('\n').slice(1).sort()).toEqual(
        [...clients].sort(),
      );
      // the clients did collide, and retried
      expect(writes.reduce((sum, n) => sum + n, 0)).toBeGreaterThan(
        clients.length,
      );
    }, 60_000);
  },
);
