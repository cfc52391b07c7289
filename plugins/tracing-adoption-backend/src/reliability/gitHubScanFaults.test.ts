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
import { GitHubRepositoryScanner } from '../scanning/GitHubRepositoryScanner';
import { RepositoryScanJob } from '../scanning/RepositoryScanJob';

const databases = createTestDatabases();

type FakeGitHub = Awaited<ReturnType<typeof startFakeGitHub>>;

const slugOf = (i: number) => `shopfront/service-${String(i).padStart(2, '0')}`;

describe.each(databases.eachSupportedId())(
  'repository scanning through GitHub faults on %p',
  databaseId => {
    async function setUp(options: {
      repositories: number;
      concurrency: number;
      retries: number;
    }) {
      const knex = await databases.init(databaseId);
      const { scanStore } = await createDatabaseStores(
        mockServices.database({ knex, migrations: { skip: false } }),
      );
      const github = await startFakeGitHub({ quota: 100_000 });
      const targets = Array.from({ length: options.repositories }, (_, i) => {
        // every repository its own contents, so none is read from the blob cache
        github.setRepository(slugOf(i), {
          files: {
            'package.json': JSON.stringify({
              name: slugOf(i),
              dependencies: { '@opentelemetry/api': '1.9.0' },
            }),
          },
        });
        return { host: 'github.com', slug: slugOf(i) };
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
      // one job for every run, as one backend process runs them
      const job = new RepositoryScanJob({
        scanners: [
          new GitHubRepositoryScanner({
            integrations,
            credentialsProvider:
              DefaultGithubCredentialsProvider.fromIntegrations(integrations),
            logger: mockServices.logger.mock(),
            maxRateLimitWaitSeconds: 0,
            retries: options.retries,
          }),
        ],
        store: scanStore,
        listTargets: async () => targets,
        detectionSettings: DEFAULT_DETECTION_SETTINGS,
        settings: {
          concurrency: options.concurrency,
          rescanIntervalMs: 60 * 60_000,
          progressEvery: 100,
        },
        logger: mockServices.logger.mock(),
      });
      return { github, job, scanStore };
    }

    const signal = new AbortController().signal;

    it.each<[string, (github: FakeGitHub) => void]>([
      [
        'a secondary rate limit (403 with Retry-After)',
        github =>
          github.afterRequests(7, () => github.secondaryLimitNext(1, 403)),
      ],
      [
        'a secondary rate limit (429 with Retry-After)',
        github =>
          github.afterRequests(7, () => github.secondaryLimitNext(1, 429)),
      ],
      [
        'a primary rate limit (429, x-ratelimit-remaining 0 until the reset)',
        github => github.setRemainingQuota(7, 2, 429),
      ],
    ])(
      '%s pauses the cycle, which spends no request until the limit is over and then resumes without asking a finished repository again',
      async (_limit, hitLimit) => {
        const { github, job, scanStore } = await setUp({
          repositories: 12,
          concurrency: 3,
          retries: 0,
        });
        try {
          hitLimit(github);
          const first = await job.run(signal);
          expect(first).toMatchObject({
            finished: false,
            pausedUntil: expect.any(String),
          });
          const finished = new Set(
            (await scanStore.listScans()).map(s => s.slug),
          );
          expect(finished.size).toBe(first!.scanned);
          expect(finished.size).toBeGreaterThan(0);

          // the next scheduled run comes while the limit lasts
          github.resetStats();
          expect(await job.run(signal)).toMatchObject({
            cycleId: first!.cycleId,
            scanned: 0,
            finished: false,
            pausedUntil: first!.pausedUntil,
          });
          expect(github.stats.requests).toBe(0);

          await new Promise(resolve =>
            setTimeout(resolve, Date.parse(first!.pausedUntil!) - Date.now()),
          );
          github.resetStats();
          const resumed = await job.run(signal);
          expect(resumed).toMatchObject({
            cycleId: first!.cycleId,
            doneBefore: finished.size,
            scanned: 12 - finished.size,
            finished: true,
          });
          const asked = [...github.stats.perRepository];
          expect(asked.filter(([slug]) => finished.has(slug))).toEqual([]);
          // metadata, tree and one GraphQL query each, nothing asked twice
          expect(asked.map(([, requests]) => requests)).toEqual(
            Array(12 - finished.size).fill(3),
          );
          expect((await scanStore.listScans()).map(s => s.status)).toEqual(
            Array(12).fill('scanned'),
          );
        } finally {
          await github.close();
        }
      },
      30_000,
    );

    it('retries 500 answers, records a repository that keeps failing, finishes the cycle without asking a finished repository again, and rescans the failed one next cycle', async () => {
      const { github, job, scanStore } = await setUp({
        repositories: 6,
        concurrency: 1,
        retries: 1,
      });
      try {
        // three requests per repository: service-01's first one fails once,
        // service-02's first one and its retry fail
        github.afterRequests(3, () => github.failNext(500));
        github.afterRequests(7, () => github.failNext(500, 500));
        const start = new Date();
        const cycle = await job.run(signal, start);
        expect(cycle).toMatchObject({
          finished: true,
          scanned: 5,
          failed: 1,
        });
        expect(cycle?.pausedUntil).toBeUndefined();
        // the fake counts a repository's requests it answered, not its 500s
        expect(github.stats.requests).toBe(5 * 3 + 1 + 2);
        expect(Object.fromEntries(github.stats.perRepository)).toEqual({
          [slugOf(0)]: 3,
          [slugOf(1)]: 3,
          [slugOf(3)]: 3,
          [slugOf(4)]: 3,
          [slugOf(5)]: 3,
        });
        expect(
          (await scanStore.listScans()).find(s => s.slug === slugOf(2)),
        ).toMatchObject({
          status: 'failed',
          error: expect.stringContaining(slugOf(2)),
        });

        github.resetStats();
        expect(
          await job.run(signal, new Date(start.getTime() + 60_000)),
        ).toBeUndefined();
        expect(github.stats.requests).toBe(0);

        const next = await job.run(
          signal,
          new Date(start.getTime() + 2 * 60 * 60_000),
        );
        expect(next).toMatchObject({
          finished: true,
          scanned: 1,
          unchanged: 5,
          failed: 0,
        });
        expect(github.stats.perRepository.get(slugOf(2))).toBe(3);
        expect(github.stats.notModified).toBe(5);
      } finally {
        await github.close();
      }
    }, 30_000);
  },
);
