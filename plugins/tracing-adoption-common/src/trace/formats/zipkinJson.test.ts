import fc from 'fast-check';
import { parseZipkinJson } from './zipkinJson';
import { zipkinTrace } from './__testUtils__/fixtures';
import { allSpans, modelViolations } from './__testUtils__/modelInvariants';
import {
  mutatePayload,
  payloadMutations,
} from './__testUtils__/payloadMutations';

const TRACE_ID = '00000000000000005af7183fb1d4cf5f';

function validSpan(overrides: Record<string, unknown> = {}) {
  return {
    traceId: '5af7183fb1d4cf5f',
    id: '352bff9a74ca9ad2',
    name: 'get /users',
    timestamp: 1556604172355000,
    duration: 1431,
    localEndpoint: { serviceName: 'backend' },
    ...overrides,
  };
}

function parseSpan(overrides: Record<string, unknown>) {
  const result = parseZipkinJson([validSpan(overrides)]);
  expect(modelViolations(result)).toEqual([]);
  return { span: allSpans(result)[0], problems: result.problems };
}

describe('parseZipkinJson', () => {
  it.each([
    ['/api/v2/trace/{id} (an array of spans)', zipkinTrace(), [TRACE_ID], 4],
    [
      '/api/v2/traces (an array of traces)',
      [
        zipkinTrace(),
        [validSpan({ traceId: '463ac35c9f6413ad48485a3953bb6124' })],
      ],
      [TRACE_ID, '463ac35c9f6413ad48485a3953bb6124'],
      5,
    ],
    ['an empty search result', [], [], 0],
    ['a trace without spans', [[]], [], 0],
  ])('reads %s', (_description, payload, traceIds, spanCount) => {
    const result = parseZipkinJson(payload);
    expect(result.problems).toEqual([]);
    expect(result.traces.map(trace => trace.traceId)).toEqual(traceIds);
    expect(allSpans(result)).toHaveLength(spanCount);
    expect(modelViolations(result)).toEqual([]);
  });

  it('groups the spans of an upload by trace id', () => {
    const result = parseZipkinJson([
      validSpan({ traceId: 'a', id: '1' }),
      validSpan({ traceId: 'b', id: '2' }),
      validSpan({ traceId: 'A', id: '3' }),
    ]);
    expect(
      result.traces.map(trace => [
        trace.traceId.slice(-1),
        trace.spans.map(span => span.spanId.slice(-1)),
      ]),
    ).toEqual([
      ['a', ['1', '3']],
      ['b', ['2']],
    ]);
  });

  it('maps every field of a span', () => {
    const [, client] = parseZipkinJson(zipkinTrace()).traces[0].spans;
    expect(client).toEqual({
      traceId: TRACE_ID,
      spanId: '6b221d5bc9e6496c',
      parentSpanId: '5af7183fb1d4cf5f',
      references: [],
      name: 'get',
      kind: 'client',
      serviceName: 'frontend',
      startTimeUs: 1556604172356000,
      durationUs: 20000,
      attributes: {
        'http.method': 'GET',
        'http.path': '/api',
        error: '500',
        'peer.service': 'backend',
        'network.peer.address': '192.168.99.2',
        'network.peer.port': 9000,
      },
      resource: { 'service.name': 'frontend', 'host.ip': ['192.168.99.1'] },
      events: [
        { timeUs: 1556604172356100, name: 'wire send', attributes: {} },
        { timeUs: 1556604172375900, name: 'wire receive', attributes: {} },
      ],
      status: { code: 'error', message: '500' },
    });
  });

  it('marks the server half of a shared span', () => {
    const [, , server] = parseZipkinJson(zipkinTrace()).traces[0].spans;
    expect(server).toMatchObject({
      spanId: '6b221d5bc9e6496c',
      kind: 'server',
      serviceName: 'backend',
      attributes: { 'zipkin.shared': true },
    });
  });

  it('shares one resource object per local endpoint', () => {
    const [root, client, server, query] = parseZipkinJson(zipkinTrace())
      .traces[0].spans;
    expect(client.resource).toBe(root.resource);
    expect(query.resource).toBe(server.resource);
    expect(server.resource).not.toBe(root.resource);
  });

  it.each([
    [{ kind: 'SERVER' }, 'server'],
    [{ kind: 'CLIENT' }, 'client'],
    [{ kind: 'PRODUCER' }, 'producer'],
    [{ kind: 'CONSUMER' }, 'consumer'],
    [{ parentId: '6b221d5bc9e6496c' }, 'internal'],
    [{}, 'unspecified'],
  ])('reads the kind of %j as %s', (overrides, expected) => {
    expect(parseSpan(overrides).span.kind).toBe(expected);
  });

  it.each([
    [{ error: '' }, { code: 'error' }],
    [{ error: 'true' }, { code: 'error' }],
    [
      { error: 'Connection refused' },
      { code: 'error', message: 'Connection refused' },
    ],
    [{ error: 'false' }, { code: 'unset' }],
    [
      {
        'otel.status_code': 'ERROR',
        error: 'timeout',
        'otel.status_description': 'deadline exceeded',
      },
      { code: 'error', message: 'deadline exceeded' },
    ],
    [{ 'otel.status_code': 'OK' }, { code: 'ok' }],
    [{ 'http.status_code': '500' }, { code: 'unset' }],
  ])('derives the status from tags %j', (tags, expected) => {
    expect(parseSpan({ tags }).span.status).toEqual(expected);
  });

  it.each([
    [
      'names an uninstrumented callee',
      { serviceName: 'mysql', ipv6: '::1', port: 3306 },
      {},
      {
        'peer.service': 'mysql',
        'network.peer.address': '::1',
        'network.peer.port': 3306,
      },
    ],
    [
      'keeps what the instrumentation set',
      { serviceName: 'mysql', ipv4: '10.0.0.1' },
      { 'peer.service': 'orders-db', 'network.peer.address': 'db.internal' },
      { 'peer.service': 'orders-db', 'network.peer.address': 'db.internal' },
    ],
    ['ignores an empty endpoint', {}, {}, {}],
  ])('%s', (_description, remoteEndpoint, tags, expected) => {
    expect(parseSpan({ remoteEndpoint, tags }).span.attributes).toEqual(
      expected,
    );
  });

  it.each([
    [{ localEndpoint: undefined }, 'unknown_service'],
    [{ localEndpoint: { ipv4: '10.0.0.1' } }, 'unknown_service'],
    [{ localEndpoint: { serviceName: '' } }, 'unknown_service'],
  ])('names the service unknown_service for %j', (overrides, expected) => {
    expect(parseSpan(overrides).span.serviceName).toBe(expected);
  });

  it.each([
    [
      { traceId: '463ac35c9f6413ad48485a3953bb61240' },
      '[0].traceId',
      'span dropped',
    ],
    [{ traceId: 1234 }, '[0].traceId', 'number 1234'],
    [{ id: undefined }, '[0].id', 'span dropped'],
    [{ timestamp: undefined }, '[0].timestamp', 'span dropped'],
    [{ timestamp: Number.NaN }, '[0].timestamp', 'span dropped'],
  ])('drops a span with %j', (overrides, path, message) => {
    const result = parseZipkinJson([validSpan(overrides)]);
    expect(result.traces).toEqual([]);
    expect(result.problems).toEqual([
      { path, message: expect.stringContaining(message) },
    ]);
  });

  it.each([
    [{ duration: undefined }, '[0].duration', 'duration set to 0'],
    [{ parentId: '352bff9a74ca9ad2' }, '[0].parentId', 'its own parent'],
    [
      { kind: 'client' },
      '[0].kind',
      'expected CLIENT, SERVER, PRODUCER or CONSUMER',
    ],
    [{ name: {} }, '[0].name', 'expected a string'],
    [{ tags: ['error'] }, '[0].tags', 'expected an object of string tags'],
    [
      { tags: { 'http.status_code': { code: 500 } } },
      '[0].tags["http.status_code"]',
      'tag dropped',
    ],
    [
      { annotations: [{ value: 'cs' }] },
      '[0].annotations[0]',
      'annotation dropped',
    ],
    [{ localEndpoint: 'backend' }, '[0].localEndpoint', 'expected an endpoint'],
  ])('keeps a span with %j and reports it', (overrides, path, message) => {
    const { span, problems } = parseSpan(overrides);
    expect(span).toBeDefined();
    expect(problems).toEqual([
      { path, message: expect.stringContaining(message) },
    ]);
  });

  it('reports the path of a bad span inside a list of traces', () => {
    const result = parseZipkinJson([[validSpan()], [validSpan(), 'span']]);
    expect(allSpans(result)).toHaveLength(2);
    expect(result.problems).toEqual([
      { path: '[1][1]', message: 'expected a span, got "span"' },
    ]);
  });

  it.each([
    [undefined, 'expected an array of spans or of traces, got nothing'],
    [
      { traceId: '5af7183fb1d4cf5f' },
      'expected an array of spans or of traces, got an object',
    ],
    ['x'.repeat(1_000_000), '(1000000 characters)'],
  ])('reports a malformed payload', (payload, message) => {
    expect(parseZipkinJson(payload)).toEqual({
      traces: [],
      problems: [{ path: '', message: expect.stringContaining(message) }],
    });
  });

  it('caps the number of recorded problems', () => {
    const { problems } = parseZipkinJson(Array.from({ length: 1000 }, () => 0));
    expect(problems).toHaveLength(101);
    expect(problems[100].message).toBe('… and 900 more problems');
  });

  it('never throws on arbitrary values', () => {
    fc.assert(
      fc.property(fc.anything(), payload => {
        expect(modelViolations(parseZipkinJson(payload))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['a trace', zipkinTrace()],
    ['a list of traces', [zipkinTrace(), zipkinTrace().slice(0, 2)]],
  ])(
    'never throws and keeps the model valid for mutations of %s',
    (_, base) => {
      fc.assert(
        fc.property(payloadMutations, mutations => {
          const result = parseZipkinJson(mutatePayload(base, mutations));
          expect(modelViolations(result)).toEqual([]);
        }),
        { numRuns: 1500 },
      );
    },
  );
});
