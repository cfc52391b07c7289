import { mockServices } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { createDatabaseStores } from '../database/createDatabaseStores';
import {
  RolloutDeclarationSync,
  parseRolloutDeclarations,
} from './RolloutDeclarations';

const DEMO_FILE = path.join(
  __dirname,
  '../../../../examples/demo-org/rollout.yaml',
);

describe('parseRolloutDeclarations', () => {
  it('reads the demo organisation’s operations and campaign', () => {
    const declared = parseRolloutDeclarations(
      fs.readFileSync(DEMO_FILE, 'utf8'),
      'rollout.yaml',
    );
    expect(declared.campaigns.map(c => c.id)).toEqual(['cyber-week-2026']);
    expect(
      declared.operations.map(o => [o.id, o.peakRequestsPerSecond]),
    ).toEqual([
      ['checkout', 350],
      ['add-to-cart', 1200],
      ['browse-catalog', 4000],
      ['product-page', 2500],
    ]);
  });

  it.each([
    ['operations: [', /Invalid rollout definitions in r\.yaml: /],
    [
      'operations:\n  - id: a\n    name: A\n    entry: { entryService: e }\n    peakRequestsPerSecond: 1\n    tier: 4\n    ownerRef: group:default/t',
      /^r\.yaml: Invalid rollout definition: operations\[0\]\.tier must be 1, 2 or 3$/,
    ],
    [
      'campaigns:\n  - { id: c, name: C, startDate: "2026-01-01", deadline: "2025-01-01", targetMaturity: walk }',
      /campaigns\[0\]\.deadline must not be before startDate/,
    ],
    ['workshops: []', /workshops is not a known rollout definition field/],
    [
      'campaigns:\n  - { id: c, name: C, startDate: "2026-01-01", deadline: "2026-02-01", targetMaturity: walk }\n  - { id: c, name: D, startDate: "2026-01-01", deadline: "2026-02-01", targetMaturity: walk }',
      /campaigns\[1\]\.id repeats c/,
    ],
  ])('names the file and the field: %s', (text, message) => {
    expect(() => parseRolloutDeclarations(text, 'r.yaml')).toThrow(message);
  });
});

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'RolloutDeclarationSync on %p',
  databaseId => {
    it('keeps the last good definitions when the file turns invalid', async () => {
      const knex = await databases.init(databaseId);
      const { rolloutStore } = await createDatabaseStores(
        mockServices.database({ knex, migrations: { skip: false } }),
      );
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rollout-'));
      const file = path.join(dir, 'rollout.yaml');
      fs.copyFileSync(DEMO_FILE, file);
      const sync = new RolloutDeclarationSync({
        source: file,
        urlReader: mockServices.urlReader.mock(),
        store: rolloutStore,
        logger: mockServices.logger.mock(),
      });
      expect(await sync.run()).toBe(true);
      expect(await sync.run()).toBe(false);

      fs.writeFileSync(
        file,
        fs
          .readFileSync(DEMO_FILE, 'utf8')
          .replace('campaignId: cyber-week-2026', 'campaignId: black-friday'),
      );
      await expect(sync.run()).rejects.toThrow(
        'operation checkout names campaign black-friday, which is neither declared nor defined',
      );
      fs.rmSync(file);
      await expect(sync.run()).rejects.toThrow(
        /Cannot read rollout definitions/,
      );
      expect((await rolloutStore.listOperations()).map(o => o.id)).toEqual([
        'add-to-cart',
        'browse-catalog',
        'checkout',
        'product-page',
      ]);
    });
  },
);
