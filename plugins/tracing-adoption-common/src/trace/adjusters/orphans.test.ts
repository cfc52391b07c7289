import { Span } from '../model';
import { findRootSpans, orphans } from './orphans';
import { id, makeSpan, makeTrace } from './__testUtils__/traces';

describe('orphans', () => {
  it.each<[string, Span[], Array<string[] | undefined>]>([
    [
      'leaves a complete trace alone',
      [makeSpan({ spanId: '1' }), makeSpan({ spanId: '2', parentSpanId: '1' })],
      [undefined, undefined],
    ],
    [
      'warns on a span whose parent is missing',
      [
        makeSpan({ spanId: '1' }),
        makeSpan({ spanId: '2', parentSpanId: 'dead' }),
      ],
      [undefined, [`parent span ${id('dead')} not in trace`]],
    ],
    [
      'keeps earlier warnings',
      [
        makeSpan({
          spanId: '2',
          parentSpanId: 'dead',
          warnings: ['clock skew adjusted'],
        }),
      ],
      [['clock skew adjusted', `parent span ${id('dead')} not in trace`]],
    ],
  ])('%s', (_description, spans, expectedWarnings) => {
    const trace = makeTrace(...spans);
    orphans(trace);
    expect(trace.spans.map(span => span.warnings)).toEqual(expectedWarnings);
  });

  it('keeps the orphan and its parent id', () => {
    const orphan = makeSpan({ spanId: '2', parentSpanId: 'dead' });
    const trace = orphans(makeTrace(orphan));
    expect(trace.spans).toEqual([orphan]);
    expect(orphan.parentSpanId).toBe(id('dead'));
  });

  it('warns only once when run twice', () => {
    const trace = makeTrace(makeSpan({ spanId: '2', parentSpanId: 'dead' }));
    orphans(orphans(trace));
    expect(trace.spans[0].warnings).toHaveLength(1);
  });
});

describe('findRootSpans', () => {
  it.each<[string, Span[], string[]]>([
    ['an empty trace', [], []],
    [
      'the span without parent',
      [
        makeSpan({ spanId: '2', parentSpanId: '1', startTimeUs: 10 }),
        makeSpan({ spanId: '1', startTimeUs: 20 }),
      ],
      ['1'],
    ],
    [
      'orphans as well, earliest first',
      [
        makeSpan({ spanId: '1', startTimeUs: 50 }),
        makeSpan({ spanId: '3', parentSpanId: 'dead', startTimeUs: 10 }),
        makeSpan({ spanId: '4', parentSpanId: '1', startTimeUs: 60 }),
      ],
      ['3', '1'],
    ],
    [
      'roots with the same start by span id',
      [
        makeSpan({ spanId: 'b', startTimeUs: 5 }),
        makeSpan({ spanId: 'a', startTimeUs: 5 }),
      ],
      ['a', 'b'],
    ],
    [
      'nothing in a pure cycle',
      [
        makeSpan({ spanId: '1', parentSpanId: '2' }),
        makeSpan({ spanId: '2', parentSpanId: '1' }),
      ],
      [],
    ],
  ])('finds %s', (_description, spans, expectedRoots) => {
    const trace = makeTrace(...spans);
    const order = trace.spans.map(span => span.spanId);
    expect(findRootSpans(trace).map(span => span.spanId)).toEqual(
      expectedRoots.map(id),
    );
    expect(trace.spans.map(span => span.spanId)).toEqual(order);
  });
});
