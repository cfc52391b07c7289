import { sortSpans } from './sortSpans';
import { id, makeSpan, makeTrace } from './__testUtils__/traces';

describe('sortSpans', () => {
  it.each<[string, Array<[string, number]>, string[]]>([
    ['no spans', [], []],
    [
      'by start time',
      [
        ['a', 300],
        ['b', 100],
        ['c', 200],
      ],
      ['b', 'c', 'a'],
    ],
    [
      'equal start times by span id',
      [
        ['f2', 100],
        ['0a', 100],
        ['c1', 50],
      ],
      ['c1', '0a', 'f2'],
    ],
    [
      'an already sorted trace unchanged',
      [
        ['1', 1],
        ['2', 2],
      ],
      ['1', '2'],
    ],
  ])('orders %s', (_description, spans, expectedOrder) => {
    const trace = makeTrace(
      ...spans.map(([spanId, startTimeUs]) =>
        makeSpan({ spanId, startTimeUs }),
      ),
    );
    const result = sortSpans(trace);
    expect(result).toBe(trace);
    expect(result.spans.map(span => span.spanId)).toEqual(
      expectedOrder.map(id),
    );
  });
});
