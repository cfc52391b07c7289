import fc from 'fast-check';
import { parseJaegerJson } from './jaegerJson';
import { jaegerTracesResponse } from './__testUtils__/fixtures';
import { allSpans, modelViolations } from './__testUtils__/modelInvariants';
import {
  mutatePayload,
  payloadMutations,
} from './__testUtils__/payloadMutations';

const TRACE_ID = '00000000000000001f3b8d2c5a6e7f90';

function validSpan(overrides: Record<string, unknown> = {}) {
  return {
    traceID: '1f3b8d2c5a6e7f90',
    spanID: '6a2e4c1b9d8f7e05',
    operationName: 'GET /customer',
    references: [],
    startTime: 1700000000000000,
    duration: 1500,
    tags: [],
    logs: [],
    processID: 'p1',
    warnings: null,
    ...overrides,
  };
}

function traceWithSpans(...spans: unknown[]) {
  return {
    traceID: '1f3b8d2c5a6e7f90',
    spans,
    processes: { p1: { serviceName: 'customer', tags: [] } },
    warnings: null,
  };
}

function parseSpan(overrides: Record<string, unknown>) {
  const result = parseJaegerJson(traceWithSpans(validSpan(overrides)));
  expect(modelViolations(result)).toEqual([]);
  return { span: allSpans(result)[0], problems: result.problems };
}

describe('parseJaegerJson', () => {
  it.each([
    ['a query API response', jaegerTracesResponse(), 2],
    ['a bare trace', jaegerTracesResponse().data[0], 2],
    ['an array of traces', jaegerTracesResponse().data, 2],
    [
      'an empty search result',
      { data: [], total: 0, limit: 20, offset: 0, errors: null },
      0,
    ],
  ])('reads %s', (_description, payload, spanCount) => {
    const result = parseJaegerJson(payload);
    expect(result.problems).toEqual([]);
    expect(allSpans(result)).toHaveLength(spanCount);
    expect(modelViolations(result)).toEqual([]);
  });

  it('maps every field of a span', () => {
    const [, query] = parseJaegerJson(jaegerTracesResponse()).traces[0].spans;
    expect(query).toEqual({
      traceId: TRACE_ID,
      spanId: '6a2e4c1b9d8f7e05',
      parentSpanId: '1f3b8d2c5a6e7f90',
      references: [
        {
          type: 'follows_from',
          traceId: TRACE_ID,
          spanId: '0d9c8b7a6f5e4d3c',
        },
      ],
      name: 'SQL SELECT',
      kind: 'client',
      serviceName: 'mysql',
      startTimeUs: 1700000000001000,
      durationUs: 350000,
      attributes: {
        'span.kind': 'client',
        'sql.query': 'SELECT * FROM customer WHERE customer_id=123',
        error: true,
        'otel.status_description': 'deadlock detected',
        'request.size': 12.5,
        payload: 'AQID',
      },
      resource: {
        hostname: 'mysql-0',
        ip: '172.18.0.9',
        'service.name': 'mysql',
      },
      events: [
        {
          timeUs: 1700000000350000,
          name: 'log',
          attributes: { message: 'slow query' },
        },
      ],
      status: { code: 'error', message: 'deadlock detected' },
      warnings: ['clock skew adjustment disabled'],
    });
  });

  it('names a log after its event field', () => {
    const [dispatch] = parseJaegerJson(jaegerTracesResponse()).traces[0].spans;
    expect(dispatch.events).toEqual([
      {
        timeUs: 1700000000000100,
        name: 'HTTP request received',
        attributes: { level: 'info' },
      },
    ]);
    expect(dispatch.parentSpanId).toBeUndefined();
    expect(dispatch.warnings).toBeUndefined();
  });

  it('shares one resource object per process', () => {
    const payload = traceWithSpans(
      validSpan({ spanID: '01' }),
      validSpan({ spanID: '02' }),
    );
    const [first, second] = allSpans(parseJaegerJson(payload));
    expect(second.resource).toBe(first.resource);
    expect(first.resource).toEqual({ 'service.name': 'customer' });
  });

  it('uses a process embedded in the span', () => {
    const process = {
      serviceName: 'route',
      tags: [{ key: 'hostname', type: 'string', value: 'route-1' }],
    };
    const payload = {
      traceID: '1f3b8d2c5a6e7f90',
      spans: [
        validSpan({ spanID: '01', processID: undefined, process }),
        validSpan({ spanID: '02', processID: undefined, process }),
      ],
    };
    const result = parseJaegerJson(payload);
    const [first, second] = allSpans(result);
    expect(result.problems).toEqual([]);
    expect(first.serviceName).toBe('route');
    expect(second.resource).toBe(first.resource);
    expect(first.resource).toEqual({
      hostname: 'route-1',
      'service.name': 'route',
    });
  });

  it.each([
    ['server', 'server'],
    ['client', 'client'],
    ['producer', 'producer'],
    ['consumer', 'consumer'],
    ['internal', 'internal'],
    ['rpc', 'unspecified'],
    [undefined, 'unspecified'],
  ])('reads span.kind %j as %s and keeps the tag', (kind, expected) => {
    const tags =
      kind === undefined
        ? []
        : [{ key: 'span.kind', type: 'string', value: kind }];
    const { span } = parseSpan({ tags });
    expect(span.kind).toBe(expected);
    expect(span.attributes['span.kind']).toBe(kind);
  });

  it.each([
    [[{ key: 'error', type: 'bool', value: true }], { code: 'error' }],
    [[{ key: 'error', type: 'string', value: 'true' }], { code: 'error' }],
    [[{ key: 'error', type: 'bool', value: false }], { code: 'unset' }],
    [
      [
        { key: 'otel.status_code', type: 'string', value: 'ERROR' },
        { key: 'otel.status_description', type: 'string', value: 'timeout' },
      ],
      { code: 'error', message: 'timeout' },
    ],
    [
      [{ key: 'otel.status_code', type: 'string', value: 'OK' }],
      { code: 'ok' },
    ],
    [[], { code: 'unset' }],
  ])('derives the status from tags %j', (tags, expected) => {
    expect(parseSpan({ tags }).span.status).toEqual(expected);
  });

  it.each([
    [
      'the first CHILD_OF in the same trace is the parent',
      [
        { refType: 'FOLLOWS_FROM', traceID: '1f3b8d2c5a6e7f90', spanID: 'aa' },
        { refType: 'CHILD_OF', traceID: '1f3b8d2c5a6e7f90', spanID: 'bb' },
        { refType: 'CHILD_OF', traceID: '1f3b8d2c5a6e7f90', spanID: 'cc' },
      ],
      '00000000000000bb',
      [
        ['follows_from', '00000000000000aa'],
        ['child_of', '00000000000000cc'],
      ],
    ],
    [
      'a CHILD_OF into another trace is only a reference',
      [{ refType: 'CHILD_OF', traceID: 'ffff', spanID: 'bb' }],
      undefined,
      [['child_of', '00000000000000bb']],
    ],
    [
      'FOLLOWS_FROM alone leaves the span a root',
      [{ refType: 'FOLLOWS_FROM', traceID: '1f3b8d2c5a6e7f90', spanID: 'aa' }],
      undefined,
      [['follows_from', '00000000000000aa']],
    ],
  ])('%s', (_description, references, parentSpanId, expectedReferences) => {
    const { span, problems } = parseSpan({ references });
    expect(problems).toEqual([]);
    expect(span.parentSpanId).toBe(parentSpanId);
    expect(span.references.map(r => [r.type, r.spanId])).toEqual(
      expectedReferences,
    );
  });

  it('left-pads short ids', () => {
    const { span } = parseSpan({ traceID: 'abc', spanID: '7' });
    expect(span.traceId).toBe('00000000000000000000000000000abc');
    expect(span.spanId).toBe('0000000000000007');
  });

  it('reads the query service errors as problems', () => {
    const result = parseJaegerJson({
      data: null,
      total: 0,
      limit: 0,
      offset: 0,
      errors: [{ code: 404, msg: 'trace not found', traceID: 'abc' }],
    });
    expect(result).toEqual({
      traces: [],
      problems: [{ path: 'errors[0]', message: 'trace not found (trace abc)' }],
    });
  });

  it('reports the exact path of a bad span and keeps the batch', () => {
    const traces = Array.from({ length: 4 }, () =>
      traceWithSpans(
        ...Array.from({ length: 13 }, (_, i) =>
          validSpan({ spanID: (i + 1).toString(16) }),
        ),
      ),
    );
    traces[3].spans[12] = validSpan({ spanID: 'not hex' });
    const result = parseJaegerJson({ data: traces });
    expect(allSpans(result)).toHaveLength(51);
    expect(result.problems).toEqual([
      {
        path: 'data[3].spans[12].spanID',
        message: expect.stringContaining('"not hex"'),
      },
    ]);
  });

  it.each([
    [{ traceID: undefined }, 'spans[0].traceID', 'span dropped'],
    [{ spanID: '' }, 'spans[0].spanID', 'span dropped'],
    [{ spanID: '0' }, 'spans[0].spanID', 'all zeros'],
    [{ startTime: '1700000000000000' }, 'spans[0].startTime', 'span dropped'],
    [{ startTime: -5 }, 'spans[0].startTime', 'span dropped'],
  ])('drops a span with %j', (overrides, path, message) => {
    const result = parseJaegerJson(traceWithSpans(validSpan(overrides)));
    expect(result.traces).toEqual([]);
    expect(result.problems).toEqual([
      { path, message: expect.stringContaining(message) },
    ]);
  });

  it.each([
    [{ duration: null }, 'spans[0].duration', 'duration set to 0'],
    [{ operationName: 3 }, 'spans[0].operationName', 'expected a string'],
    [{ processID: 'p9' }, 'spans[0].processID', 'process "p9" not found'],
    [
      { tags: [{ key: 'a', type: 'string', value: { nested: true } }] },
      'spans[0].tags[0].value',
      'tag dropped',
    ],
    [{ tags: [null] }, 'spans[0].tags[0]', 'expected { key, type, value }'],
    [{ tags: 'error=true' }, 'spans[0].tags', 'expected an array'],
    [{ logs: [{ fields: [] }] }, 'spans[0].logs[0].timestamp', 'log dropped'],
    [
      { references: [{ refType: 'PARENT', traceID: '1', spanID: '2' }] },
      'spans[0].references[0].refType',
      'expected CHILD_OF or FOLLOWS_FROM',
    ],
    [
      {
        references: [
          {
            refType: 'CHILD_OF',
            traceID: '1f3b8d2c5a6e7f90',
            spanID: '6a2e4c1b9d8f7e05',
          },
        ],
      },
      'spans[0].references[0]',
      'references itself',
    ],
    [
      {
        references: [
          { refType: 'CHILD_OF', traceID: '1f3b8d2c5a6e7f90', spanID: 'xyz' },
        ],
      },
      'spans[0].references[0].spanID',
      'reference dropped',
    ],
  ])('keeps a span with %j and reports it', (overrides, path, message) => {
    const { span, problems } = parseSpan(overrides);
    expect(span).toBeDefined();
    expect(problems).toEqual([
      { path, message: expect.stringContaining(message) },
    ]);
  });

  it('names the service unknown_service when the process has none', () => {
    const payload = {
      ...traceWithSpans(validSpan()),
      processes: { p1: { tags: [] } },
    };
    const result = parseJaegerJson(payload);
    expect(allSpans(result)[0].serviceName).toBe('unknown_service');
    expect(result.problems).toEqual([
      {
        path: 'processes.p1.serviceName',
        message: expect.stringContaining('using unknown_service'),
      },
    ]);
  });

  it.each([
    [42, '', 'expected a Jaeger API response'],
    [{ hello: 'world' }, '', 'no data, errors or spans found'],
    [{ data: {} }, 'data', 'expected an array of traces'],
    [{ data: [7] }, 'data[0]', 'expected a trace'],
    [
      { data: [{ spans: null }] },
      'data[0].spans',
      'expected an array of spans',
    ],
  ])('reports a malformed payload %j', (payload, path, message) => {
    expect(parseJaegerJson(payload)).toEqual({
      traces: [],
      problems: [{ path, message: expect.stringContaining(message) }],
    });
  });

  it('caps the number of recorded problems', () => {
    const spans = Array.from({ length: 250 }, () =>
      validSpan({ spanID: null }),
    );
    const { problems } = parseJaegerJson(traceWithSpans(...spans));
    expect(problems).toHaveLength(101);
    expect(problems[100].message).toBe('… and 150 more problems');
  });

  it('never throws on arbitrary values', () => {
    fc.assert(
      fc.property(fc.anything(), payload => {
        expect(modelViolations(parseJaegerJson(payload))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws and keeps the model valid for mutated responses', () => {
    const base = jaegerTracesResponse();
    fc.assert(
      fc.property(payloadMutations, mutations => {
        const result = parseJaegerJson(mutatePayload(base, mutations));
        expect(modelViolations(result)).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });
});
