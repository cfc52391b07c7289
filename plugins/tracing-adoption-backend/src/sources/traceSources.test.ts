import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { TraceQuery } from '@internal/plugin-tracing-adoption-node';
import { startFakeHttpServer } from '../__testUtils__/fakeHttpServer';
import { JaegerTraceSource } from './JaegerTraceSource';
import { OtlpFileTraceSource } from './OtlpFileTraceSource';
import { TempoTraceSource } from './TempoTraceSource';
import { ZipkinTraceSource } from './ZipkinTraceSource';

const start = new Date('2026-11-25T10:00:00Z');
const end = new Date('2026-11-25T10:15:00Z');
const startUs = start.getTime() * 1000;

function query(serviceNames: string[]): TraceQuery {
  return {
    start,
    end,
    serviceNames,
    limitPerService: 20,
    signal: new AbortController().signal,
  };
}

const request = { timeoutMs: 500, retries: 1, backoffMs: 5 };

/** One checkout trace as the Jaeger query service returns it. */
function jaegerTrace(traceID: string) {
  return {
    traceID,
    spans: [
      {
        traceID,
        spanID: 'a1a1a1a1a1a1a1a1',
        operationName: 'POST /api/checkout',
        references: [],
        startTime: startUs,
        duration: 40000,
        tags: [
          { key: 'span.kind', type: 'string', value: 'server' },
          { key: 'http.status_code', type: 'int64', value: 200 },
        ],
        logs: [],
        processID: 'p1',
        warnings: null,
      },
      {
        traceID,
        spanID: 'b2b2b2b2b2b2b2b2',
        operationName: 'charge',
        references: [
          { refType: 'CHILD_OF', traceID, spanID: 'a1a1a1a1a1a1a1a1' },
        ],
        startTime: startUs + 1000,
        duration: 20000,
        tags: [{ key: 'span.kind', type: 'string', value: 'server' }],
        logs: [],
        processID: 'p2',
        warnings: null,
      },
    ],
    processes: {
      p1: {
        serviceName: 'checkout',
        tags: [{ key: 'jaeger.version', type: 'string', value: 'Java-1.8.1' }],
      },
      p2: { serviceName: 'payments', tags: [] },
    },
    warnings: null,
  };
}

const otlpTrace = (traceId: string, service: string) => ({
  resourceSpans: [
    {
      resource: {
        attributes: [{ key: 'service.name', value: { stringValue: service } }],
      },
      scopeSpans: [
        {
          scope: { name: '@opentelemetry/instrumentation-http' },
          spans: [
            {
              traceId,
              spanId: 'c3c3c3c3c3c3c3c3',
              name: 'GET /api/products',
              kind: 2,
              startTimeUnixNano: `${startUs}000`,
              endTimeUnixNano: `${startUs + 5000}000`,
              attributes: [],
              status: {},
            },
          ],
        },
      ],
    },
  ],
});

describe('JaegerTraceSource', () => {
  it('reads each service over the v1 API and merges traces seen through several services', async () => {
    const traceID = '0af7651916cd43dd8448eb211c80319c';
    const server = await startFakeHttpServer(url =>
      url.pathname === '/jaeger/api/traces'
        ? {
            status: 200,
            body: {
              data: [jaegerTrace(traceID)],
              total: 0,
              limit: 0,
              offset: 0,
              errors: null,
            },
          }
        : { status: 404, body: '404 page not found' },
    );
    try {
      const source = new JaegerTraceSource({
        id: 'jaeger',
        baseUrl: `${server.baseUrl}/jaeger/`,
        apiVersion: 'v1',
        concurrency: 2,
        request,
        traceUrlTemplate: 'https://jaeger.example.com/trace/{traceId}',
      });
      const result = await source.readTraces(query(['checkout', 'payments']));
      expect(result.traces).toHaveLength(1);
      expect(result.traces[0].spans.map(s => s.serviceName).sort()).toEqual([
        'checkout',
        'payments',
      ]);
      expect(server.requests.sort()).toEqual([
        `/jaeger/api/traces?service=checkout&start=${startUs}&end=${
          end.getTime() * 1000
        }&limit=20`,
        `/jaeger/api/traces?service=payments&start=${startUs}&end=${
          end.getTime() * 1000
        }&limit=20`,
      ]);
      expect(source.traceUrl(traceID)).toBe(
        `https://jaeger.example.com/trace/${traceID}`,
      );
    } finally {
      await server.close();
    }
  });

  it('reads the OTLP-shaped v3 API', async () => {
    const server = await startFakeHttpServer(url => ({
      status: 200,
      body: {
        result: otlpTrace(
          '5b8efff798038103d269b633813fc60c',
          url.searchParams.get('query.service_name')!,
        ),
      },
    }));
    try {
      const source = new JaegerTraceSource({
        id: 'jaeger',
        baseUrl: server.baseUrl,
        apiVersion: 'v3',
        concurrency: 1,
        request,
      });
      const result = await source.readTraces(query(['edge-gateway']));
      expect(result.traces[0].spans[0].serviceName).toBe('edge-gateway');
      expect(server.requests[0]).toContain(
        '/api/v3/traces?query.service_name=edge-gateway&query.start_time_min=2026-11-25T10%3A00%3A00.000Z',
      );
    } finally {
      await server.close();
    }
  });

  it('fails with the URL and status when the backend errors, so the source turns stale', async () => {
    const server = await startFakeHttpServer(() => ({
      status: 500,
      body: 'storage unavailable',
    }));
    try {
      const source = new JaegerTraceSource({
        id: 'jaeger',
        baseUrl: server.baseUrl,
        apiVersion: 'v1',
        concurrency: 1,
        request,
      });
      await expect(source.readTraces(query(['cart']))).rejects.toThrow(
        /answered 500 Internal Server Error: storage unavailable/,
      );
    } finally {
      await server.close();
    }
  });

  it('returns problems for malformed traces next to the good ones', async () => {
    const good = jaegerTrace('0af7651916cd43dd8448eb211c80319c');
    const server = await startFakeHttpServer(() => ({
      status: 200,
      body: { data: [good, { traceID: 42, spans: 'not spans' }] },
    }));
    try {
      const source = new JaegerTraceSource({
        id: 'jaeger',
        baseUrl: server.baseUrl,
        apiVersion: 'v1',
        concurrency: 1,
        request,
      });
      const result = await source.readTraces(query(['checkout']));
      expect(result.traces).toHaveLength(1);
      expect(result.problems.length).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });
});

describe('ZipkinTraceSource', () => {
  it('reads /api/v2/traces per service with a millisecond window', async () => {
    const traceId = '463ac35c9f6413ad48485a3953bb6124';
    const server = await startFakeHttpServer(() => ({
      status: 200,
      body: [
        [
          {
            traceId,
            id: 'a2fb4a1d1a96d312',
            name: 'get /api/cart',
            kind: 'SERVER',
            timestamp: startUs,
            duration: 3000,
            localEndpoint: { serviceName: 'cart', ipv4: '10.0.0.3' },
            tags: { 'http.method': 'GET', 'http.path': '/api/cart' },
          },
        ],
      ],
    }));
    try {
      const source = new ZipkinTraceSource({
        id: 'zipkin',
        baseUrl: server.baseUrl,
        concurrency: 1,
        request,
      });
      const result = await source.readTraces(query(['cart']));
      expect(result.traces.map(t => t.traceId)).toEqual([traceId]);
      expect(server.requests).toEqual([
        `/api/v2/traces?serviceName=cart&endTs=${end.getTime()}&lookback=900000&limit=20`,
      ]);
    } finally {
      await server.close();
    }
  });
});

describe('TempoTraceSource', () => {
  it('searches with TraceQL per service, then fetches each trace once', async () => {
    const traceId = '2f3e0cee77ae5dc9c17ade3689eb2e54';
    const server = await startFakeHttpServer(url => {
      if (url.pathname === '/api/search') {
        return {
          status: 200,
          body: {
            traces: [
              {
                traceID: traceId,
                rootServiceName: 'edge-gateway',
                rootTraceName: 'GET /api/products',
              },
            ],
            metrics: {},
          },
        };
      }
      if (url.pathname === `/api/traces/${traceId}`) {
        return {
          status: 200,
          body: { batches: otlpTrace(traceId, 'edge-gateway').resourceSpans },
        };
      }
      return { status: 404, body: 'trace not found' };
    });
    try {
      const source = new TempoTraceSource({
        id: 'tempo',
        baseUrl: server.baseUrl,
        concurrency: 2,
        request,
      });
      const result = await source.readTraces(
        query(['edge-gateway', 'catalog-browse']),
      );
      expect(result.traces.map(t => t.traceId)).toEqual([traceId]);
      expect(server.requests.filter(r => r.startsWith('/api/traces/'))).toEqual(
        [`/api/traces/${traceId}`],
      );
      const search = new URL(
        `http://x${server.requests.find(r => r.startsWith('/api/search'))}`,
      );
      expect(search.searchParams.get('q')).toMatch(
        /^\{ resource\.service\.name = "(edge-gateway|catalog-browse)" \}$/,
      );
    } finally {
      await server.close();
    }
  });

  it('rejects a search answer without traces', async () => {
    const server = await startFakeHttpServer(() => ({
      status: 200,
      body: { error: 'bad query' },
    }));
    try {
      const source = new TempoTraceSource({
        id: 'tempo',
        baseUrl: server.baseUrl,
        concurrency: 1,
        request,
      });
      await expect(source.readTraces(query(['cart']))).rejects.toThrow(
        /Tempo search for service cart answered without a traces array/,
      );
    } finally {
      await server.close();
    }
  });
});

describe('OtlpFileTraceSource', () => {
  it('reads JSON documents and JSON lines changed in the window and reports bad lines', async () => {
    const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'otlp-files-'));
    try {
      await fs.writeFile(
        path.join(directory, 'one.json'),
        JSON.stringify(otlpTrace('11111111111111111111111111111111', 'cart')),
      );
      await fs.writeFile(
        path.join(directory, 'collector.jsonl'),
        `${JSON.stringify(
          otlpTrace('22222222222222222222222222222222', 'pricing'),
        )}\n{broken\n`,
      );
      await fs.writeFile(path.join(directory, 'notes.txt'), 'ignored');
      const old = path.join(directory, 'old.json');
      await fs.writeFile(
        old,
        JSON.stringify(otlpTrace('33333333333333333333333333333333', 'tax')),
      );
      await fs.utimes(
        old,
        new Date('2026-11-24T00:00:00Z'),
        new Date('2026-11-24T00:00:00Z'),
      );
      await fs.writeFile(
        path.join(directory, 'compressed.json'),
        gzipSync('not read: not JSON'),
      );

      const source = new OtlpFileTraceSource({
        id: 'files',
        directory,
        maxFileBytes: 1024 * 1024,
      });
      const result = await source.readTraces({
        ...query([]),
        start: new Date('2026-11-25T00:00:00Z'),
      });
      expect(result.traces.map(t => t.traceId).sort()).toEqual([
        '11111111111111111111111111111111',
        '22222222222222222222222222222222',
      ]);
      expect(result.problems.map(p => p.path)).toEqual(
        expect.arrayContaining([
          'collector.jsonl:2',
          expect.stringMatching(/^compressed\.json/),
        ]),
      );
    } finally {
      await fs.rm(directory, { recursive: true, force: true });
    }
  });

  it('fails when the directory cannot be read', async () => {
    const source = new OtlpFileTraceSource({
      id: 'files',
      directory: '/nonexistent/otlp',
      maxFileBytes: 1,
    });
    await expect(source.readTraces(query([]))).rejects.toThrow(
      /Cannot read OTLP export directory \/nonexistent\/otlp/,
    );
  });
});
