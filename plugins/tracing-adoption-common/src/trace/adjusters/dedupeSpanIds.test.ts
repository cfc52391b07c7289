import { Span } from '../model';
import { parseZipkinJson } from '../formats/zipkinJson';
import { zipkinTrace } from '../formats/__testUtils__/fixtures';
import { dedupeSpanIds } from './dedupeSpanIds';
import { id, makeSpan, makeTrace } from './__testUtils__/traces';

/** A B3 call from frontend to backend: both halves report span id `5`. */
function sharedCall(): Span[] {
  return [
    makeSpan({ spanId: '1', kind: 'server', serviceName: 'frontend' }),
    makeSpan({
      spanId: '5',
      parentSpanId: '1',
      kind: 'client',
      serviceName: 'frontend',
    }),
    makeSpan({
      spanId: '5',
      parentSpanId: '1',
      kind: 'server',
      serviceName: 'backend',
    }),
    makeSpan({ spanId: '7', parentSpanId: '5', serviceName: 'backend' }),
    makeSpan({ spanId: '8', parentSpanId: '5', serviceName: 'frontend' }),
  ];
}

function describeSpans(spans: Span[]) {
  return spans.map(span => ({
    id: span.spanId,
    parent: span.parentSpanId,
    service: span.serviceName,
    warnings: span.warnings,
  }));
}

describe('dedupeSpanIds', () => {
  it.each<[string, () => Span[], number]>([
    [
      'the same span object twice',
      () => {
        const span = makeSpan({ spanId: '1' });
        return [span, span];
      },
      1,
    ],
    [
      'two reports with equal content',
      () => [
        makeSpan({ spanId: '1', attributes: { tags: ['a', 'b'] } }),
        makeSpan({ spanId: '2', parentSpanId: '1' }),
        makeSpan({ spanId: '1', attributes: { tags: ['a', 'b'] } }),
      ],
      2,
    ],
    ['a server half sent twice', () => [...sharedCall(), sharedCall()[2]], 5],
  ])('keeps one of %s', (_description, spans, expectedCount) => {
    const trace = dedupeSpanIds(makeTrace(...spans()));
    expect(trace.spans).toHaveLength(expectedCount);
    expect(new Set(trace.spans.map(span => span.spanId)).size).toBe(
      expectedCount,
    );
  });

  it.each<[string, Partial<Span>]>([
    ['end time', { durationUs: 101 }],
    ['attributes', { attributes: { retry: 1 } }],
    ['array attributes', { attributes: { tags: ['a'] } }],
    ['events', { events: [{ timeUs: 1, name: 'retry', attributes: {} }] }],
    ['status', { status: { code: 'error' } }],
    ['resource', { resource: { 'host.name': 'other' } }],
  ])(
    'keeps both spans and warns when only the id is the same, not the %s',
    (_description, difference) => {
      const trace = dedupeSpanIds(
        makeTrace(
          makeSpan({ spanId: '1', attributes: { tags: ['b'] } }),
          makeSpan({ spanId: '1', attributes: { tags: ['b'] }, ...difference }),
        ),
      );
      expect(trace.spans.map(span => span.warnings)).toEqual([
        [`span id ${id('1')} is shared by 2 different spans`],
        [`span id ${id('1')} is shared by 2 different spans`],
      ]);
    },
  );

  it('leaves a trace without collisions untouched', () => {
    const trace = makeTrace(
      makeSpan({ spanId: '1' }),
      makeSpan({ spanId: '2' }),
    );
    const spans = trace.spans;
    expect(dedupeSpanIds(trace)).toBe(trace);
    expect(trace.spans).toBe(spans);
  });

  it('splits the server half off a shared span', () => {
    const trace = dedupeSpanIds(makeTrace(...sharedCall()));
    const newServerId = trace.spans[2].spanId;
    expect(newServerId).toMatch(/^[0-9a-f]{16}$/);
    expect(describeSpans(trace.spans)).toEqual([
      {
        id: id('1'),
        parent: undefined,
        service: 'frontend',
        warnings: undefined,
      },
      {
        id: id('5'),
        parent: id('1'),
        service: 'frontend',
        warnings: undefined,
      },
      {
        id: newServerId,
        parent: id('5'),
        service: 'backend',
        warnings: undefined,
      },
      {
        id: id('7'),
        parent: newServerId,
        service: 'backend',
        warnings: undefined,
      },
      {
        id: id('8'),
        parent: id('5'),
        service: 'frontend',
        warnings: undefined,
      },
    ]);
  });

  it('splits two server halves of one service without nesting them', () => {
    const retried = makeSpan({
      spanId: '5',
      parentSpanId: '1',
      kind: 'server',
      serviceName: 'backend',
      startTimeUs: 2_000,
    });
    const trace = dedupeSpanIds(makeTrace(...sharedCall(), retried));
    const servers = trace.spans.filter(
      span => span.kind === 'server' && span.serviceName === 'backend',
    );
    expect(servers.map(span => span.parentSpanId)).toEqual([id('5'), id('5')]);
    expect(servers[0].spanId).not.toBe(servers[1].spanId);
  });

  it('derives the new server id only from the shared id and service', () => {
    const alone = dedupeSpanIds(makeTrace(...sharedCall()));
    const withMoreSpans = dedupeSpanIds(
      makeTrace(makeSpan({ spanId: 'ff' }), ...sharedCall().reverse()),
    );
    const serverId = (spans: Span[]) =>
      spans.find(
        span => span.kind === 'server' && span.serviceName === 'backend',
      )?.spanId;
    expect(serverId(withMoreSpans.spans)).toBe(serverId(alone.spans));
  });

  it('avoids ids already in the trace', () => {
    const first = dedupeSpanIds(makeTrace(...sharedCall()));
    const takenId = first.spans[2].spanId;
    const trace = dedupeSpanIds(
      makeTrace(
        ...sharedCall(),
        makeSpan({ spanId: takenId, serviceName: 'audit' }),
      ),
    );
    const ids = trace.spans.map(span => span.spanId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('recognises the Zipkin shared flag when the kind is missing', () => {
    const trace = dedupeSpanIds(
      makeTrace(
        makeSpan({ spanId: '5', kind: 'client', serviceName: 'frontend' }),
        makeSpan({
          spanId: '5',
          kind: 'unspecified',
          serviceName: 'backend',
          attributes: { 'zipkin.shared': true },
        }),
      ),
    );
    expect(trace.spans[1].parentSpanId).toBe(id('5'));
    expect(trace.spans[1].spanId).not.toBe(id('5'));
  });

  it('moves the callee work of a parsed Zipkin trace under the server half', () => {
    const [trace] = parseZipkinJson(zipkinTrace()).traces;
    dedupeSpanIds(trace);
    const [root, client, server, query] = trace.spans;
    expect(client.parentSpanId).toBe(root.spanId);
    expect(server.parentSpanId).toBe(client.spanId);
    expect(query.parentSpanId).toBe(server.spanId);
    expect(server.spanId).not.toBe(client.spanId);
  });
});
