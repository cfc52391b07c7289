import { DetectionSettings } from '@internal/plugin-tracing-adoption-common';
import {
  RepositoryScanOutcome,
  RepositoryScanner,
  RepositoryTarget,
  scanLocalDirectory,
} from '@internal/plugin-tracing-adoption-node';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Scans checkouts in a local directory instead of a source host: the
 * repository `owner/name` on `host` is read from `<directory>/<name>`. Used by
 * the demo (examples/demo-org/repos) and for organisations that mirror their
 * repositories to disk.
 */
export class LocalRepositoryScanner implements RepositoryScanner {
  readonly id = 'local-directory';

  constructor(
    private readonly options: {
      directory: string;
      host: string;
      owner: string;
    },
  ) {}

  canScan(target: RepositoryTarget): boolean {
    const [owner] = target.slug.split('/');
    return target.host === this.options.host && owner === this.options.owner;
  }

  async scan(
    target: RepositoryTarget,
    context: { settings: DetectionSettings; signal: AbortSignal },
  ): Promise<RepositoryScanOutcome> {
    const name = target.slug.split('/')[1] ?? '';
    const directory = path.resolve(this.options.directory, name);
    if (
      !directory.startsWith(path.resolve(this.options.directory) + path.sep)
    ) {
      return { status: 'not-found', state: {}, requests: 0 };
    }
    try {
      await fs.access(directory);
    } catch {
      return { status: 'not-found', state: {}, requests: 0 };
    }
    const { durationMs: _durationMs, ...result } = await scanLocalDirectory(
      directory,
      context.settings,
      { signal: context.signal },
    );
    return { status: 'scanned', result, state: {}, requests: 0 };
  }
}
