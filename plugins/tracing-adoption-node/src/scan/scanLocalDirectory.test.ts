import { DEFAULT_DETECTION_SETTINGS } from '@internal/plugin-tracing-adoption-common';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { scanLocalDirectory } from './scanLocalDirectory';

describe('scanLocalDirectory', () => {
  let workspace: string;

  async function write(relative: string, content: string) {
    const absolute = path.join(workspace, relative);
    await fs.mkdir(path.dirname(absolute), { recursive: true });
    await fs.writeFile(absolute, content);
  }

  beforeEach(async () => {
    workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'tracing-scan-'));
  });

  afterEach(async () => {
    await fs
      .chmod(path.join(workspace, 'repo/locked'), 0o755)
      .catch(() => undefined);
    await fs.rm(workspace, { recursive: true, force: true });
  });

  it('reads relevant files only and skips ignored directories', async () => {
    await write('repo/package.json', '{"dependencies":{"dd-trace":"^5.0.0"}}');
    await write(
      'repo/node_modules/dd-trace/package.json',
      '{"dependencies":{"opentracing":"^0.14.7"}}',
    );
    await write('repo/dist/bundle.js', "const h = 'X-Flow-ID';");
    await write('repo/README.md', '# repo');
    await write('repo/src/index.js', "res.setHeader('X-Flow-ID', id);");

    const result = await scanLocalDirectory(
      path.join(workspace, 'repo'),
      DEFAULT_DETECTION_SETTINGS,
    );

    expect(result.filesRead).toBe(2);
    expect(result.problems).toEqual([]);
    expect(result.serviceDirectories).toHaveLength(1);
    const [service] = result.serviceDirectories;
    expect(service.findings.map(finding => finding.library)).toEqual([
      'dd-trace',
    ]);
    expect(service.flowIdPropagation.map(use => use.evidence.path)).toEqual([
      'src/index.js',
    ]);
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('follows symlinks inside the tree but not out of it, and survives loops', async () => {
    await write(
      'outside/package.json',
      '{"dependencies":{"newrelic":"^11.0.0"}}',
    );
    await write(
      'repo/services/api/package.json',
      '{"dependencies":{"elastic-apm-node":"^4.0.0"}}',
    );
    await write(
      'repo/shared/Dockerfile',
      'FROM node:20\nENV OTEL_SERVICE_NAME=api\n',
    );
    await fs.symlink(
      path.join(workspace, 'outside'),
      path.join(workspace, 'repo/external'),
    );
    await fs.symlink(
      path.join(workspace, 'repo/shared/Dockerfile'),
      path.join(workspace, 'repo/services/api/Dockerfile'),
    );
    await fs.symlink(
      path.join(workspace, 'repo'),
      path.join(workspace, 'repo/services/loop'),
    );

    const result = await scanLocalDirectory(
      path.join(workspace, 'repo'),
      DEFAULT_DETECTION_SETTINGS,
    );

    const libraries = result.serviceDirectories.flatMap(service =>
      service.findings.map(finding => finding.library),
    );
    expect(libraries).not.toContain('newrelic');
    expect(libraries).toContain('elastic-apm-node');
    const api = result.serviceDirectories.find(
      service => service.path === 'services/api',
    );
    expect(
      api?.findings.find(finding => finding.how === 'env')?.serviceName,
    ).toBe('api');
  });

  it('skips and reports files above the size limit', async () => {
    await write('repo/package.json', '{}');
    await write('repo/src/generated.js', `// ${'x'.repeat(2000)}`);

    const result = await scanLocalDirectory(
      path.join(workspace, 'repo'),
      DEFAULT_DETECTION_SETTINGS,
      {
        maxFileBytes: 1000,
      },
    );

    expect(result.filesRead).toBe(1);
    expect(result.problems).toEqual([
      {
        path: 'src/generated.js',
        message:
          'src/generated.js: skipped, 2003 bytes is more than the 1000 byte limit',
      },
    ]);
  });

  it('rejects with an error naming a directory that cannot be read', async () => {
    const missing = path.join(workspace, 'no-such-repo');
    await expect(
      scanLocalDirectory(missing, DEFAULT_DETECTION_SETTINGS),
    ).rejects.toThrow(`Cannot read directory ${missing}`);
  });

  it('stops when the signal is aborted', async () => {
    await write('repo/package.json', '{}');
    const controller = new AbortController();
    controller.abort(new Error('shutting down'));
    await expect(
      scanLocalDirectory(
        path.join(workspace, 'repo'),
        DEFAULT_DETECTION_SETTINGS,
        {
          signal: controller.signal,
        },
      ),
    ).rejects.toThrow('shutting down');
  });
});
