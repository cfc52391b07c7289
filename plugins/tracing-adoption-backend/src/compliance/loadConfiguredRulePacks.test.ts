import { mockServices } from '@backstage/backend-test-utils';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  DEFAULT_RULE_PACK_SOURCES,
  loadConfiguredRulePacks,
} from './loadConfiguredRulePacks';

const urlReader = mockServices.urlReader.mock();

describe('loadConfiguredRulePacks', () => {
  it('loads the built-in packs and an organisation pack from a file', async () => {
    const packs = await loadConfiguredRulePacks({
      sources: [
        ...DEFAULT_RULE_PACK_SOURCES,
        path.resolve(
          __dirname,
          '../../../../examples/demo-org/rule-packs/shopfront.yaml',
        ),
      ],
      urlReader,
    });
    expect(packs.map(p => p.name)).toEqual([
      'opentelemetry',
      'opentracing',
      'shopfront',
    ]);
    expect(packs[0].rules.length).toBeGreaterThan(100);
  });

  it('stops with the file, line and reason of an invalid pack', async () => {
    const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'packs-'));
    const file = path.join(directory, 'org.yaml');
    await fs.writeFile(
      file,
      "name: org\nversion: '1'\ndescription: d\nrules:\n  - id: a\n    description: d\n    severity: fatal\n    check:\n      required: [x]\n    fix: f\n",
    );
    await expect(
      loadConfiguredRulePacks({ sources: [file], urlReader }),
    ).rejects.toThrow(`${file}:7: rule 'a' has unknown severity 'fatal'`);
    await fs.rm(directory, { recursive: true });
  });

  it('rejects unknown built-in packs and packs loaded twice', async () => {
    await expect(
      loadConfiguredRulePacks({ sources: ['builtin:datadog'], urlReader }),
    ).rejects.toThrow(/Unknown built-in rule pack 'builtin:datadog'/);
    await expect(
      loadConfiguredRulePacks({
        sources: ['builtin:opentracing', 'builtin:opentracing'],
        urlReader,
      }),
    ).rejects.toThrow(/loaded twice/);
  });
});
