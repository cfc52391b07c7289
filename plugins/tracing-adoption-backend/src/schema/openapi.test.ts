import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { spec } from './openapi/generated';

describe('openapi.yaml', () => {
  it('matches the generated spec the router validates against (run npm run generate:openapi)', () => {
    const source = parse(
      fs.readFileSync(path.join(__dirname, 'openapi.yaml'), 'utf8'),
    );
    expect(spec).toEqual(source);
  });
});
