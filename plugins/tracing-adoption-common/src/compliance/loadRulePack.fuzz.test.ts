import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { loadRulePack } from './loadRulePack';
import { RulePackError } from './RulePackError';

const organisationPack = fs.readFileSync(
  path.resolve(
    __dirname,
    '../../../../examples/demo-org/rule-packs/shopfront.yaml',
  ),
  'utf8',
);

/** Loading either yields a pack or a RulePackError with a line; nothing else escapes. */
function loadsOrExplains(text: string) {
  try {
    loadRulePack({ text, origin: 'fuzz.yaml' });
  } catch (error) {
    expect(error).toBeInstanceOf(RulePackError);
    expect((error as RulePackError).message).toMatch(/^fuzz\.yaml(:\d+)?: /);
  }
}

describe('loadRulePack on fuzzed packs', () => {
  it('explains every arbitrary text it cannot load', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), loadsOrExplains), {
      numRuns: 1000,
    });
  });

  it('explains every mutation of a real pack it cannot load', () => {
    const lines = organisationPack.split('\n');
    const mutation = fc.record({
      line: fc.nat({ max: lines.length - 1 }),
      kind: fc.constantFrom('delete', 'replace', 'duplicate', 'indent'),
      text: fc.oneof(
        fc.string({ maxLength: 40 }),
        fc.constantFrom(
          'severity: fatal',
          'check: {}',
          'regex: "("',
          '- id: x',
          ': :',
          '  required: 5',
        ),
      ),
    });
    fc.assert(
      fc.property(
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        mutations => {
          const mutated = [...lines];
          for (const { line, kind, text } of mutations) {
            const at = Math.min(line, mutated.length - 1);
            if (kind === 'delete') mutated.splice(at, 1);
            else if (kind === 'replace') mutated[at] = text;
            else if (kind === 'duplicate') mutated.splice(at, 0, mutated[at]);
            else mutated[at] = `  ${mutated[at]}`;
          }
          loadsOrExplains(mutated.join('\n'));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
