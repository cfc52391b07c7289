import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { simpleTrace } from '../__testUtils__/traces';
import { createDatabaseStores } from './createDatabaseStores';
import { SampleCandidate } from './TraceStore';

const databases = createTestDatabases();

function candidate(
  traceNumber: number,
  rootName: string,
  startIso: string,
): SampleCandidate {
  const trace = simpleTrace(traceNumber, 'edge-gateway', rootName, startIso);
  return {
    sourceId: 'otlp-receiver',
    trace,
    rootService: 'edge-gateway',
    rootName,
    traceStart: new Date(startIso),
  };
}

describe.each(databases.eachSupportedId())(
  'DatabaseTraceStore on %p',
  databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      const { traceStore } = await createDatabaseStores(
        mockServices.database({ knex, migrations: { skip: false } }),
      );
      return traceStore;
    }

    it('assembles spans of a trace received in several requests once it is quiet', async () => {
      const store = await createStore();
      const trace = simpleTrace(1);
      await store.appendReceivedSpans(
        'otlp-receiver',
        [{ traceId: trace.traceId, spans: [trace.spans[1]] }],
        new Date('2026-11-25T10:00:00Z'),
      );
      await store.appendReceivedSpans(
        'otlp-receiver',
        [{ traceId: trace.traceId, spans: [trace.spans[0]] }],
        new Date('2026-11-25T10:00:05Z'),
      );
      const late = simpleTrace(2);
      await store.appendReceivedSpans(
        'otlp-receiver',
        [late],
        new Date('2026-11-25T10:00:30Z'),
      );
      expect(await store.countPendingSpans()).toBe(4);

      const settled = await store.takeSettledTraces(
        new Date('2026-11-25T10:00:20Z'),
        10,
      );
      expect(settled).toHaveLength(1);
      expect(settled[0].traceId).toBe(trace.traceId);
      expect(settled[0].spans.map(s => s.spanId).sort()).toEqual(
        trace.spans.map(s => s.spanId).sort(),
      );
      expect(settled[0].rowIds).toHaveLength(2);

      await store.deleteReceivedRows(settled[0].rowIds);
      expect(await store.countPendingSpans()).toBe(2);
      expect(
        await store.purgeReceivedBefore(new Date('2026-11-25T10:01:00Z')),
      ).toBe(1);
      expect(await store.countPendingSpans()).toBe(0);
    });

    it('keeps at most N traces per operation and window, and each trace once', async () => {
      const store = await createStore();
      const options = { windowMs: 15 * 60_000, maxPerWindow: 2 };
      const kept = await store.admitSamples(
        [
          candidate(1, 'GET /api/products', '2026-11-25T10:01:00Z'),
          candidate(2, 'GET /api/products', '2026-11-25T10:02:00Z'),
          candidate(3, 'GET /api/products', '2026-11-25T10:03:00Z'),
          candidate(4, 'POST /api/checkout', '2026-11-25T10:03:00Z'),
          candidate(5, 'GET /api/products', '2026-11-25T10:16:00Z'),
        ],
        options,
      );
      expect(kept).toBe(4);
      expect(
        await store.admitSamples(
          [
            candidate(1, 'GET /api/products', '2026-11-25T10:01:00Z'),
            candidate(6, 'GET /api/products', '2026-11-25T10:05:00Z'),
          ],
          options,
        ),
      ).toBe(0);

      const samples = await store.listSamples(new Date('2026-11-25T10:00:00Z'));
      expect(samples.map(s => parseInt(s.trace.traceId, 16)).sort()).toEqual([
        1, 2, 4, 5,
      ]);
      expect(samples[0].trace.spans[0].resource).toEqual({
        'service.name': 'edge-gateway',
      });

      expect(
        await store.purgeSamplesBefore(new Date('2026-11-25T10:15:00Z')),
      ).toBe(3);
      expect(
        (await store.listSamples(new Date(0))).map(s =>
          parseInt(s.trace.traceId, 16),
        ),
      ).toEqual([5]);
    });

    it('tracks source health: successes reset failures, failures count up and keep the last success', async () => {
      const store = await createStore();
      await store.recordSourceFailure(
        'jaeger',
        'jaeger',
        new Date('2026-11-25T10:00:00Z'),
        'connection refused',
      );
      await store.recordSourceSuccess(
        'jaeger',
        'jaeger',
        new Date('2026-11-25T10:05:00Z'),
        { tracesRead: 12 },
      );
      await store.recordSourceFailure(
        'jaeger',
        'jaeger',
        new Date('2026-11-25T10:10:00Z'),
        'HTTP 502',
      );
      await store.recordSourceFailure(
        'jaeger',
        'jaeger',
        new Date('2026-11-25T10:15:00Z'),
        'HTTP 503',
      );
      expect(await store.listSourceStatuses()).toEqual([
        {
          sourceId: 'jaeger',
          kind: 'jaeger',
          lastAttemptAt: '2026-11-25T10:15:00.000Z',
          lastSuccessAt: '2026-11-25T10:05:00.000Z',
          lastError: 'HTTP 503',
          lastErrorAt: '2026-11-25T10:15:00.000Z',
          consecutiveFailures: 2,
          lastSummary: { tracesRead: 12 },
        },
      ]);
    });

    it('replaces an operation analysis and reads it back', async () => {
      const store = await createStore();
      const row = {
        operationKey: 'edge-gateway|GET /api/products',
        entryService: 'edge-gateway',
        spanName: 'GET /api/products',
        analyzedAt: '2026-11-25T10:00:00.000Z',
        windowStart: '2026-11-25T09:30:00.000Z',
        windowEnd: '2026-11-25T10:00:00.000Z',
        sampleSize: 3,
        analysis: {
          result: { sample: { matchingTraces: 3 } } as any,
          sourceIds: ['otlp-receiver'],
          traceSources: {},
        },
      };
      await store.saveOperationAnalyses([row]);
      await store.saveOperationAnalyses([
        { ...row, sampleSize: 5, analyzedAt: '2026-11-25T10:01:00.000Z' },
      ]);
      expect(await store.listOperationAnalyses()).toEqual([
        { ...row, sampleSize: 5, analyzedAt: '2026-11-25T10:01:00.000Z' },
      ]);
      expect(
        await store.getOperationAnalysis('edge-gateway|GET /api/products'),
      ).toMatchObject({ sampleSize: 5 });
      expect(await store.getOperationAnalysis('nope')).toBeUndefined();
    });
  },
);
