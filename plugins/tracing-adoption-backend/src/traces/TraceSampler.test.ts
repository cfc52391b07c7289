import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { simpleTrace } from '../__testUtils__/traces';
import { createDatabaseStores } from '../database/createDatabaseStores';
import { TraceSampler } from './TraceSampler';

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())('TraceSampler on %p', databaseId => {
  async function setUp() {
    const knex = await databases.init(databaseId);
    const { traceStore } = await createDatabaseStores(
      mockServices.database({ knex, migrations: { skip: false } }),
    );
    const sampler = new TraceSampler({
      store: traceStore,
      logger: mockServices.logger.mock(),
      settings: {
        windowMs: 15 * 60_000,
        tracesPerOperation: 3,
        settleDelayMs: 10_000,
        retentionMs: 60 * 60_000,
      },
    });
    return { traceStore, sampler };
  }

  it('keeps a bounded sample per operation however much traffic arrives', async () => {
    const { traceStore, sampler } = await setUp();
    const receivedAt = new Date('2026-11-25T10:05:00Z');
    const traffic = Array.from({ length: 40 }, (_, i) =>
      simpleTrace(
        i + 1,
        'edge-gateway',
        i % 2 ? 'GET /api/products' : 'POST /api/checkout',
        '2026-11-25T10:04:00Z',
      ),
    );
    // each trace arrives in two exports, child span first, as SDKs flush them
    await traceStore.appendReceivedSpans(
      'otlp-receiver',
      traffic.map(t => ({ traceId: t.traceId, spans: [t.spans[1]] })),
      receivedAt,
    );
    await traceStore.appendReceivedSpans(
      'otlp-receiver',
      traffic.map(t => ({ traceId: t.traceId, spans: [t.spans[0]] })),
      receivedAt,
    );

    const summary = await sampler.run(new Date('2026-11-25T10:06:00Z'));
    expect(summary).toMatchObject({
      tracesAssembled: 40,
      spansAssembled: 80,
      tracesKept: 6,
    });
    expect(await traceStore.countPendingSpans()).toBe(0);

    const samples = await traceStore.listSamples(
      new Date('2026-11-25T10:00:00Z'),
    );
    expect(samples).toHaveLength(6);
    expect(samples.every(s => s.trace.spans.length === 2)).toBe(true);
    expect(await traceStore.listSourceStatuses()).toEqual([
      expect.objectContaining({
        sourceId: 'otlp-receiver',
        consecutiveFailures: 0,
      }),
    ]);
  });

  it('waits for traces that are still receiving spans', async () => {
    const { traceStore, sampler } = await setUp();
    const trace = simpleTrace(7);
    await traceStore.appendReceivedSpans(
      'otlp-receiver',
      [trace],
      new Date('2026-11-25T10:05:55Z'),
    );
    expect(
      (await sampler.run(new Date('2026-11-25T10:06:00Z'))).tracesAssembled,
    ).toBe(0);
    expect(await traceStore.countPendingSpans()).toBe(2);
    expect(
      (await sampler.run(new Date('2026-11-25T10:06:10Z'))).tracesKept,
    ).toBe(1);
  });

  it('deletes samples older than the retention', async () => {
    const { traceStore, sampler } = await setUp();
    await sampler.admit('jaeger', [
      simpleTrace(1, 'cart', 'GET /cart', '2026-11-25T08:00:00Z'),
    ]);
    await sampler.admit('jaeger', [
      simpleTrace(2, 'cart', 'GET /cart', '2026-11-25T09:50:00Z'),
    ]);
    const summary = await sampler.run(new Date('2026-11-25T10:00:00Z'));
    expect(summary.samplesPurged).toBe(1);
    expect(
      (await traceStore.listSamples(new Date(0))).map(s =>
        parseInt(s.trace.traceId, 16),
      ),
    ).toEqual([2]);
  });
});
