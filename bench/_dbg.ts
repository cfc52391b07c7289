import { ConfigReader } from '@backstage/config';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { DEFAULT_DETECTION_SETTINGS } from '@internal/plugin-tracing-adoption-common';
import knexFactory from 'knex';
import { startFakeGitHub } from '../plugins/tracing-adoption-backend/src/__testUtils__/fakeGitHub';
import { createDatabaseStores } from '../plugins/tracing-adoption-backend/src/database/createDatabaseStores';
import { GitHubRepositoryScanner } from '../plugins/tracing-adoption-backend/src/scanning/GitHubRepositoryScanner';
import { RepositoryScanJob } from '../plugins/tracing-adoption-backend/src/scanning/RepositoryScanJob';
(async () => {
  const github = await startFakeGitHub({ quota: 1000 });
  const integrations = ScmIntegrations.fromConfig(
    new ConfigReader({
      integrations: {
        github: [
          { host: 'github.com', apiBaseUrl: github.baseUrl, token: 't' },
        ],
      },
    }),
  );
  const log = {
    info: (m: string) => console.log('INFO', m),
    warn: (m: string) => console.log('WARN', m),
    error: console.log,
    debug: () => {},
    child: () => log,
  } as any;
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  const { scanStore } = await createDatabaseStores({
    getClient: async () => knex,
    migrations: { skip: false },
  });
  const targets = Array.from({ length: 10 }, (_, i) => {
    const slug = `shopfront/s${i}`;
    github.setRepository(slug, { files: { 'package.json': '{"name":"x"}' } });
    return { host: 'github.com', slug };
  });
  const job = new RepositoryScanJob({
    scanners: [
      new GitHubRepositoryScanner({
        integrations,
        credentialsProvider:
          DefaultGithubCredentialsProvider.fromIntegrations(integrations),
        logger: log,
        maxRateLimitWaitSeconds: 0,
        retries: 0,
      }),
    ],
    store: scanStore,
    listTargets: async () => targets,
    detectionSettings: DEFAULT_DETECTION_SETTINGS,
    settings: { concurrency: 1, rescanIntervalMs: 3600000, progressEvery: 5 },
    logger: log,
  });
  github.setRemainingQuota(7, 1);
  console.log(
    'first',
    JSON.stringify(await job.run(new AbortController().signal)),
  );
  await new Promise(r => setTimeout(r, 1500));
  github.restoreQuota();
  console.log(
    'second',
    JSON.stringify(await job.run(new AbortController().signal)),
  );
  await knex.destroy();
  await github.close();
})();
