import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { DEFAULT_DETECTION_SETTINGS } from '@internal/plugin-tracing-adoption-common';
import { startFakeGitHub } from '../__testUtils__/fakeGitHub';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { createDatabaseStores } from '../database/createDatabaseStores';
import { GitHubRepositoryScanner } from './GitHubRepositoryScanner';
import { RepositoryScanJob } from './RepositoryScanJob';

const databases = createTestDatabases();

const files = (name: string) => ({
  'package.json': JSON.stringify({
    name,
    dependencies: { '@opentelemetry/api': '1.9.0' },
  }),
});

describe.each(databases.eachSupportedId())(
  'RepositoryScanJob on %p',
  databaseId => {
    async function setUp(repositoryCount: number) {
      const knex = await databases.init(databaseId);
      const { scanStore } = await createDatabaseStores(
        mockServices.database({ knex, migrations: { skip: false } }),
      );
      const github = await startFakeGitHub({ quota: 100_000 });
      const targets = Array.from({ length: repositoryCount }, (_, i) => {
        const slug = `shopfront/service-${String(i).padStart(2, '0')}`;
        github.setRepository(slug, { files: files(slug) });
        return { host: 'github.com', slug };
      });
      const integrations = ScmIntegrations.fromConfig(
        new ConfigReader({
          integrations: {
            github: [
              { host: 'github.com', apiBaseUrl: github.baseUrl, token: 't' },
            ],
          },
        }),
      );
      const createJob = () =>
        new RepositoryScanJob({
          scanners: [
            new GitHubRepositoryScanner({
              integrations,
              credentialsProvider:
                DefaultGithubCredentialsProvider.fromIntegrations(integrations),
              logger: mockServices.logger.mock(),
              maxRateLimitWaitSeconds: 0,
              retries: 0,
            }),
          ],
          store: scanStore,
          listTargets: async () => targets,
          detectionSettings: DEFAULT_DETECTION_SETTINGS,
          settings: {
            concurrency: 1,
            rescanIntervalMs: 60 * 60_000,
            progressEvery: 5,
          },
          logger: mockServices.logger.mock(),
        });
      return { github, job: createJob(), createJob, scanStore };
    }

    it('resumes a cycle stopped by a rate limit without rescanning finished repositories', async () => {
      const { github, job, createJob, scanStore } = await setUp(10);
      try {
        // a repository costs two core requests (metadata, tree) and a GraphQL query:
        // the 7th is the 4th repository's metadata, its tree hits the limit
        github.setRemainingQuota(7, 600);
        const signal = new AbortController().signal;
        const first = await job.run(signal);
        expect(first).toMatchObject({ scanned: 3, finished: false });
        expect(first?.pausedUntil).toBeDefined();

        // after the reset (here: a restarted backend and a refilled quota)
        github.restoreQuota();
        github.resetStats();
        const second = await createJob().run(signal);
        expect(second).toMatchObject({
          cycleId: first!.cycleId,
          doneBefore: 3,
          scanned: 7,
          finished: true,
        });
        // none of the repositories finished before the limit was asked for again
        expect([...github.stats.perRepository.keys()].sort()).toEqual(
          Array.from(
            { length: 7 },
            (_, i) => `shopfront/service-${String(i + 3).padStart(2, '0')}`,
          ),
        );

        const scans = await scanStore.listScans();
        expect(scans.map(s => s.status)).toEqual(Array(10).fill('scanned'));
        expect(
          scans.every(s => s.result?.serviceDirectories.length === 1),
        ).toBe(true);
      } finally {
        await github.close();
      }
    }, 30_000);

    it('waits for the rescan interval, then rescans unchanged repositories with one 304 each', async () => {
      const { github, job } = await setUp(4);
      try {
        const signal = new AbortController().signal;
        const start = new Date();
        expect((await job.run(signal, start))?.finished).toBe(true);
        expect(
          await job.run(signal, new Date(start.getTime() + 60_000)),
        ).toBeUndefined();

        github.resetStats();
        const later = await job.run(
          signal,
          new Date(Date.now() + 2 * 60 * 60_000),
        );
        expect(later).toMatchObject({
          unchanged: 4,
          scanned: 0,
          finished: true,
          requests: 4,
        });
        expect(github.stats).toMatchObject({
          requests: 4,
          notModified: 4,
          quotaSpent: 0,
        });
      } finally {
        await github.close();
      }
    });

    it('records a failure against its repository and keeps the last good result', async () => {
      const { github, job, scanStore } = await setUp(2);
      try {
        const signal = new AbortController().signal;
        await job.run(signal);
        const [before] = await scanStore.listScans();
        github.setRepository('shopfront/service-00', {
          files: files('changed'),
        });
        github.failNext(500);
        const later = await job.run(
          signal,
          new Date(Date.now() + 2 * 60 * 60_000),
        );
        expect(later).toMatchObject({
          finished: true,
          failed: 1,
          unchanged: 1,
        });
        const [after] = await scanStore.listScans();
        expect(after).toMatchObject({
          slug: 'shopfront/service-00',
          status: 'failed',
          error: expect.stringMatching(/shopfront\/service-00/),
          scannedAt: before.scannedAt,
          result: before.result,
        });
      } finally {
        await github.close();
      }
    });
  },
);
