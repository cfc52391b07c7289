import {
  MAX_RECORDED_PROBLEMS,
  ProblemLog,
  describeValue,
  nanosToMicros,
  setAttribute,
} from './parsing';

describe('nanosToMicros', () => {
  it.each([
    ['1700000000123456789', 1700000000123456],
    ['1700000000123456999', 1700000000123456],
    ['000000000000001000', 1],
    ['999', 0],
    ['0', 0],
    [1700000000123456, 1700000000123],
    [1999.9, 1],
    ['18446744073709551615', undefined],
    ['123456789012345678901', undefined],
    ['', undefined],
    ['-1000', undefined],
    ['1e21', undefined],
    ['12 34', undefined],
    [-1, undefined],
    [Number.POSITIVE_INFINITY, undefined],
    [Number.NaN, undefined],
    [null, undefined],
    [{}, undefined],
  ])('converts %j to %j', (input, expected) => {
    expect(nanosToMicros(input)).toBe(expected);
  });
});

describe('ProblemLog', () => {
  it.each([
    [0, 0, undefined],
    [MAX_RECORDED_PROBLEMS, MAX_RECORDED_PROBLEMS, undefined],
    [
      MAX_RECORDED_PROBLEMS + 1,
      MAX_RECORDED_PROBLEMS + 1,
      '… and 1 more problems',
    ],
    [100_000, MAX_RECORDED_PROBLEMS + 1, '… and 99900 more problems'],
  ])('records %i problems as %i entries', (added, recorded, summary) => {
    const log = new ProblemLog();
    for (let i = 0; i < added; i++) log.add(`spans[${i}]`, 'bad');
    const problems = log.toArray();
    expect(problems).toHaveLength(recorded);
    expect(problems[0]).toEqual(
      added === 0 ? undefined : { path: 'spans[0]', message: 'bad' },
    );
    expect(problems.filter(problem => problem.path === '')).toEqual(
      summary === undefined ? [] : [{ path: '', message: summary }],
    );
  });
});

describe('describeValue', () => {
  it.each([
    [undefined, 'nothing'],
    [null, 'null'],
    ['abc', '"abc"'],
    ['x'.repeat(100), `"${'x'.repeat(40)}…" (100 characters)`],
    [[1, 2], 'an array of 2 items'],
    [{ a: 1 }, 'an object'],
    [12, 'number 12'],
    [true, 'boolean true'],
  ])('describes %j as %s', (value, expected) => {
    expect(describeValue(value)).toBe(expected);
  });
});

describe('setAttribute', () => {
  it('stores __proto__ as an own attribute without touching the prototype', () => {
    const attributes = {};
    setAttribute(attributes, '__proto__', ['a']);
    expect(Object.getPrototypeOf(attributes)).toBe(Object.prototype);
    expect(Object.entries(attributes)).toEqual([['__proto__', ['a']]]);
  });
});
