import { Adjuster, adjusterSequence } from './adjuster';
import { makeSpan, makeTrace } from './__testUtils__/traces';

function appendingToNames(suffix: string): Adjuster {
  return trace => {
    for (const span of trace.spans) span.name += suffix;
    return trace;
  };
}

const addingASpan: Adjuster = trace => ({
  ...trace,
  spans: [...trace.spans, makeSpan({ spanId: '2', name: 'added' })],
});

describe('adjusterSequence', () => {
  it.each<[string, Adjuster[], string[]]>([
    ['no adjusters', [], ['op']],
    ['one adjuster', [appendingToNames('-a')], ['op-a']],
    [
      'adjusters in the given order',
      [appendingToNames('-a'), appendingToNames('-b')],
      ['op-a-b'],
    ],
    [
      'each adjuster to the previous result',
      [addingASpan, appendingToNames('-a')],
      ['op-a', 'added-a'],
    ],
  ])('applies %s', (_description, adjusters, expectedNames) => {
    const result = adjusterSequence(...adjusters)(
      makeTrace(makeSpan({ spanId: '1', name: 'op' })),
    );
    expect(result.spans.map(span => span.name)).toEqual(expectedNames);
  });
});
