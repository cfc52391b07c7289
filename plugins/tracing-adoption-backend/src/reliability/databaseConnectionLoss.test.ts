import knexFactory, { Knex } from 'knex';
import { startPluginTestBackend } from '../__testUtils__/pluginTestBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';

/*
 * PostgreSQL only: SQLite has no server whose sessions could be cut. A
 * missing server fails the run (createTestDatabases, databases.init) rather
 * than skipping it.
 */
const databases = createTestDatabases();

const PM = 'user:default/rollout-pm';
const MAX_ROUNDS = 40;
const LOSSES_WANTED = 5;

/** The entity refs a story's title stands for, so its rows can be checked. */
function entityRefsOf(title: string): string[] {
  return ['a', 'b', 'c'].map(part => `component:default/${title}-${part}`);
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

describe('database connections terminated mid-request', () => {
  let admin: Knex | undefined;
  beforeAll(() => {
    // knex logs each cut connection it discards; here they are the point
    jest.spyOn(console, 'log').mockImplementation(() => {});
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await admin?.destroy();
  });

  it('answers 2xx, 409 or 503, recovers without a restart, and leaves no partial write', async () => {
    const knex = await databases.init('POSTGRES_15');
    const {
      rows: [{ database }],
    } = await knex.raw('select current_database() as database');
    admin = knexFactory({
      client: 'pg',
      connection: {
        ...(knex.client.config.connection as Knex.PgConnectionConfig),
        database: 'postgres',
      },
      pool: { min: 1, max: 1 },
    });
    const cutConnections = async () => {
      const { rows } = await admin!.raw(
        'select pg_terminate_backend(pid) as cut from pg_stat_activity where datname = ? and pid <> pg_backend_pid()',
        [database],
      );
      return rows.length as number;
    };

    const backend = await startPluginTestBackend({
      allow: () => true,
      knex,
    });
    const api = backend.as(PM);
    expect(
      (
        await api.post('/critical-operations', {
          id: 'checkout',
          name: 'Checkout',
          description: 'written on version 0',
          entry: { entryService: 'edge-gateway' },
          peakRequestsPerSecond: 300,
          tier: 1,
          ownerRef: 'group:default/team-checkout',
        })
      ).status,
    ).toBe(201);
    const target = await api.post('/stories', {
      title: 's0',
      body: 'edit 0',
      category: 'latency',
      entityRefs: entityRefsOf('s0'),
      status: 'published',
    });
    expect(target.status).toBe(201);
    const storyId: string = target.body.id;

    let sequence = 0;
    /** Each write says what it was made on, so a torn write shows. */
    const requests = () => [
      () => api.get('/critical-operations/checkout'),
      () => api.get('/stories?limit=5'),
      () => api.get(`/stories/${storyId}`),
      async () => {
        const current = await api.get('/critical-operations/checkout');
        if (current.status !== 200) {
          return current;
        }
        const { version } = current.body.operation;
        return api.put('/critical-operations/checkout', {
          name: 'Checkout',
          description: `written on version ${version}`,
          entry: { entryService: 'edge-gateway' },
          peakRequestsPerSecond: 300 + version,
          tier: 1,
          ownerRef: 'group:default/team-checkout',
          version,
        });
      },
      () => {
        sequence += 1;
        const title = `s${sequence}`;
        return api.post('/stories', {
          title,
          body: `created as ${title}`,
          category: 'latency',
          entityRefs: entityRefsOf(title),
          status: 'published',
        });
      },
      async () => {
        const current = await api.get(`/stories/${storyId}`);
        if (current.status !== 200) {
          return current;
        }
        sequence += 1;
        const title = `s${sequence}`;
        return api.put(`/stories/${storyId}`, {
          title,
          body: `edit ${sequence}`,
          category: 'latency',
          entityRefs: entityRefsOf(title),
          status: 'published',
          version: current.body.version,
        });
      },
    ];

    const statuses: Record<number, number> = {};
    const unexpected: Array<{ status: number; body: unknown }> = [];
    let cut = 0;
    for (
      let round = 0;
      round < MAX_ROUNDS && (statuses[503] ?? 0) < LOSSES_WANTED;
      round += 1
    ) {
      const inFlight = Promise.all(
        [...requests(), ...requests()].map(request => request()),
      );
      await sleep(5 + Math.random() * 40);
      cut += await cutConnections();
      for (const response of await inFlight) {
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        if (
          response.status === 503
            ? !/^The database connection was lost while answering \(\S+( terminated)?\); retry the request$/.test(
                response.body.error.message,
              )
            : ![200, 201, 409].includes(response.status)
        ) {
          unexpected.push({ status: response.status, body: response.body });
        }
      }
    }
    expect(unexpected).toEqual([]);
    expect(cut).toBeGreaterThan(0);
    expect(statuses[503]).toBeGreaterThanOrEqual(1);

    // the pool replaces the cut connections on its own
    for (const request of requests()) {
      const response = await request();
      expect({ status: response.status, body: response.body }).toEqual({
        status: response.status === 201 ? 201 : 200,
        body: expect.anything(),
      });
    }

    const operation = await knex('critical_operations')
      .where({ id: 'checkout' })
      .first();
    expect({
      version: operation.version,
      description: operation.description,
      peak: operation.peak_rps,
    }).toEqual({
      version: operation.version,
      description: `written on version ${operation.version - 1}`,
      peak: 300 + operation.version - 1,
    });

    const stories = await knex('stories').select('id', 'title');
    const links = await knex('story_entities')
      .select('story_id', 'entity_ref')
      .orderBy(['story_id', 'position']);
    expect(stories.length).toBeGreaterThan(1);
    for (const story of stories) {
      expect({
        title: story.title,
        entityRefs: links
          .filter(link => link.story_id === story.id)
          .map(link => link.entity_ref),
      }).toEqual({ title: story.title, entityRefs: entityRefsOf(story.title) });
    }
    expect(
      links.filter(link => !stories.some(story => story.id === link.story_id)),
    ).toEqual([]);
  }, 120_000);
});
