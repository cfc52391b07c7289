import fc from 'fast-check';
import { parseOtlpJson } from './otlpJson';
import {
  jaegerApiV3Result,
  otlpExportRequest,
  otlpProtobufObject,
  tempoBatches,
} from './__testUtils__/fixtures';
import { allSpans, modelViolations } from './__testUtils__/modelInvariants';
import {
  mutatePayload,
  payloadMutations,
} from './__testUtils__/payloadMutations';

const TRACE_ID = '5b8efff798038103d269b633813fc60c';
const SPAN_PATH = 'resourceSpans[0].scopeSpans[0].spans[0]';

function validSpan(): Record<string, unknown> {
  return {
    traceId: TRACE_ID,
    spanId: 'eee19b7ec3c1b174',
    name: 'GET /health',
    kind: 2,
    startTimeUnixNano: '1700000000000000000',
    endTimeUnixNano: '1700000000001000000',
  };
}

function requestWithSpans(...spans: unknown[]) {
  return {
    resourceSpans: [
      {
        resource: {
          attributes: [{ key: 'service.name', value: { stringValue: 'cart' } }],
        },
        scopeSpans: [{ scope: { name: 'manual' }, spans }],
      },
    ],
  };
}

function requestWithSpan(overrides: Record<string, unknown>) {
  return requestWithSpans({ ...validSpan(), ...overrides });
}

function attributesOf(attributes: unknown[]) {
  const [span] = allSpans(parseOtlpJson(requestWithSpan({ attributes })));
  return span.attributes;
}

describe('parseOtlpJson', () => {
  it.each([
    ['an OTLP/JSON export request', otlpExportRequest(), [TRACE_ID], 3],
    [
      'a protobufjs-decoded request with base64 ids',
      otlpProtobufObject(),
      [TRACE_ID],
      1,
    ],
    [
      "Tempo's batches with instrumentationLibrarySpans",
      tempoBatches(),
      ['a1b2c3d4e5f60718293a4b5c6d7e8f90'],
      1,
    ],
    [
      'a Jaeger api_v3 result',
      jaegerApiV3Result(),
      ['00000000000000004a6b1c2d3e4f5061'],
      1,
    ],
    ['a Tempo v2 trace', { trace: otlpExportRequest() }, [TRACE_ID], 3],
    [
      'an array of requests',
      [tempoBatches(), otlpProtobufObject()],
      ['a1b2c3d4e5f60718293a4b5c6d7e8f90', TRACE_ID],
      2,
    ],
    ['an empty export', {}, [], 0],
    ['an empty api_v3 result', { result: {} }, [], 0],
  ])('reads %s', (_description, payload, traceIds, spanCount) => {
    const result = parseOtlpJson(payload);
    expect(result.problems).toEqual([]);
    expect(result.traces.map(trace => trace.traceId)).toEqual(traceIds);
    expect(allSpans(result)).toHaveLength(spanCount);
    expect(modelViolations(result)).toEqual([]);
  });

  it('maps every field of a span', () => {
    const { traces } = parseOtlpJson(otlpExportRequest());
    expect(traces[0].spans[0]).toEqual({
      traceId: TRACE_ID,
      spanId: 'eee19b7ec3c1b174',
      parentSpanId: undefined,
      references: [
        {
          type: 'link',
          traceId: '0af7651916cd43dd8448eb211c80319c',
          spanId: 'b7ad6b7169203331',
        },
      ],
      name: 'POST /api/checkout',
      kind: 'server',
      serviceName: 'checkout',
      startTimeUs: 1700000000123456,
      durationUs: 500000,
      attributes: {
        'http.request.method': 'POST',
        'http.route': '/api/checkout',
        'http.response.status_code': 500,
        'server.port': 8080,
        'thread.id': '9007199254740993',
        'otel.scope.name': 'io.opentelemetry.tomcat-10.0',
        'otel.scope.version': '2.1.0-alpha',
      },
      resource: {
        'service.name': 'checkout',
        'service.version': '2.4.1',
        'telemetry.sdk.language': 'java',
        'host.name': 'checkout-7f9c-1',
      },
      events: [
        {
          timeUs: 1700000000600000,
          name: 'exception',
          attributes: {
            'exception.type': 'java.lang.IllegalStateException',
          },
        },
      ],
      status: { code: 'error', message: 'payment declined' },
    });
  });

  it('converts every AnyValue type', () => {
    const [, databaseSpan] = parseOtlpJson(otlpExportRequest()).traces[0].spans;
    expect(databaseSpan.attributes).toEqual({
      'db.system': 'postgresql',
      'db.statement.duration_ratio': 0.25,
      'db.cached': false,
      'db.hosts': ['pg-1', 'pg-2'],
      'db.connection': '{"pool":"main","size":10}',
      'db.query.hash': 'q83vEjRWeJA=',
      'otel.scope.name': 'io.opentelemetry.tomcat-10.0',
      'otel.scope.version': '2.1.0-alpha',
    });
    expect(databaseSpan.durationUs).toBe(50000);
  });

  it('keeps the scope attributes a span already has', () => {
    const paymentSpan = parseOtlpJson(otlpExportRequest()).traces[0].spans[2];
    expect(paymentSpan.attributes).toEqual({ 'otel.scope.name': 'custom' });
  });

  it('shares one resource object between the spans of a resource', () => {
    const [server, client, payment] = parseOtlpJson(otlpExportRequest())
      .traces[0].spans;
    expect(client.resource).toBe(server.resource);
    expect(payment.resource).not.toBe(server.resource);
  });

  it.each([
    [
      'no resource',
      { resourceSpans: [{ scopeSpans: [{ spans: [validSpan()] }] }] },
    ],
    [
      'an empty service.name',
      {
        resourceSpans: [
          {
            resource: {
              attributes: [{ key: 'service.name', value: { stringValue: '' } }],
            },
            scopeSpans: [{ spans: [validSpan()] }],
          },
        ],
      },
    ],
  ])('names the service unknown_service for %s', (_description, payload) => {
    const [span] = allSpans(parseOtlpJson(payload));
    expect(span.serviceName).toBe('unknown_service');
  });

  it.each([
    [
      { traceId: 'W47/95gDgQPSabYzgT/GDA==', spanId: '7uGbfsPBsXQ=' },
      TRACE_ID,
      'eee19b7ec3c1b174',
    ],
    [
      {
        traceId: '5B8EFFF798038103D269B633813FC60C',
        spanId: 'EEE19B7EC3C1B174',
      },
      TRACE_ID,
      'eee19b7ec3c1b174',
    ],
    [
      { traceId: 'd269b633813fc60c', spanId: 'ff' },
      '0000000000000000d269b633813fc60c',
      '00000000000000ff',
    ],
    [
      { traceId: '0vKPMEDuHQI=', spanId: 'AAAAAAAAAP8=' },
      '0000000000000000d2f28f3040ee1d02',
      '00000000000000ff',
    ],
    [
      { traceId: 'obLD1OX2BxgpOktcbX6PkA', spanId: 'eee19b7ec3c1b174' },
      undefined,
      undefined,
    ],
  ])('normalises ids %j', (ids, traceId, spanId) => {
    const spans = allSpans(parseOtlpJson(requestWithSpan(ids)));
    expect(spans.map(span => [span.traceId, span.spanId])).toEqual(
      traceId === undefined ? [] : [[traceId, spanId]],
    );
  });

  it.each([
    [0, 'unspecified'],
    [1, 'internal'],
    [2, 'server'],
    [3, 'client'],
    [4, 'producer'],
    [5, 'consumer'],
    ['SPAN_KIND_CONSUMER', 'consumer'],
    ['SPAN_KIND_INTERNAL', 'internal'],
    [undefined, 'unspecified'],
  ])('reads kind %j as %s', (kind, expected) => {
    const result = parseOtlpJson(requestWithSpan({ kind }));
    expect(allSpans(result)[0].kind).toBe(expected);
    expect(result.problems).toEqual([]);
  });

  it.each([
    [{ code: 0 }, { code: 'unset' }],
    [{ code: 1 }, { code: 'ok' }],
    [
      { code: 2, message: 'timeout' },
      { code: 'error', message: 'timeout' },
    ],
    [{ code: 'STATUS_CODE_OK' }, { code: 'ok' }],
    [{ code: 'STATUS_CODE_ERROR', message: '' }, { code: 'error' }],
    [{}, { code: 'unset' }],
    [undefined, { code: 'unset' }],
  ])('reads status %j', (status, expected) => {
    const [span] = allSpans(parseOtlpJson(requestWithSpan({ status })));
    expect(span.status).toEqual(expected);
  });

  it.each([
    ['1700000000123456789', '1700000000123999999', 1700000000123456, 543],
    [1700000000123456789, 1700000000124456789, 1700000000123456, 1000],
    ['999', '1999', 0, 1],
    ['0001700000000000000000', '1700000000000000000', undefined, undefined],
  ])(
    'converts start %j and end %j to microseconds',
    (startTimeUnixNano, endTimeUnixNano, startTimeUs, durationUs) => {
      const spans = allSpans(
        parseOtlpJson(requestWithSpan({ startTimeUnixNano, endTimeUnixNano })),
      );
      expect(spans.map(span => [span.startTimeUs, span.durationUs])).toEqual(
        startTimeUs === undefined ? [] : [[startTimeUs, durationUs]],
      );
    },
  );

  it.each([
    [{ intValue: '42' }, 42],
    [{ intValue: '-9007199254740991' }, -9007199254740991],
    [{ intValue: '18446744073709551615' }, '18446744073709551615'],
    [{ doubleValue: 'NaN' }, 'NaN'],
    [{ doubleValue: '2.5' }, 2.5],
    [
      { arrayValue: { values: [{ intValue: '1' }, { boolValue: true }] } },
      [1, true],
    ],
    [{ arrayValue: {} }, []],
    [
      {
        arrayValue: {
          values: [{ arrayValue: { values: [{ stringValue: 'a' }] } }],
        },
      },
      ['["a"]'],
    ],
    [
      {
        kvlistValue: {
          values: [{ key: '__proto__', value: { stringValue: 'x' } }],
        },
      },
      '{"__proto__":"x"}',
    ],
  ])('converts %j', (value, expected) => {
    expect(attributesOf([{ key: 'value', value }])).toEqual({
      value: expected,
      'otel.scope.name': 'manual',
    });
  });

  it('drops empty values without a problem', () => {
    const result = parseOtlpJson(
      requestWithSpan({ attributes: [{ key: 'empty', value: {} }] }),
    );
    expect(result.problems).toEqual([]);
    expect(allSpans(result)[0].attributes).toEqual({
      'otel.scope.name': 'manual',
    });
  });

  it('keeps a __proto__ attribute as an ordinary key', () => {
    const attributes = attributesOf([
      { key: '__proto__', value: { arrayValue: { values: [] } } },
    ]);
    expect(Object.getPrototypeOf(attributes)).toBe(Object.prototype);
    expect(Object.keys(attributes)).toContain('__proto__');
  });

  it('flattens hostile nesting without exhausting the stack', () => {
    let value: unknown = { stringValue: 'leaf' };
    for (let depth = 0; depth < 20000; depth++) {
      value = { arrayValue: { values: [value] } };
    }
    const attributes = attributesOf([{ key: 'deep', value }]);
    expect(attributes.deep).toEqual([expect.stringContaining('…')]);
  });

  it.each([
    [{ traceId: undefined }, 'traceId', 'expected a trace id'],
    [{ traceId: '00000000000000000000000000000000' }, 'traceId', 'all zeros'],
    [{ traceId: 'not-a-trace-id' }, 'traceId', '"not-a-trace-id"'],
    [{ spanId: 'eee19b7ec3c1b174aa' }, 'spanId', 'expected a span id'],
    [{ spanId: 42 }, 'spanId', 'number 42'],
    [{ startTimeUnixNano: undefined }, 'startTimeUnixNano', 'span dropped'],
    [{ startTimeUnixNano: '-1' }, 'startTimeUnixNano', 'span dropped'],
  ])('drops a span with %j', (overrides, field, message) => {
    const result = parseOtlpJson(requestWithSpan(overrides));
    expect(result.traces).toEqual([]);
    expect(result.problems).toEqual([
      {
        path: `${SPAN_PATH}.${field}`,
        message: expect.stringContaining(message),
      },
    ]);
  });

  it.each([
    [{ endTimeUnixNano: '1' }, 'endTimeUnixNano', 'ends before it starts'],
    [{ endTimeUnixNano: 'soon' }, 'endTimeUnixNano', 'duration set to 0'],
    [{ parentSpanId: 'zz' }, 'parentSpanId', 'kept as a root'],
    [{ parentSpanId: 'eee19b7ec3c1b174' }, 'parentSpanId', 'its own parent'],
    [{ kind: 9 }, 'kind', 'unknown span kind'],
    [{ status: { code: 'FAILED' } }, 'status.code', 'unknown status code'],
    [{ name: ['x'] }, 'name', 'expected a string'],
    [{ attributes: { a: 1 } }, 'attributes', 'key/value pairs'],
    [
      { attributes: [{ key: 'a', value: { stringValue: 1 } }] },
      'attributes[0].value',
      'unsupported value for attribute "a"',
    ],
    [
      { attributes: [{ value: { stringValue: 'a' } }] },
      'attributes[0]',
      'expected { key, value }',
    ],
    [
      { events: [{ name: 'retry' }] },
      'events[0].timeUnixNano',
      'event dropped',
    ],
    [
      { links: [{ traceId: TRACE_ID, spanId: '' }] },
      'links[0].spanId',
      'reference dropped',
    ],
  ])('keeps a span with %j and reports it', (overrides, field, message) => {
    const result = parseOtlpJson(requestWithSpan(overrides));
    expect(allSpans(result)).toHaveLength(1);
    expect(result.problems).toEqual([
      {
        path: `${SPAN_PATH}.${field}`,
        message: expect.stringContaining(message),
      },
    ]);
    expect(modelViolations(result)).toEqual([]);
  });

  it.each([
    [null, '', 'expected an OTLP trace object'],
    ['{"resourceSpans":[]}', '', 'expected an OTLP trace object'],
    [{ spans: [] }, '', 'no resourceSpans or batches found'],
    [{ resourceSpans: {} }, 'resourceSpans', 'expected an array'],
    [
      { resourceSpans: [7] },
      'resourceSpans[0]',
      'expected a ResourceSpans object',
    ],
    [
      { resourceSpans: [{ scopeSpans: 'x' }] },
      'resourceSpans[0].scopeSpans',
      'expected an array',
    ],
    [
      { resourceSpans: [{ scopeSpans: [{ spans: {} }] }] },
      'resourceSpans[0].scopeSpans[0].spans',
      'expected an array',
    ],
    [
      { result: { resourceSpans: [[]] } },
      'result.resourceSpans[0]',
      'expected a ResourceSpans object',
    ],
    [
      { error: { grpcCode: 5, httpCode: 404, message: 'trace not found' } },
      'error',
      'trace not found',
    ],
  ])('reports a malformed payload %j', (payload, path, message) => {
    expect(parseOtlpJson(payload)).toEqual({
      traces: [],
      problems: [{ path, message: expect.stringContaining(message) }],
    });
  });

  it('keeps the rest of the batch when one span is bad', () => {
    const result = parseOtlpJson(
      requestWithSpans(validSpan(), null, {
        ...validSpan(),
        spanId: 'eee19b7ec3c1b175',
      }),
    );
    expect(allSpans(result).map(span => span.spanId)).toEqual([
      'eee19b7ec3c1b174',
      'eee19b7ec3c1b175',
    ]);
    expect(result.problems).toEqual([
      {
        path: 'resourceSpans[0].scopeSpans[0].spans[1]',
        message: 'expected a span, got null',
      },
    ]);
  });

  it('reports a span whose getter throws and keeps the others', () => {
    const hostile = Object.defineProperty({}, 'traceId', {
      get() {
        throw new Error('boom');
      },
      enumerable: true,
    });
    const result = parseOtlpJson(requestWithSpans(hostile, validSpan()));
    expect(allSpans(result)).toHaveLength(1);
    expect(result.problems).toEqual([
      {
        path: 'resourceSpans[0].scopeSpans[0].spans[0]',
        message: 'span dropped: boom',
      },
    ]);
  });

  it('caps the number of recorded problems', () => {
    const spans = Array.from({ length: 500 }, () => ({ spanId: 'x' }));
    const { problems } = parseOtlpJson(requestWithSpans(...spans));
    expect(problems).toHaveLength(101);
    expect(problems[100]).toEqual({
      path: '',
      message: '… and 400 more problems',
    });
  });

  it('never throws on arbitrary values', () => {
    fc.assert(
      fc.property(fc.anything(), payload => {
        expect(modelViolations(parseOtlpJson(payload))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['an OTLP/JSON export request', otlpExportRequest()],
    ["Tempo's batches", tempoBatches()],
    ['a protobufjs-decoded request', otlpProtobufObject()],
  ])(
    'never throws and keeps the model valid for mutations of %s',
    (_, base) => {
      fc.assert(
        fc.property(payloadMutations, mutations => {
          const result = parseOtlpJson(mutatePayload(base, mutations));
          expect(modelViolations(result)).toEqual([]);
        }),
        { numRuns: 1500 },
      );
    },
  );
});
