import type { Span, Trace } from '../model';
import {
  buildTrace,
  client,
  consumer,
  internal,
  producer,
  server,
  spanId,
} from './__testUtils__/traceBuilder';
import { childrenOf, indexTrace } from './traceIndex';

function idsOf(trace: Trace, positions: ArrayLike<number>): string[] {
  return Array.from(positions, i => trace.spans[i].spanId);
}

function withParents(trace: Trace, parents: Record<string, string>): Trace {
  return {
    ...trace,
    spans: trace.spans.map(
      (span): Span => ({
        ...span,
        parentSpanId: parents[span.spanId] ?? span.parentSpanId,
      }),
    ),
  };
}

describe('indexTrace', () => {
  it('lists children and roots in start order and parents before children', () => {
    const trace = buildTrace('t', [
      server('root', 'a', [0, 100], {
        children: [
          internal('late', 'a', [50, 10]),
          internal('early', 'a', [10, 10], {
            children: [internal('leaf', 'a', [12, 2])],
          }),
        ],
      }),
      server('second-root', 'b', [-10, 5]),
    ]);
    const index = indexTrace(trace);
    const root = trace.spans.findIndex(s => s.spanId === spanId('root'));
    expect(idsOf(trace, childrenOf(index, root))).toEqual([
      spanId('early'),
      spanId('late'),
    ]);
    expect(idsOf(trace, index.roots)).toEqual([
      spanId('second-root'),
      spanId('root'),
    ]);
    expect(idsOf(trace, index.preorder)).toEqual(
      ['second-root', 'root', 'early', 'leaf', 'late'].map(spanId),
    );
  });

  it('treats a follows_from reference in the same trace as the parent, but not a link', () => {
    const base = buildTrace('t', [
      producer('publish', 'orders', [0, 10]),
      consumer('consume', 'shipping', [20, 10]),
      consumer('linked', 'billing', [25, 10]),
    ]);
    const trace: Trace = {
      ...base,
      spans: base.spans.map(span => {
        if (span.spanId === spanId('consume')) {
          return {
            ...span,
            references: [
              {
                type: 'follows_from',
                traceId: base.traceId,
                spanId: spanId('publish'),
              },
            ],
          };
        }
        if (span.spanId === spanId('linked')) {
          return {
            ...span,
            references: [
              {
                type: 'link',
                traceId: base.traceId,
                spanId: spanId('publish'),
              },
            ],
          };
        }
        return span;
      }),
    };
    const index = indexTrace(trace);
    expect(idsOf(trace, index.roots)).toEqual([
      spanId('publish'),
      spanId('linked'),
    ]);
    expect(index.parent[1]).toBe(0);
  });

  it('marks spans whose parent is missing and roots them', () => {
    const trace = buildTrace(
      't',
      server('orphan', 'checkout', [0, 10], { parentSpanId: spanId('gone') }),
    );
    const index = indexTrace(trace);
    expect(Array.from(index.parentMissing)).toEqual([1]);
    expect(index.roots).toEqual([0]);
  });

  it('breaks a parent cycle at its earliest span', () => {
    const base = buildTrace('t', [
      internal('a', 's', [30, 10]),
      internal('b', 's', [10, 10]),
      internal('c', 's', [20, 10]),
      internal('d', 's', [40, 10]),
    ]);
    // a → b → c → a, and d hangs below the cycle.
    const trace = withParents(base, {
      [spanId('a')]: spanId('b'),
      [spanId('b')]: spanId('c'),
      [spanId('c')]: spanId('a'),
      [spanId('d')]: spanId('c'),
    });
    const index = indexTrace(trace);
    expect(index.parentCycleSpanIds).toEqual([spanId('b')]);
    expect(idsOf(trace, index.roots)).toEqual([spanId('b')]);
    expect(idsOf(trace, index.preorder)).toEqual(
      ['b', 'a', 'c', 'd'].map(spanId),
    );
  });

  it('treats a span that names itself as its parent as a root', () => {
    const base = buildTrace('t', internal('self', 's', [0, 1]));
    const trace = withParents(base, { [spanId('self')]: spanId('self') });
    const index = indexTrace(trace);
    expect(index.roots).toEqual([0]);
    expect(index.parentCycleSpanIds).toEqual([]);
  });

  it('indexes a duplicated span id under its first span', () => {
    const base = buildTrace('t', [
      client('call', 'a', [0, 10], {
        children: [server('answer', 'b', [1, 8])],
      }),
    ]);
    const retriedAnswer = {
      ...base.spans[1],
      startTimeUs: base.spans[1].startTimeUs + 1,
    };
    const trace = { ...base, spans: [...base.spans, retriedAnswer] };
    const index = indexTrace(trace);
    expect(index.duplicateSpanIds).toEqual([spanId('answer')]);
    expect(Array.from(index.parent)).toEqual([-1, 0, 0]);
    expect(index.preorder).toHaveLength(3);
  });

  it('counts a negative duration as zero', () => {
    const trace = buildTrace('t', internal('x', 's', [5, -3]));
    expect(Array.from(indexTrace(trace).endUs)).toEqual([
      trace.spans[0].startTimeUs,
    ]);
  });
});
