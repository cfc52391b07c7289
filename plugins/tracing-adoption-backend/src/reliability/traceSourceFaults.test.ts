import {
  SchedulerService,
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import {
  FakeHandler,
  startFakeHttpServer,
} from '../__testUtils__/fakeHttpServer';
import { tracingAdoptionPlugin } from '../plugin';

type SourceKind = 'jaeger' | 'zipkin' | 'tempo';
type Fault = 'down' | 'slow' | 'garbage' | 'foreign-json';

const TIMEOUT_MS = 300;

const newTraceId = () => randomBytes(16).toString('hex');

/** The operation each fake backend's traces start with. */
const OPERATION: Record<SourceKind, { service: string; span: string }> = {
  jaeger: { service: 'checkout', span: 'POST /api/checkout' },
  zipkin: { service: 'cart', span: 'get /api/cart' },
  tempo: { service: 'edge-gateway', span: 'GET /api/products' },
};

/** A fresh trace of the kind's operation, as its query API returns it. */
function goodAnswer(kind: SourceKind, url: URL) {
  const { service, span } = OPERATION[kind];
  const startUs = (Date.now() - 1000) * 1000;
  if (kind === 'jaeger') {
    const traceID = newTraceId();
    return {
      data: [
        {
          traceID,
          spans: [
            {
              traceID,
              spanID: 'a1a1a1a1a1a1a1a1',
              operationName: span,
              references: [],
              startTime: startUs,
              duration: 40_000,
              tags: [{ key: 'span.kind', type: 'string', value: 'server' }],
              logs: [],
              processID: 'p1',
            },
          ],
          processes: { p1: { serviceName: service, tags: [] } },
        },
      ],
      total: 0,
      limit: 0,
      offset: 0,
      errors: null,
    };
  }
  if (kind === 'zipkin') {
    return [
      [
        {
          traceId: newTraceId(),
          id: 'a2fb4a1d1a96d312',
          name: span,
          kind: 'SERVER',
          timestamp: startUs,
          duration: 3000,
          localEndpoint: { serviceName: service },
        },
      ],
    ];
  }
  if (url.pathname === '/api/search') {
    return { traces: [{ traceID: newTraceId() }], metrics: {} };
  }
  return {
    batches: [
      {
        resource: {
          attributes: [
            { key: 'service.name', value: { stringValue: service } },
          ],
        },
        scopeSpans: [
          {
            spans: [
              {
                traceId: url.pathname.split('/').pop(),
                spanId: 'c3c3c3c3c3c3c3c3',
                name: span,
                kind: 2,
                startTimeUnixNano: `${startUs}000`,
                endTimeUnixNano: `${startUs + 5000}000`,
              },
            ],
          },
        ],
      },
    ],
  };
}

/** Valid JSON that is not a query answer, as a proxy or an error page sends it. */
const FOREIGN_JSON: Record<SourceKind, object> = {
  jaeger: {
    data: null,
    errors: [{ code: 500, msg: 'cassandra: no hosts available' }],
  },
  zipkin: {
    status: 500,
    error: 'Internal Server Error',
    path: '/api/v2/traces',
  },
  tempo: { error: 'too many requests' },
};

/**
 * A trace backend on a fixed loopback port that can go down (connection
 * refused), answer slower than the source's timeout, or answer garbage, and
 * recover.
 */
async function startFakeBackend(kind: SourceKind) {
  let fault: Fault | undefined;
  const handler: FakeHandler = url => {
    if (fault === 'garbage') {
      return {
        status: 200,
        headers: { 'content-type': 'text/html' },
        body: '<html><body><h1>502 Bad Gateway</h1></body></html>',
      };
    }
    if (fault === 'foreign-json') {
      return { status: 200, body: FOREIGN_JSON[kind] };
    }
    return {
      status: 200,
      body: goodAnswer(kind, url),
      delayMs: fault === 'slow' ? TIMEOUT_MS * 5 : undefined,
    };
  };
  let server = await startFakeHttpServer(handler);
  const port = Number(new URL(server.baseUrl).port);
  let up = true;
  return {
    baseUrl: server.baseUrl,
    async set(next: Fault | undefined) {
      if (next === 'down' && up) {
        await server.close();
        up = false;
      } else if (next !== 'down' && !up) {
        server = await startFakeHttpServer(handler, { port });
        up = true;
      }
      fault = next;
    },
    async close() {
      if (up) {
        await server.close();
      }
    },
  };
}

async function startBackend(kind: SourceKind, baseUrl: string) {
  let scheduler: SchedulerService | undefined;
  const captureScheduler = createBackendModule({
    pluginId: 'tracing-adoption',
    moduleId: 'test-scheduler-handle',
    register(env) {
      env.registerInit({
        deps: { scheduler: coreServices.scheduler },
        async init(deps) {
          scheduler = deps.scheduler;
        },
      });
    },
  });
  const { server } = await startTestBackend({
    features: [
      tracingAdoptionPlugin,
      captureScheduler,
      catalogServiceMock.factory({ entities: [] }),
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          tracingAdoption: {
            traceSources: [
              {
                id: kind,
                type: kind,
                baseUrl,
                services: [OPERATION[kind].service],
                timeout: { milliseconds: TIMEOUT_MS },
                retries: 1,
              },
            ],
          },
        },
      }),
    ],
  });
  const get = async (path: string) => {
    const response = await request(server)
      .get(`/api/tracing-adoption${path}`)
      .set('authorization', mockCredentials.user.header());
    expect(response.status).toBe(200);
    return response.body.items;
  };
  return {
    /** One scheduled pull of the source, then the analysis job, as the scheduler runs them. */
    async pullAndAnalyse() {
      await scheduler!.triggerTask(`tracing-adoption-trace-source-${kind}`);
      await scheduler!.triggerTask('tracing-adoption-operation-analysis');
    },
    async source() {
      return (await get('/trace-sources')).find((s: any) => s.id === kind);
    },
    async operations() {
      return get('/observed-operations');
    },
  };
}

const FAULTS: Array<[Fault, RegExp]> = [
  ['down', /GET http:\/\/127\.0\.0\.1:\d+\/api\/.* failed: fetch failed/],
  ['slow', new RegExp(`no answer within ${TIMEOUT_MS} ms`)],
  ['garbage', /answered with invalid JSON/],
];

describe('trace source faults, through the API', () => {
  it.each<SourceKind>(['jaeger', 'zipkin', 'tempo'])(
    'a %s backend that goes down, times out or answers garbage turns the source stale, keeps its last analysis, and recovers on the next good pull',
    async kind => {
      const fake = await startFakeBackend(kind);
      try {
        const backend = await startBackend(kind, fake.baseUrl);
        await backend.pullAndAnalyse();
        const healthy = await backend.source();
        expect(healthy).toMatchObject({
          health: 'ok',
          consecutiveFailures: 0,
        });
        const operationKey = `${OPERATION[kind].service}|${OPERATION[kind].span}`;
        const [analysed] = await backend.operations();
        expect(analysed).toMatchObject({
          operationKey,
          sampleSize: 1,
          stale: false,
          staleSources: [],
        });

        for (const [index, [fault, error]] of FAULTS.entries()) {
          await fake.set(fault);
          await backend.pullAndAnalyse();
          expect({ fault, source: await backend.source() }).toEqual({
            fault,
            source: expect.objectContaining({
              health: index < 2 ? 'stale' : 'failing',
              consecutiveFailures: index + 1,
              lastError: expect.stringMatching(error),
              lastSuccessAt: healthy.lastSuccessAt,
            }),
          });
          // the analysis job ran during the outage: the last good one stays, marked stale
          expect({ fault, operations: await backend.operations() }).toEqual({
            fault,
            operations: [
              {
                ...analysed,
                analyzedAt: expect.any(String),
                stale: true,
                staleSources: [kind],
              },
            ],
          });
        }

        await fake.set(undefined);
        await backend.pullAndAnalyse();
        expect(await backend.source()).toMatchObject({
          health: 'ok',
          consecutiveFailures: 0,
        });
        expect(await backend.operations()).toEqual([
          expect.objectContaining({
            operationKey,
            sampleSize: 2,
            stale: false,
            staleSources: [],
          }),
        ]);
      } finally {
        await fake.close();
      }
    },
    30_000,
  );

  async function pullForeignJson(kind: SourceKind) {
    const fake = await startFakeBackend(kind);
    try {
      const backend = await startBackend(kind, fake.baseUrl);
      await backend.pullAndAnalyse();
      await fake.set('foreign-json');
      await backend.pullAndAnalyse();
      expect(await backend.source()).toMatchObject({
        health: 'stale',
        consecutiveFailures: 1,
      });
      expect(await backend.operations()).toEqual([
        expect.objectContaining({ stale: true, staleSources: [kind] }),
      ]);
    } finally {
      await fake.close();
    }
  }

  it.each<SourceKind>(['jaeger', 'zipkin', 'tempo'])(
    'a %s backend answering JSON that is no query answer turns the source stale',
    pullForeignJson,
  );
});
