import { InputError } from '@backstage/errors';
import { parseStoryInput, parseStoryUpdate } from './storyValidation';

const valid = {
  title: 'Pricing fan-out',
  body: 'Body',
  category: 'latency',
};

describe('parseStoryInput', () => {
  it('returns the input unchanged, whitespace and markup included', () => {
    const input = {
      ...valid,
      title: '  <b>Spaces</b> & stuff  ',
      body: '\tindented\r\n<script>kept as text</script>\n',
      impact: [{ label: 'p99', before: 0, unit: 'ms' }],
      traceLinks: ['http://localhost:16686/trace/abc'],
    };
    expect(parseStoryInput(input)).toEqual(input);
  });

  it.each([
    [{ title: 'two\nlines' }, 'title must be a single line'],
    [{ body: 'bell \u0007' }, 'body must not contain control characters'],
    [{ body: 'half \ud83d pair' }, 'body must not contain control characters'],
    [{ operations: [''] }, 'operations[0] must not be blank'],
    [
      { impact: [{ label: 'p99', after: 'fast', unit: 'ms' }] },
      'impact[0].after must be a number, not string',
    ],
    [{ title: undefined }, 'title is required'],
    [{ category: 'vanity' }, 'category must be one of latency, errors'],
    [{ entityRefs: 'component:default/a' }, 'entityRefs must be an array'],
  ])('refuses %j: %s', (overrides, message) => {
    expect(() => parseStoryInput({ ...valid, ...overrides })).toThrow(
      InputError,
    );
    expect(() => parseStoryInput({ ...valid, ...overrides })).toThrow(message);
  });

  it('lists every problem at once', () => {
    expect(() =>
      parseStoryInput({ ...valid, title: '', traceLinks: ['ftp://x'] }),
    ).toThrow(
      'Invalid story: title must not be blank; traceLinks[0] must be an absolute http or https URL',
    );
  });
});

describe('parseStoryUpdate', () => {
  it('needs the version the edit was made on', () => {
    expect(parseStoryUpdate({ ...valid, version: 3 }).version).toBe(3);
    expect(() => parseStoryUpdate(valid)).toThrow('version is required');
    expect(() => parseStoryUpdate({ ...valid, version: 1.5 })).toThrow(
      'version must be an integer',
    );
  });
});
