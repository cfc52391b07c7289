/**
 * Repository scanning at organisation scale: 4,000 repositories on a local
 * fake of the GitHub API. Measures requests per repository on the first scan
 * and on a rescan with nothing changed, time per 1,000 repositories, and a
 * cycle interrupted by the primary rate limit that resumes without scanning
 * finished repositories again.
 *
 *   npm run bench:scanning            (BENCH_REPOSITORIES=4000)
 */
import { ConfigReader } from '@backstage/config';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { DEFAULT_DETECTION_SETTINGS } from '@internal/plugin-tracing-adoption-common';
import knexFactory from 'knex';
import { performance } from 'node:perf_hooks';
import { startFakeGitHub } from '../plugins/tracing-adoption-backend/src/__testUtils__/fakeGitHub';
import { createDatabaseStores } from '../plugins/tracing-adoption-backend/src/database/createDatabaseStores';
import { GitHubRepositoryScanner } from '../plugins/tracing-adoption-backend/src/scanning/GitHubRepositoryScanner';
import { RepositoryScanJob } from '../plugins/tracing-adoption-backend/src/scanning/RepositoryScanJob';

const silentLogger = {
  info: () => {},
  warn: () => {},
  error: () => {},
  debug: () => {},
  child: () => silentLogger,
} as any;

function repositoryFiles(index: number): Record<string, string> {
  const flavour = index % 4;
  if (flavour === 0) {
    return {
      'package.json': JSON.stringify({
        name: `svc-${index}`,
        dependencies: {
          '@opentelemetry/sdk-node': '0.52.1',
          express: '^4.19.2',
        },
      }),
      'src/index.js': `require('./tracing');\n// service ${index}\n`,
      Dockerfile: 'FROM node:20\nCMD ["node", "src/index.js"]\n',
      'README.md': `# svc-${index}\n`,
    };
  }
  if (flavour === 1) {
    return {
      'go.mod': `module github.com/shopfront/svc-${index}\n\ngo 1.22\n\nrequire go.opentelemetry.io/otel v1.28.0\n`,
      'main.go': 'package main\n\nfunc main() {}\n',
      Dockerfile: 'FROM golang:1.22\n',
    };
  }
  if (flavour === 2) {
    return {
      'pom.xml': `<project><modelVersion>4.0.0</modelVersion><groupId>com.shopfront</groupId><artifactId>svc-${index}</artifactId><version>1.0</version><dependencies><dependency><groupId>io.jaegertracing</groupId><artifactId>jaeger-client</artifactId><version>1.8.1</version></dependency></dependencies></project>`,
      Dockerfile:
        'FROM eclipse-temurin:21\nENV JAVA_TOOL_OPTIONS="-javaagent:/otel/opentelemetry-javaagent.jar"\n',
    };
  }
  return {
    'requirements.txt': 'flask==3.0.3\nrequests==2.32.3\n',
    'app.py': 'from flask import Flask\n',
  };
}

async function main() {
  const repositories = Number(process.env.BENCH_REPOSITORIES ?? 4000);
  const github = await startFakeGitHub({ quota: 1_000_000 });
  const targets = Array.from({ length: repositories }, (_, i) => {
    const slug = `shopfront/svc-${String(i).padStart(5, '0')}`;
    github.setRepository(slug, { files: repositoryFiles(i) });
    return { host: 'github.com', slug };
  });
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  const { scanStore } = await createDatabaseStores({
    getClient: async () => knex,
    migrations: { skip: false },
  });
  const integrations = ScmIntegrations.fromConfig(
    new ConfigReader({
      integrations: {
        github: [
          { host: 'github.com', apiBaseUrl: github.baseUrl, token: 'bench' },
        ],
      },
    }),
  );
  // a new job (and scanner) per run, as after a restart: the checkpoint lives in the database
  const createJob = () =>
    new RepositoryScanJob({
      scanners: [
        new GitHubRepositoryScanner({
          integrations,
          credentialsProvider:
            DefaultGithubCredentialsProvider.fromIntegrations(integrations),
          logger: silentLogger,
          maxRateLimitWaitSeconds: 0,
          retries: 0,
        }),
      ],
      store: scanStore,
      listTargets: async () => targets,
      detectionSettings: DEFAULT_DETECTION_SETTINGS,
      settings: { concurrency: 8, rescanIntervalMs: 0, progressEvery: 1000 },
      logger: silentLogger,
    });
  const signal = new AbortController().signal;
  const rows: string[] = [];
  const measureCycle = async (label: string) => {
    github.resetStats();
    const start = performance.now();
    const summary = await createJob().run(signal, new Date());
    const ms = performance.now() - start;
    rows.push(
      `| ${label} | ${repositories} | ${github.stats.requests} | ${(
        github.stats.requests / repositories
      ).toFixed(2)} | ${github.stats.notModified} | ${
        github.stats.quotaSpent
      } | ${(ms / repositories).toFixed(1)} | ${
        summary?.scanned ?? 0
      } scanned, ${summary?.unchanged ?? 0} unchanged |`,
    );
    return summary;
  };

  await measureCycle('first scan');
  await measureCycle('rescan, nothing changed');

  // a third cycle interrupted by the primary rate limit half way through
  for (let i = 0; i < repositories; i += 2) {
    github.setRepository(targets[i].slug, {
      files: { ...repositoryFiles(i), 'CHANGELOG.md': `change ${i}\n` },
    });
  }
  github.resetStats();
  // changed repositories cost two quota requests: the limit hits half way through them
  github.setRemainingQuota(repositories / 2);
  const interrupted = await createJob().run(signal, new Date());
  const firstPart = new Map(github.stats.perRepository);
  github.restoreQuota();
  github.resetStats();
  const resumed = await createJob().run(signal, new Date());
  const rescannedTwice = [...github.stats.perRepository.keys()].filter(slug => {
    const scan = firstPart.get(slug);
    return (
      scan !== undefined &&
      scan > 0 &&
      github.stats.perRepository.get(slug)! > 0
    );
  });
  // a repository whose check was cut by the limit is legitimately asked again
  const cutByLimit = rescannedTwice.length;

  console.log(
    '| cycle | repositories | requests | requests per repository | 304 answers | quota spent | seconds per 1,000 repositories | outcome |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
  console.log();
  console.log(
    `Interrupted cycle: paused until ${interrupted?.pausedUntil} after ${
      interrupted!.scanned + interrupted!.unchanged
    } of ${repositories} repositories; ` +
      `resumed cycle ${resumed?.cycleId} (same: ${
        resumed?.cycleId === interrupted?.cycleId
      }) started with ${resumed?.doneBefore} done, ` +
      `checked ${resumed!.scanned + resumed!.unchanged} more and finished: ${
        resumed?.finished
      }; ` +
      `repositories asked again after the pause: ${cutByLimit} (the ones whose check the limit cut)`,
  );
  console.log(
    `Peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  );
  await knex.destroy();
  await github.close();
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
