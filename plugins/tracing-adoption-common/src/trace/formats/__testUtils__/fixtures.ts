/**
 * Payloads shaped exactly as the backends emit them, trimmed to a few spans.
 * Each function returns a fresh object so tests can mutate it.
 */

/** OTLP/JSON as an OpenTelemetry SDK exports it (upper-case hex ids are allowed by the spec). */
export function otlpExportRequest() {
  return {
    resourceSpans: [
      {
        resource: {
          attributes: [
            { key: 'service.name', value: { stringValue: 'checkout' } },
            { key: 'service.version', value: { stringValue: '2.4.1' } },
            { key: 'telemetry.sdk.language', value: { stringValue: 'java' } },
            { key: 'host.name', value: { stringValue: 'checkout-7f9c-1' } },
          ],
          droppedAttributesCount: 0,
        },
        scopeSpans: [
          {
            scope: {
              name: 'io.opentelemetry.tomcat-10.0',
              version: '2.1.0-alpha',
            },
            spans: [
              {
                traceId: '5B8EFFF798038103D269B633813FC60C',
                spanId: 'EEE19B7EC3C1B174',
                parentSpanId: '',
                traceState: '',
                flags: 257,
                name: 'POST /api/checkout',
                kind: 2,
                startTimeUnixNano: '1700000000123456789',
                endTimeUnixNano: '1700000000623456789',
                attributes: [
                  {
                    key: 'http.request.method',
                    value: { stringValue: 'POST' },
                  },
                  {
                    key: 'http.route',
                    value: { stringValue: '/api/checkout' },
                  },
                  {
                    key: 'http.response.status_code',
                    value: { intValue: '500' },
                  },
                  { key: 'server.port', value: { intValue: 8080 } },
                  {
                    key: 'thread.id',
                    value: { intValue: '9007199254740993' },
                  },
                ],
                droppedAttributesCount: 0,
                events: [
                  {
                    timeUnixNano: '1700000000600000000',
                    name: 'exception',
                    attributes: [
                      {
                        key: 'exception.type',
                        value: {
                          stringValue: 'java.lang.IllegalStateException',
                        },
                      },
                    ],
                  },
                ],
                links: [
                  {
                    traceId: '0AF7651916CD43DD8448EB211C80319C',
                    spanId: 'B7AD6B7169203331',
                    attributes: [],
                  },
                ],
                status: { code: 2, message: 'payment declined' },
              },
              {
                traceId: '5B8EFFF798038103D269B633813FC60C',
                spanId: 'EEE19B7EC3C1B175',
                parentSpanId: 'EEE19B7EC3C1B174',
                name: 'SELECT orders',
                kind: 3,
                startTimeUnixNano: '1700000000200000000',
                endTimeUnixNano: '1700000000250000500',
                attributes: [
                  { key: 'db.system', value: { stringValue: 'postgresql' } },
                  {
                    key: 'db.statement.duration_ratio',
                    value: { doubleValue: 0.25 },
                  },
                  { key: 'db.cached', value: { boolValue: false } },
                  {
                    key: 'db.hosts',
                    value: {
                      arrayValue: {
                        values: [
                          { stringValue: 'pg-1' },
                          { stringValue: 'pg-2' },
                        ],
                      },
                    },
                  },
                  {
                    key: 'db.connection',
                    value: {
                      kvlistValue: {
                        values: [
                          { key: 'pool', value: { stringValue: 'main' } },
                          { key: 'size', value: { intValue: '10' } },
                        ],
                      },
                    },
                  },
                  {
                    key: 'db.query.hash',
                    value: { bytesValue: 'q83vEjRWeJA=' },
                  },
                ],
                status: {},
              },
            ],
          },
        ],
      },
      {
        resource: {
          attributes: [
            { key: 'service.name', value: { stringValue: 'payment' } },
          ],
        },
        scopeSpans: [
          {
            scope: { name: 'payment-manual' },
            spans: [
              {
                traceId: '5B8EFFF798038103D269B633813FC60C',
                spanId: '1000000000000001',
                parentSpanId: 'EEE19B7EC3C1B174',
                name: 'charge',
                kind: 1,
                startTimeUnixNano: '1700000000300000000',
                endTimeUnixNano: '1700000000400000000',
                attributes: [
                  { key: 'otel.scope.name', value: { stringValue: 'custom' } },
                ],
                status: { code: 1 },
              },
            ],
          },
        ],
      },
    ],
  };
}

/**
 * What protobufjs `toObject(…, { longs: String, bytes: String, enums: Number })`
 * gives for a protobuf export: base64 ids, empty bytes for a root's parent.
 */
export function otlpProtobufObject() {
  return {
    resourceSpans: [
      {
        resource: {
          attributes: [
            { key: 'service.name', value: { stringValue: 'frontend' } },
          ],
        },
        scopeSpans: [
          {
            scope: {
              name: '@opentelemetry/instrumentation-http',
              version: '0.52.1',
            },
            spans: [
              {
                traceId: 'W47/95gDgQPSabYzgT/GDA==',
                spanId: '7uGbfsPBsXQ=',
                parentSpanId: '',
                name: 'GET',
                kind: 3,
                startTimeUnixNano: '1700000001000000000',
                endTimeUnixNano: '1700000001000999999',
                attributes: [
                  { key: 'http.request.method', value: { stringValue: 'GET' } },
                ],
                events: [],
                links: [],
                status: { code: 0 },
              },
            ],
          },
        ],
      },
    ],
  };
}

/** Tempo `/api/traces/{id}` before OTLP 1.0: `batches` and `instrumentationLibrarySpans`. */
export function tempoBatches() {
  return {
    batches: [
      {
        resource: {
          attributes: [
            { key: 'service.name', value: { stringValue: 'cart' } },
            { key: 'k8s.pod.name', value: { stringValue: 'cart-5d8f' } },
          ],
        },
        instrumentationLibrarySpans: [
          {
            instrumentationLibrary: {
              name: 'go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp',
              version: '0.45.0',
            },
            spans: [
              {
                traceId: 'obLD1OX2BxgpOktcbX6PkA==',
                spanId: 'wP/uAAAAAAE=',
                name: 'HTTP GET',
                kind: 'SPAN_KIND_SERVER',
                startTimeUnixNano: '1700000002000000000',
                endTimeUnixNano: '1700000002010000000',
                attributes: [
                  { key: 'http.status_code', value: { intValue: '503' } },
                ],
                status: {
                  code: 'STATUS_CODE_ERROR',
                  message: 'upstream unavailable',
                },
              },
            ],
          },
        ],
      },
    ],
  };
}

/** Jaeger api_v3 `GetTrace` over HTTP: one streamed `result` chunk. */
export function jaegerApiV3Result() {
  return {
    result: {
      resourceSpans: [
        {
          resource: {
            attributes: [
              { key: 'service.name', value: { stringValue: 'driver' } },
            ],
          },
          scopeSpans: [
            {
              scope: {},
              spans: [
                {
                  traceId: '00000000000000004a6b1c2d3e4f5061',
                  spanId: '4a6b1c2d3e4f5062',
                  parentSpanId: '4a6b1c2d3e4f5061',
                  name: '/driver.DriverService/FindNearest',
                  kind: 2,
                  startTimeUnixNano: 1700000003000000000,
                  endTimeUnixNano: 1700000003200000000,
                  attributes: [],
                  status: {},
                },
              ],
            },
          ],
        },
      ],
    },
  };
}

/** Jaeger query service `/api/traces/{id}` (HotROD-like). */
export function jaegerTracesResponse() {
  return {
    data: [
      {
        traceID: '1f3b8d2c5a6e7f90',
        spans: [
          {
            traceID: '1f3b8d2c5a6e7f90',
            spanID: '1f3b8d2c5a6e7f90',
            flags: 1,
            operationName: 'HTTP GET /dispatch',
            references: [],
            startTime: 1700000000000000,
            duration: 693000,
            tags: [
              { key: 'sampler.type', type: 'string', value: 'const' },
              { key: 'sampler.param', type: 'bool', value: true },
              { key: 'span.kind', type: 'string', value: 'server' },
              { key: 'http.method', type: 'string', value: 'GET' },
              {
                key: 'http.url',
                type: 'string',
                value: '/dispatch?customer=123',
              },
              { key: 'component', type: 'string', value: 'net/http' },
              { key: 'http.status_code', type: 'int64', value: 200 },
            ],
            logs: [
              {
                timestamp: 1700000000000100,
                fields: [
                  {
                    key: 'event',
                    type: 'string',
                    value: 'HTTP request received',
                  },
                  { key: 'level', type: 'string', value: 'info' },
                ],
              },
            ],
            processID: 'p1',
            warnings: null,
          },
          {
            traceID: '1f3b8d2c5a6e7f90',
            spanID: '6a2e4c1b9d8f7e05',
            flags: 1,
            operationName: 'SQL SELECT',
            references: [
              {
                refType: 'CHILD_OF',
                traceID: '1f3b8d2c5a6e7f90',
                spanID: '1f3b8d2c5a6e7f90',
              },
              {
                refType: 'FOLLOWS_FROM',
                traceID: '1f3b8d2c5a6e7f90',
                spanID: '0d9c8b7a6f5e4d3c',
              },
            ],
            startTime: 1700000000001000,
            duration: 350000,
            tags: [
              { key: 'span.kind', type: 'string', value: 'client' },
              {
                key: 'sql.query',
                type: 'string',
                value: 'SELECT * FROM customer WHERE customer_id=123',
              },
              { key: 'error', type: 'bool', value: true },
              {
                key: 'otel.status_description',
                type: 'string',
                value: 'deadlock detected',
              },
              { key: 'request.size', type: 'float64', value: 12.5 },
              { key: 'payload', type: 'binary', value: 'AQID' },
            ],
            logs: [
              {
                timestamp: 1700000000350000,
                fields: [
                  { key: 'message', type: 'string', value: 'slow query' },
                ],
              },
            ],
            processID: 'p2',
            warnings: ['clock skew adjustment disabled'],
          },
        ],
        processes: {
          p1: {
            serviceName: 'frontend',
            tags: [
              { key: 'client-uuid', type: 'string', value: '6b3c4f2a1d0e9c8b' },
              { key: 'hostname', type: 'string', value: 'frontend-7c9d' },
              { key: 'ip', type: 'string', value: '172.18.0.5' },
              { key: 'jaeger.version', type: 'string', value: 'Go-2.30.0' },
            ],
          },
          p2: {
            serviceName: 'mysql',
            tags: [
              { key: 'hostname', type: 'string', value: 'mysql-0' },
              { key: 'ip', type: 'string', value: '172.18.0.9' },
            ],
          },
        },
        warnings: null,
      },
    ],
    total: 0,
    limit: 0,
    offset: 0,
    errors: null,
  };
}

/** Zipkin `/api/v2/trace/{id}` from Brave, with a B3 shared client/server span. */
export function zipkinTrace() {
  return [
    {
      traceId: '5af7183fb1d4cf5f',
      id: '5af7183fb1d4cf5f',
      kind: 'SERVER',
      name: 'get /api',
      timestamp: 1556604172355000,
      duration: 25000,
      localEndpoint: { serviceName: 'frontend', ipv4: '192.168.99.1' },
      remoteEndpoint: { ipv6: '::1', port: 63837 },
      tags: { 'http.method': 'GET', 'http.path': '/api' },
    },
    {
      traceId: '5af7183fb1d4cf5f',
      parentId: '5af7183fb1d4cf5f',
      id: '6b221d5bc9e6496c',
      kind: 'CLIENT',
      name: 'get',
      timestamp: 1556604172356000,
      duration: 20000,
      localEndpoint: { serviceName: 'frontend', ipv4: '192.168.99.1' },
      remoteEndpoint: {
        serviceName: 'backend',
        ipv4: '192.168.99.2',
        port: 9000,
      },
      tags: { 'http.method': 'GET', 'http.path': '/api', error: '500' },
      annotations: [
        { timestamp: 1556604172356100, value: 'wire send' },
        { timestamp: 1556604172375900, value: 'wire receive' },
      ],
    },
    {
      traceId: '5af7183fb1d4cf5f',
      parentId: '5af7183fb1d4cf5f',
      id: '6b221d5bc9e6496c',
      kind: 'SERVER',
      name: 'get /api',
      timestamp: 1556604172357000,
      duration: 18000,
      localEndpoint: {
        serviceName: 'backend',
        ipv4: '192.168.99.2',
        port: 9000,
      },
      remoteEndpoint: { ipv4: '192.168.99.1', port: 50120 },
      tags: { 'http.method': 'GET', 'http.path': '/api' },
      shared: true,
    },
    {
      traceId: '5af7183fb1d4cf5f',
      parentId: '6b221d5bc9e6496c',
      id: '352bff9a74ca9ad2',
      kind: 'CLIENT',
      name: 'query',
      timestamp: 1556604172360000,
      duration: 1431,
      localEndpoint: {
        serviceName: 'backend',
        ipv4: '192.168.99.2',
        port: 9000,
      },
      remoteEndpoint: { serviceName: 'mysql', ipv4: '127.0.0.1', port: 3306 },
      tags: { 'sql.query': 'select * from users where id = ?' },
    },
  ];
}
