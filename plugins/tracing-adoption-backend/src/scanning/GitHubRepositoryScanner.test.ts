import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { DEFAULT_DETECTION_SETTINGS } from '@internal/plugin-tracing-adoption-common';
import { BlobCache } from '@internal/plugin-tracing-adoption-node';
import { startFakeGitHub } from '../__testUtils__/fakeGitHub';
import {
  GitHubRepositoryScanner,
  RateLimitedError,
} from './GitHubRepositoryScanner';

const nodeService = {
  'package.json': JSON.stringify({
    name: 'cart',
    dependencies: { '@opentelemetry/sdk-node': '0.52.1', express: '^4.19.0' },
  }),
  'src/index.js': "require('./tracing');\n",
  Dockerfile: 'FROM node:20\nCOPY . .\nCMD ["node", "src/index.js"]\n',
  'README.md': '# cart\n',
};

function memoryBlobCache(): BlobCache & { size: () => number } {
  const blobs = new Map<string, string>();
  return {
    get: async shas =>
      new Map(shas.filter(s => blobs.has(s)).map(s => [s, blobs.get(s)!])),
    put: async entries => entries.forEach(e => blobs.set(e.sha, e.content)),
    size: () => blobs.size,
  };
}

async function setUp(maxRateLimitWaitSeconds = 0) {
  const github = await startFakeGitHub({ quota: 1000 });
  const integrations = ScmIntegrations.fromConfig(
    new ConfigReader({
      integrations: {
        github: [
          {
            host: 'github.com',
            apiBaseUrl: github.baseUrl,
            token: 'test-token',
          },
        ],
      },
    }),
  );
  const scanner = new GitHubRepositoryScanner({
    integrations,
    credentialsProvider:
      DefaultGithubCredentialsProvider.fromIntegrations(integrations),
    logger: mockServices.logger.mock(),
    maxRateLimitWaitSeconds,
    retries: 1,
  });
  return { github, scanner, blobCache: memoryBlobCache() };
}

const context = (blobCache: BlobCache, previous?: object) => ({
  previous,
  settings: DEFAULT_DETECTION_SETTINGS,
  blobCache,
  signal: new AbortController().signal,
});

const target = { host: 'github.com', slug: 'shopfront/cart' };

describe('GitHubRepositoryScanner', () => {
  it('scans a repository in three requests and rescans an unchanged one in one 304 that costs no quota', async () => {
    const { github, scanner, blobCache } = await setUp();
    try {
      github.setRepository('shopfront/cart', { files: nodeService });
      const first = await scanner.scan(target, context(blobCache));
      expect(first.status).toBe('scanned');
      expect(first.requests).toBe(3);
      expect(github.stats.byKind).toEqual({
        repository: 1,
        tree: 1,
        graphql: 1,
      });
      if (first.status !== 'scanned') throw new Error('not scanned');
      const findings = first.result.serviceDirectories.flatMap(d => d.findings);
      expect(findings).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            library: '@opentelemetry/sdk-node',
            kind: 'otel-sdk',
          }),
        ]),
      );
      expect(Object.keys(first.state.blobShas ?? {})).not.toContain(
        'README.md',
      );

      github.resetStats();
      const again = await scanner.scan(target, context(blobCache, first.state));
      expect(again).toEqual({
        status: 'unchanged',
        state: first.state,
        requests: 1,
      });
      expect(github.stats).toMatchObject({
        requests: 1,
        notModified: 1,
        quotaSpent: 0,
      });
    } finally {
      await github.close();
    }
  });

  it('fetches only the files that changed since the last scan', async () => {
    const { github, scanner, blobCache } = await setUp();
    try {
      github.setRepository('shopfront/cart', { files: nodeService });
      const first = await scanner.scan(target, context(blobCache));
      github.setRepository('shopfront/cart', {
        files: {
          ...nodeService,
          Dockerfile: `${nodeService.Dockerfile}ENV OTEL_SERVICE_NAME=cart\n`,
        },
      });
      github.resetStats();
      const second = await scanner.scan(
        target,
        context(blobCache, first.state),
      );
      expect(second.status).toBe('scanned');
      expect(github.stats.byKind).toEqual({
        repository: 1,
        tree: 1,
        graphql: 1,
      });
      expect(blobCache.size()).toBe(
        Object.keys(first.state.blobShas ?? {}).length + 1,
      );
    } finally {
      await github.close();
    }
  });

  it('reports missing, archived and empty repositories without failing', async () => {
    const { github, scanner, blobCache } = await setUp();
    try {
      github.setRepository('shopfront/old', {
        archived: true,
        files: nodeService,
      });
      github.setRepository('shopfront/new', { empty: true, files: {} });
      expect(
        (
          await scanner.scan(
            { host: 'github.com', slug: 'shopfront/gone' },
            context(blobCache),
          )
        ).status,
      ).toBe('not-found');
      expect(
        (
          await scanner.scan(
            { host: 'github.com', slug: 'shopfront/old' },
            context(blobCache),
          )
        ).status,
      ).toBe('archived');
      expect(
        (
          await scanner.scan(
            { host: 'github.com', slug: 'shopfront/new' },
            context(blobCache),
          )
        ).status,
      ).toBe('empty');
    } finally {
      await github.close();
    }
  });

  it('notes a truncated tree as a problem and scans the files listed', async () => {
    const { github, scanner, blobCache } = await setUp();
    try {
      github.setRepository('shopfront/cart', {
        truncated: true,
        files: nodeService,
      });
      const outcome = await scanner.scan(target, context(blobCache));
      if (outcome.status !== 'scanned') throw new Error(outcome.status);
      expect(outcome.result.problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            message: expect.stringMatching(/only part of the tree/),
          }),
        ]),
      );
    } finally {
      await github.close();
    }
  });

  it('stops with the reset time when the primary rate limit is exhausted', async () => {
    const { github, scanner, blobCache } = await setUp();
    try {
      github.setRepository('shopfront/cart', { files: nodeService });
      github.setRemainingQuota(0);
      const error = await scanner
        .scan(target, context(blobCache))
        .catch(e => e);
      expect(error).toBeInstanceOf(RateLimitedError);
      expect(error.resetAt.getTime()).toBeGreaterThan(Date.now() + 500_000);
      // later repositories of the same host stop before spending a request
      github.resetStats();
      await expect(
        scanner.scan(target, context(blobCache)),
      ).rejects.toBeInstanceOf(RateLimitedError);
      expect(github.stats.requests).toBe(0);
    } finally {
      await github.close();
    }
  });

  it('stops on a secondary rate limit longer than it may wait', async () => {
    const { github, scanner, blobCache } = await setUp();
    try {
      github.setRepository('shopfront/cart', { files: nodeService });
      github.secondaryLimitNext(120);
      await expect(scanner.scan(target, context(blobCache))).rejects.toThrow(
        /secondary rate limit/,
      );
    } finally {
      await github.close();
    }
  });

  it('retries a server error and names the repository when it persists', async () => {
    const { github, scanner, blobCache } = await setUp();
    try {
      github.setRepository('shopfront/cart', { files: nodeService });
      github.failNext(502);
      expect((await scanner.scan(target, context(blobCache))).status).toBe(
        'scanned',
      );
      github.failNext(500, 500);
      await expect(scanner.scan(target, context(blobCache))).rejects.toThrow(
        /shopfront\/cart/,
      );
    } finally {
      await github.close();
    }
  }, 30_000);

  it('lists every repository of an organisation across pages, without archived ones', async () => {
    const { github, scanner } = await setUp();
    try {
      for (let i = 0; i < 150; i++) {
        github.setRepository(`shopfront/svc-${String(i).padStart(3, '0')}`, {
          files: {},
        });
      }
      github.setRepository('shopfront/old', { archived: true, files: {} });
      github.setRepository('elsewhere/svc', { files: {} });
      const targets = await scanner.listOrganizationRepositories(
        'github.com',
        'shopfront',
      );
      expect(targets).toHaveLength(150);
      expect(targets[0]).toEqual({
        host: 'github.com',
        slug: 'shopfront/svc-000',
      });
      expect(targets.some(t => t.slug === 'shopfront/old')).toBe(false);
    } finally {
      await github.close();
    }
  });
});
