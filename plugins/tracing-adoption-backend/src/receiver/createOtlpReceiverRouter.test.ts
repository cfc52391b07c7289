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
import { SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import { OTLPTraceExporter as OtlpHttpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OtlpProtobufExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  SimpleSpanProcessor,
  SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import { JsonObject } from '@backstage/types';
import { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { tracingAdoptionPlugin } from '../plugin';

async function startBackend(receiver: JsonObject = {}) {
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
            receiver,
            sampling: { settleDelay: { seconds: 0 } },
          },
        },
      }),
    ],
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    receiverUrl: `http://127.0.0.1:${port}/api/tracing-adoption/v1/traces`,
    async assembleAndAnalyse() {
      await scheduler!.triggerTask('tracing-adoption-trace-sampling');
      await scheduler!.triggerTask('tracing-adoption-operation-analysis');
    },
  };
}

/** Emits one checkout request through two services with a real OTel SDK. */
async function emitCheckout(exporterFor: (service: string) => SpanExporter) {
  const providers = ['edge-gateway', 'checkout'].map(
    service =>
      new BasicTracerProvider({
        resource: resourceFromAttributes({ 'service.name': service }),
        spanProcessors: [new SimpleSpanProcessor(exporterFor(service))],
      }),
  );
  const [edge, checkout] = providers.map(p => p.getTracer('receiver-test'));
  const root = edge.startSpan('POST /api/checkout', {
    kind: SpanKind.SERVER,
    attributes: {
      'http.request.method': 'POST',
      'http.route': '/api/checkout',
    },
  });
  const rootContext = trace.setSpan(context.active(), root);
  const client = edge.startSpan(
    'POST',
    { kind: SpanKind.CLIENT, attributes: { 'server.address': 'checkout' } },
    rootContext,
  );
  const server = checkout.startSpan(
    'POST /checkout',
    { kind: SpanKind.SERVER },
    trace.setSpan(rootContext, client),
  );
  server.setStatus({ code: SpanStatusCode.ERROR, message: 'payment declined' });
  server.end();
  client.end();
  root.end();
  await Promise.all(providers.map(p => p.forceFlush()));
  await Promise.all(providers.map(p => p.shutdown()));
  return root.spanContext().traceId;
}

const serviceAuth = { Authorization: mockCredentials.service.header() };

describe('OTLP receiver', () => {
  it.each([
    [
      'protobuf',
      (url: string) => new OtlpProtobufExporter({ url, headers: serviceAuth }),
    ],
    [
      'JSON',
      (url: string) => new OtlpHttpJsonExporter({ url, headers: serviceAuth }),
    ],
  ])(
    'accepts what the OpenTelemetry %s exporter sends and analyses the trace',
    async (_name, createExporter) => {
      const backend = await startBackend();
      const traceId = await emitCheckout(() =>
        createExporter(backend.receiverUrl),
      );
      await backend.assembleAndAnalyse();

      const operations = await request(backend.server)
        .get('/api/tracing-adoption/observed-operations')
        .set('authorization', mockCredentials.user.header());
      expect(operations.status).toBe(200);
      expect(operations.body.items).toEqual([
        expect.objectContaining({
          operationKey: 'edge-gateway|POST /api/checkout',
          entryService: 'edge-gateway',
          sampleSize: 1,
          reachesFromEdge: true,
          participants: 2,
          stale: false,
        }),
      ]);
      const detail = await request(backend.server)
        .get(
          `/api/tracing-adoption/observed-operations/${encodeURIComponent(
            'edge-gateway|POST /api/checkout',
          )}`,
        )
        .set('authorization', mockCredentials.user.header());
      expect(detail.status).toBe(200);
      expect(detail.body.analysis.sample.traceIds).toEqual([traceId]);
      expect(detail.body.compliance).toMatchObject({
        tracesRequested: 1,
        tracesFound: 1,
        spansEvaluated: 3,
      });
      expect(detail.body.analysis.errors.sourcesByService).toEqual([
        expect.objectContaining({ service: 'checkout', errorSources: 1 }),
      ]);

      const compliance = await request(backend.server)
        .get('/api/tracing-adoption/compliance')
        .set('authorization', mockCredentials.user.header());
      expect(compliance.status).toBe(200);
      expect(compliance.body).toMatchObject({
        tracesEvaluated: 1,
        spansEvaluated: 3,
        packs: [
          expect.objectContaining({ name: 'opentelemetry' }),
          expect.objectContaining({ name: 'opentracing' }),
        ],
      });
      expect(
        compliance.body.services.map((s: { service: string }) => s.service),
      ).toEqual(['checkout', 'edge-gateway']);
      expect(compliance.body.score).toEqual(expect.any(Number));

      const sources = await request(backend.server)
        .get('/api/tracing-adoption/trace-sources')
        .set('authorization', mockCredentials.user.header());
      expect(sources.body.items).toEqual([
        expect.objectContaining({
          id: 'otlp-receiver',
          kind: 'otlp',
          health: 'ok',
        }),
      ]);
    },
  );

  it('accepts gzip-compressed JSON', async () => {
    const backend = await startBackend();
    const body = gzipSync(
      JSON.stringify({
        resourceSpans: [
          {
            resource: {
              attributes: [
                { key: 'service.name', value: { stringValue: 'cart' } },
              ],
            },
            scopeSpans: [
              {
                spans: [
                  {
                    traceId: '5b8efff798038103d269b633813fc60c',
                    spanId: 'eee19b7ec3c1b174',
                    name: 'GET /api/cart',
                    kind: 2,
                    startTimeUnixNano: '1795600800000000000',
                    endTimeUnixNano: '1795600800005000000',
                  },
                ],
              },
            ],
          },
        ],
      }),
    );
    const response = await fetch(backend.receiverUrl, {
      method: 'POST',
      headers: {
        ...serviceAuth,
        'content-type': 'application/json',
        'content-encoding': 'gzip',
      },
      body,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({});

    const notGzip = await fetch(backend.receiverUrl, {
      method: 'POST',
      headers: {
        ...serviceAuth,
        'content-type': 'application/json',
        'content-encoding': 'gzip',
      },
      body: '{}',
    });
    expect(notGzip.status).toBe(400);
    expect((await notGzip.json()).error.message).toMatch(
      /does not match its Content-Encoding/,
    );
  });

  it('answers 400 with the reason for bodies that are not OTLP', async () => {
    const backend = await startBackend();
    const post = (contentType: string, body: string | Buffer) =>
      request(backend.server)
        .post('/api/tracing-adoption/v1/traces')
        .set(serviceAuth)
        .set('content-type', contentType)
        .send(body);

    const garbage = await post(
      'application/x-protobuf',
      Buffer.from([0xff, 0xff, 0xff, 0x0f, 0x01]),
    );
    expect(garbage.status).toBe(400);
    expect(garbage.body.error.message).toMatch(
      /not a valid OTLP ExportTraceServiceRequest/,
    );

    const badJson = await post('application/json', '{"resourceSpans": [');
    expect(badJson.status).toBe(400);
    expect(badJson.body.error.message).toMatch(/Body is not valid JSON/);

    const noSpans = await post(
      'application/json',
      JSON.stringify({
        resourceSpans: [{ scopeSpans: [{ spans: [{ name: 'x' }] }] }],
      }),
    );
    expect(noSpans.status).toBe(400);
    expect(noSpans.body.error.message).toMatch(/No valid span/);

    const text = await post('text/plain', 'hello');
    expect(text.status).toBe(400);
    expect(text.body.error.message).toMatch(
      /Unsupported content type 'text\/plain'/,
    );
  });

  it('accepts only service credentials', async () => {
    const backend = await startBackend();
    const anonymous = await request(backend.server)
      .post('/api/tracing-adoption/v1/traces')
      .set('authorization', mockCredentials.none.header())
      .set('content-type', 'application/json')
      .send('{}');
    expect(anonymous.status).toBe(401);
    const user = await request(backend.server)
      .post('/api/tracing-adoption/v1/traces')
      .set('authorization', mockCredentials.user.header())
      .set('content-type', 'application/json')
      .send('{}');
    expect(user.status).toBe(403);
  });

  it('answers 503 with Retry-After when the spans waiting for assembly reach capacity', async () => {
    const backend = await startBackend({
      maxPendingSpans: 3,
      retryAfterSeconds: 7,
    });
    const exporter = new OtlpHttpJsonExporter({
      url: backend.receiverUrl,
      headers: serviceAuth,
    });
    await emitCheckout(() => exporter);
    const response = await request(backend.server)
      .post('/api/tracing-adoption/v1/traces')
      .set(serviceAuth)
      .set('content-type', 'application/json')
      .send('{"resourceSpans": []}');
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('7');
    expect(response.body.error.message).toMatch(/at capacity/);
  });
});
