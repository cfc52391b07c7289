import { Span, SpanKind } from '../model';
import { clockSkew } from './clockSkew';
import { makeSpan, makeTrace } from './__testUtils__/traces';

interface Timing {
  kind: SpanKind;
  serviceName: string;
  startTimeUs: number;
  durationUs: number;
  resource?: Span['resource'];
}

const clientParent: Timing = {
  kind: 'client',
  serviceName: 'frontend',
  startTimeUs: 1000,
  durationUs: 100,
};

function server(startTimeUs: number, durationUs: number): Timing {
  return { kind: 'server', serviceName: 'backend', startTimeUs, durationUs };
}

function adjustPair(parent: Timing, child: Timing) {
  const parentSpan = makeSpan({ spanId: '1', ...parent });
  const childSpan = makeSpan({ spanId: '2', parentSpanId: '1', ...child });
  clockSkew(makeTrace(parentSpan, childSpan));
  return { parentSpan, childSpan };
}

describe('clockSkew', () => {
  it.each<[string, Timing, Timing, number]>([
    ['a server span inside its client', clientParent, server(1010, 80), 1010],
    [
      'a server span starting before its client, centred',
      clientParent,
      server(900, 80),
      1010,
    ],
    [
      'a server span ending after its client, centred',
      clientParent,
      server(1050, 80),
      1010,
    ],
    [
      'a server span longer than its client, aligned to its start',
      clientParent,
      server(500, 150),
      1000,
    ],
    [
      'a server span longer than its client but starting inside, unchanged',
      clientParent,
      server(1020, 150),
      1020,
    ],
    [
      'a span of the same service, never shifted',
      clientParent,
      { ...server(500, 80), serviceName: 'frontend' },
      500,
    ],
    [
      'a span of another service on the same host, unchanged',
      { ...clientParent, resource: { 'host.name': 'node-1' } },
      { ...server(500, 80), resource: { 'host.name': 'node-1' } },
      500,
    ],
    [
      'a span of another service on another host, centred',
      { ...clientParent, resource: { 'host.ip': ['10.0.0.1'] } },
      { ...server(500, 80), resource: { 'host.ip': ['10.0.0.2'] } },
      1010,
    ],
    [
      'a consumer outliving its producer, unchanged',
      { ...clientParent, kind: 'producer' },
      { ...server(1050, 80), kind: 'consumer' },
      1050,
    ],
    [
      'a consumer starting before its producer, aligned to its start',
      { ...clientParent, kind: 'producer' },
      { ...server(700, 80), kind: 'consumer' },
      1000,
    ],
  ])('moves %s', (_description, parent, child, expectedStartUs) => {
    const { parentSpan, childSpan } = adjustPair(parent, child);
    expect(childSpan.startTimeUs).toBe(expectedStartUs);
    expect(childSpan.durationUs).toBe(child.durationUs);
    expect(parentSpan.startTimeUs).toBe(parent.startTimeUs);
    const shiftUs = expectedStartUs - child.startTimeUs;
    expect(childSpan.warnings).toEqual(
      shiftUs === 0
        ? undefined
        : [
            `clock skew: timestamps shifted by ${
              shiftUs > 0 ? '+' : ''
            }${shiftUs} µs`,
          ],
    );
  });

  it('carries the shift to descendants on the same clock and their events', () => {
    const spans = [
      makeSpan({ spanId: '1', ...clientParent }),
      makeSpan({ spanId: '2', parentSpanId: '1', ...server(2000, 80) }),
      makeSpan({
        spanId: '3',
        parentSpanId: '2',
        serviceName: 'backend',
        startTimeUs: 2010,
        durationUs: 30,
        events: [{ timeUs: 2020, name: 'cache miss', attributes: {} }],
      }),
      makeSpan({
        spanId: '4',
        parentSpanId: '3',
        kind: 'server',
        serviceName: 'database',
        startTimeUs: 1025,
        durationUs: 10,
      }),
    ];
    clockSkew(makeTrace(...spans));
    expect(spans.map(span => span.startTimeUs)).toEqual([
      1000, 1010, 1020, 1025,
    ]);
    expect(spans[2].events[0].timeUs).toBe(1030);
    expect(spans.map(span => span.warnings?.length ?? 0)).toEqual([0, 1, 1, 0]);
  });

  it('compares a child with its corrected parent', () => {
    const spans = [
      makeSpan({ spanId: '1', ...clientParent }),
      makeSpan({ spanId: '2', parentSpanId: '1', ...server(5000, 80) }),
      makeSpan({
        spanId: '3',
        parentSpanId: '2',
        kind: 'server',
        serviceName: 'database',
        startTimeUs: 5010,
        durationUs: 20,
      }),
    ];
    clockSkew(makeTrace(...spans));
    expect(spans.map(span => span.startTimeUs)).toEqual([1000, 1010, 1040]);
  });

  it('never moves a span before the epoch', () => {
    const spans = [
      makeSpan({ spanId: '1', ...clientParent }),
      makeSpan({ spanId: '2', parentSpanId: '1', ...server(5000, 80) }),
      makeSpan({
        spanId: '3',
        parentSpanId: '2',
        serviceName: 'backend',
        startTimeUs: 100,
        durationUs: 10,
      }),
    ];
    clockSkew(makeTrace(...spans));
    expect(spans.map(span => span.startTimeUs)).toEqual([1000, 1010, 0]);
    expect(spans[2].warnings).toEqual([
      'clock skew: timestamps shifted by -100 µs',
    ]);
  });

  it('leaves orphans, roots and cycles alone', () => {
    const spans = [
      makeSpan({ spanId: '1', parentSpanId: 'dead', ...server(10, 5) }),
      makeSpan({ spanId: 'a', parentSpanId: 'b', ...server(10, 5) }),
      makeSpan({ spanId: 'b', parentSpanId: 'a', ...clientParent }),
    ];
    clockSkew(makeTrace(...spans));
    expect(spans.map(span => span.startTimeUs)).toEqual([10, 10, 1000]);
  });

  it('handles traces deeper than the call stack', () => {
    const depth = 100_000;
    const spans = Array.from({ length: depth }, (_, i) =>
      makeSpan({
        spanId: (i + 1).toString(16),
        parentSpanId: i === 0 ? undefined : i.toString(16),
        serviceName: i % 2 === 0 ? 'frontend' : 'backend',
        kind: i % 2 === 0 ? 'client' : 'server',
        startTimeUs: 1000 + i,
        durationUs: depth * 2 - i * 2,
      }),
    );
    spans[depth - 1].startTimeUs = 0;
    clockSkew(makeTrace(...spans));
    expect(spans[depth - 1].startTimeUs).toBeGreaterThanOrEqual(
      spans[depth - 2].startTimeUs,
    );
    expect(spans[depth - 1].warnings).toHaveLength(1);
  });

  it('leaves the children of an ambiguous parent id alone', () => {
    const spans = [
      makeSpan({ spanId: '1', ...clientParent }),
      makeSpan({ spanId: '1', ...clientParent, startTimeUs: 9000 }),
      makeSpan({ spanId: '2', parentSpanId: '1', ...server(500, 80) }),
    ];
    clockSkew(makeTrace(...spans));
    expect(spans.map(span => span.startTimeUs)).toEqual([1000, 9000, 500]);
    expect(spans.every(span => span.warnings === undefined)).toBe(true);
  });
});
