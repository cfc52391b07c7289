/**
 * Deterministic synthetic traffic of an online shop, rendered as the payloads
 * trace backends really return: Jaeger query-API JSON and OTLP protobuf.
 */

import path from 'node:path';

// The protobuf code the backend's OTLP receiver decodes with.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const otlpRoot = require(require.resolve(
  '@opentelemetry/otlp-transformer/build/src/generated/root',
  {
    paths: [path.join(__dirname, '../plugins/tracing-adoption-backend')],
  },
));

const ExportTraceServiceRequest =
  otlpRoot.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;

/** mulberry32: small, fast, reproducible. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticSpan {
  spanId: string;
  parentSpanId?: string;
  service: string;
  name: string;
  kind: 'server' | 'client' | 'internal';
  startUs: number;
  durationUs: number;
  error: boolean;
  attributes: Record<string, string | number>;
}

export interface SyntheticTrace {
  traceId: string;
  spans: SyntheticSpan[];
}

const hex = (rnd: () => number, length: number) => {
  let out = '';
  while (out.length < length) {
    out += Math.floor(rnd() * 0x100000000)
      .toString(16)
      .padStart(8, '0');
  }
  return out.slice(0, length);
};

/** Traces of the shop until `spanCount` spans are reached (±1 trace). */
export function generateShopTraces(
  spanCount: number,
  seed = 42,
): SyntheticTrace[] {
  const rnd = random(seed);
  const traces: SyntheticTrace[] = [];
  let total = 0;
  let clockUs = Date.parse('2026-11-25T10:00:00Z') * 1000;

  while (total < spanCount) {
    const traceId = hex(rnd, 32);
    const spans: SyntheticSpan[] = [];
    clockUs += Math.floor(rnd() * 5000);

    const call = (
      parent: SyntheticSpan,
      callee: string,
      route: string,
      startUs: number,
      durationUs: number,
      instrumented = true,
    ): SyntheticSpan => {
      const client: SyntheticSpan = {
        spanId: hex(rnd, 16),
        parentSpanId: parent.spanId,
        service: parent.service,
        name: 'GET',
        kind: 'client',
        startUs,
        durationUs,
        error: false,
        attributes: {
          'http.request.method': 'GET',
          'url.full': `http://${callee}:8080${route}`,
          'server.address': callee,
          'server.port': 8080,
          'peer.service': callee,
          'http.response.status_code': 200,
          'network.protocol.version': '1.1',
        },
      };
      spans.push(client);
      if (!instrumented) {
        return client;
      }
      const server: SyntheticSpan = {
        spanId: hex(rnd, 16),
        parentSpanId: client.spanId,
        service: callee,
        name: `GET ${route}`,
        kind: 'server',
        startUs: startUs + 100,
        durationUs: Math.max(durationUs - 200, 1),
        error: false,
        attributes: {
          'http.request.method': 'GET',
          'http.route': route,
          'url.path': route,
          'url.scheme': 'http',
          'http.response.status_code': 200,
          'client.address': '10.0.0.1',
          'user_agent.original': 'node',
        },
      };
      spans.push(server);
      return server;
    };

    const entryRoll = rnd();
    const route =
      entryRoll < 0.6
        ? '/api/products'
        : entryRoll < 0.85
        ? '/api/cart/items'
        : '/api/checkout';
    const root: SyntheticSpan = {
      spanId: hex(rnd, 16),
      service: 'edge-gateway',
      name: `GET ${route}`,
      kind: 'server',
      startUs: clockUs,
      durationUs: 20000 + Math.floor(rnd() * 30000),
      error: false,
      attributes: {
        'http.request.method': 'GET',
        'http.route': route,
        'url.path': route,
        'http.response.status_code': 200,
      },
    };
    spans.push(root);
    let t = root.startUs + 500;
    if (route === '/api/products') {
      const browse = call(root, 'catalog-browse', '/products', t, 15000);
      const products = 3 + Math.floor(rnd() * 4);
      for (let i = 0; i < products; i++) {
        call(
          browse,
          'pricing',
          `/prices/${i}`,
          browse.startUs + 200 + i * 1500,
          1200,
        );
      }
      call(browse, 'inventory', '/stock', browse.startUs + 11000, 2000);
      call(browse, 'reviews', '/reviews', browse.startUs + 13000, 1500);
    } else if (route === '/api/cart/items') {
      const cart = call(root, 'cart', '/items', t, 12000);
      call(cart, 'pricing', '/prices', cart.startUs + 500, 2000);
      call(cart, 'promotions', '/promotions', cart.startUs + 3000, 2000);
    } else {
      const checkout = call(root, 'checkout', '/checkout', t, 18000);
      call(checkout, 'cart', '/items', checkout.startUs + 300, 2000);
      const payments = call(
        checkout,
        'payments',
        '/charge',
        checkout.startUs + 2500,
        8000,
      );
      call(payments, 'fraud-check', '/score', payments.startUs + 300, 3000);
      call(
        checkout,
        'currency',
        '/convert',
        checkout.startUs + 11000,
        1000,
        false,
      );
      call(checkout, 'orders', '/orders', checkout.startUs + 12500, 4000);
      if (rnd() < 0.05) {
        payments.error = true;
        payments.attributes['http.response.status_code'] = 502;
      }
    }
    t += 1;
    traces.push({ traceId, spans });
    total += spans.length;
  }
  return traces;
}

function jaegerTags(span: SyntheticSpan) {
  const tags: Array<{
    key: string;
    type: string;
    value: string | number | boolean;
  }> = [
    { key: 'span.kind', type: 'string', value: span.kind },
    {
      key: 'otel.scope.name',
      type: 'string',
      value: '@opentelemetry/instrumentation-http',
    },
  ];
  for (const [key, value] of Object.entries(span.attributes)) {
    tags.push({
      key,
      type: typeof value === 'number' ? 'int64' : 'string',
      value,
    });
  }
  if (span.error) {
    tags.push({ key: 'error', type: 'bool', value: true });
  }
  return tags;
}

/** The `/api/traces` answer of the Jaeger query service. */
export function toJaegerJson(traces: SyntheticTrace[]): string {
  const data = traces.map(trace => {
    const processIds = new Map<string, string>();
    const processes: Record<string, unknown> = {};
    for (const span of trace.spans) {
      if (!processIds.has(span.service)) {
        const id = `p${processIds.size + 1}`;
        processIds.set(span.service, id);
        processes[id] = {
          serviceName: span.service,
          tags: [
            {
              key: 'telemetry.sdk.name',
              type: 'string',
              value: 'opentelemetry',
            },
            { key: 'telemetry.sdk.language', type: 'string', value: 'nodejs' },
            { key: 'telemetry.sdk.version', type: 'string', value: '2.2.0' },
            { key: 'host.name', type: 'string', value: `${span.service}-7d9f` },
          ],
        };
      }
    }
    return {
      traceID: trace.traceId,
      spans: trace.spans.map(span => ({
        traceID: trace.traceId,
        spanID: span.spanId,
        operationName: span.name,
        references: span.parentSpanId
          ? [
              {
                refType: 'CHILD_OF',
                traceID: trace.traceId,
                spanID: span.parentSpanId,
              },
            ]
          : [],
        startTime: span.startUs,
        duration: span.durationUs,
        tags: jaegerTags(span),
        logs: [],
        processID: processIds.get(span.service),
        warnings: null,
        flags: 1,
      })),
      processes,
      warnings: null,
    };
  });
  return JSON.stringify({ data, total: 0, limit: 0, offset: 0, errors: null });
}

const OTLP_KIND = { internal: 1, server: 2, client: 3 } as const;

function otlpAttributes(attributes: Record<string, string | number>) {
  return Object.entries(attributes).map(([key, value]) => ({
    key,
    value:
      typeof value === 'number' ? { intValue: value } : { stringValue: value },
  }));
}

/** An OTLP ExportTraceServiceRequest object, one resource per service. */
export function toOtlpRequest(traces: SyntheticTrace[]) {
  const byService = new Map<string, unknown[]>();
  for (const trace of traces) {
    for (const span of trace.spans) {
      const spans = byService.get(span.service) ?? [];
      spans.push({
        traceId: Buffer.from(trace.traceId, 'hex'),
        spanId: Buffer.from(span.spanId, 'hex'),
        parentSpanId: span.parentSpanId
          ? Buffer.from(span.parentSpanId, 'hex')
          : undefined,
        name: span.name,
        kind: OTLP_KIND[span.kind],
        startTimeUnixNano: `${span.startUs}000`,
        endTimeUnixNano: `${span.startUs + span.durationUs}000`,
        attributes: otlpAttributes(span.attributes),
        status: span.error ? { code: 2 } : {},
      });
      byService.set(span.service, spans);
    }
  }
  return {
    resourceSpans: [...byService].map(([service, spans]) => ({
      resource: {
        attributes: otlpAttributes({
          'service.name': service,
          'telemetry.sdk.name': 'opentelemetry',
          'telemetry.sdk.language': 'nodejs',
          'telemetry.sdk.version': '2.2.0',
        }),
      },
      scopeSpans: [
        {
          scope: {
            name: '@opentelemetry/instrumentation-http',
            version: '0.208.0',
          },
          spans,
        },
      ],
    })),
  };
}

export function toOtlpProtobuf(traces: SyntheticTrace[]): Buffer {
  return Buffer.from(
    ExportTraceServiceRequest.encode(
      ExportTraceServiceRequest.fromObject(toOtlpRequest(traces)),
    ).finish(),
  );
}

/** The same request in OTLP/JSON (hex ids), the baseline for JSON.parse. */
export function toOtlpJson(traces: SyntheticTrace[]): string {
  const request = toOtlpRequest(traces);
  return JSON.stringify(request, (_key, value) =>
    value && value.type === 'Buffer' && Array.isArray(value.data)
      ? Buffer.from(value.data).toString('hex')
      : value,
  );
}
