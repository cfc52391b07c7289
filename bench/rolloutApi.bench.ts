/**
 * Rollout API benchmark: a synthetic organisation of 4,000 services in 400
 * teams, 300 critical operations and 90 days of snapshots, served by a real
 * backend (catalog + tracing-adoption) on PostgreSQL. Reports p50/p95 of the
 * overview and team endpoints against p95 of the catalog's listing of the
 * same 4,000 entities, measured in one run, plus the evaluation time and the
 * process's peak RSS.
 *
 *   npm run bench:rollout     (BENCH_SERVICES=4000 BENCH_OPERATIONS=300 BENCH_DAYS=90)
 */
import { createBackend } from '@backstage/backend-defaults';
import {
  LoggerService,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import {
  CriticalOperationInput,
  Span,
  Trace,
  analyzeOperation,
  utcDay,
} from '@internal/plugin-tracing-adoption-common';
import knexFactory, { Knex } from 'knex';
import { performance } from 'node:perf_hooks';
import { createDatabaseStores } from '../plugins/tracing-adoption-backend/src/database/createDatabaseStores';
import { RolloutEvaluator } from '../plugins/tracing-adoption-backend/src/rollout/RolloutEvaluator';
import { SnapshotRow } from '../plugins/tracing-adoption-backend/src/rollout/RolloutStore';
import { SourceHealthReader } from '../plugins/tracing-adoption-backend/src/service/traceViews';

const SERVICES = Number(process.env.BENCH_SERVICES ?? 4000);
const OPERATIONS = Number(process.env.BENCH_OPERATIONS ?? 300);
const DAYS = Number(process.env.BENCH_DAYS ?? 90);
const TEAMS = Math.max(1, Math.round(SERVICES / 10));
const REQUESTS = 100;
const PORT = 7117;
const PREFIX = 'bench_rollout_';
const TOKEN = 'bench-rollout-static-token-0123456789';
const PG = { host: '127.0.0.1', port: 5432, user: 'postgres' };

const serviceName = (i: number) => `svc-${String(i).padStart(4, '0')}`;
const teamName = (i: number) => `team-${String(i).padStart(3, '0')}`;

/** A deterministic pseudo-random sequence, so every run builds the same org. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function componentEntities() {
  return Array.from({ length: SERVICES }, (_, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: serviceName(i),
      annotations: {
        'backstage.io/managed-by-location': 'bench:synthetic',
        'backstage.io/managed-by-origin-location': 'bench:synthetic',
        'tracing-adoption/service-name': serviceName(i),
      },
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: `group:default/${teamName(i % TEAMS)}`,
    },
  }));
}

const syntheticCatalog = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'bench-synthetic-org',
  register(env) {
    env.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addEntityProvider({
          getProviderName: () => 'bench-synthetic-org',
          async connect(connection) {
            await connection.applyMutation({
              type: 'full',
              entities: componentEntities().map(entity => ({
                entity,
                locationKey: 'bench:synthetic',
              })),
            });
          },
        });
      },
    });
  },
});

/** A server span per participant chained from the edge; some hops answer with no spans. */
function operationTraces(
  operation: number,
  participants: string[],
  uninstrumented: Set<string>,
): Trace[] {
  return Array.from({ length: 5 }, (_, t) => {
    const traceId = `${String(operation).padStart(16, '0')}${String(t).padStart(
      16,
      '0',
    )}`;
    const spans: Span[] = [];
    let parent: string | undefined;
    participants.forEach((service, depth) => {
      const base = {
        traceId,
        references: [],
        resource: { 'service.name': service },
        events: [],
        status: { code: 'unset' as const },
        startTimeUs: 1_764_000_000_000_000 + t * 1_000_000 + depth * 100,
        durationUs: 10_000 - depth * 100,
      };
      const spanId = `${String(depth).padStart(8, '0')}${String(t).padStart(
        8,
        '0',
      )}`;
      if (uninstrumented.has(service)) {
        spans.push({
          ...base,
          spanId: `c${spanId.slice(1)}`,
          parentSpanId: parent,
          name: 'GET',
          kind: 'client',
          serviceName: participants[depth - 1],
          resource: { 'service.name': participants[depth - 1] },
          attributes: { 'peer.service': service },
        });
        return;
      }
      spans.push({
        ...base,
        spanId,
        parentSpanId: parent,
        name: depth === 0 ? `GET /api/op-${operation}` : `GET /${service}`,
        kind: 'server',
        serviceName: service,
        attributes:
          depth === 0
            ? {
                'http.request.method': 'GET',
                'http.route': `/api/op-${operation}`,
              }
            : {},
      });
      parent = spanId;
    });
    return { traceId, spans };
  });
}

async function dropBenchDatabases(admin: Knex) {
  const { rows } = await admin.raw(
    `SELECT datname FROM pg_database WHERE datname LIKE '${PREFIX}%'`,
  );
  for (const { datname } of rows) {
    await admin.raw(`DROP DATABASE "${datname}" WITH (FORCE)`);
  }
}

async function get(path: string): Promise<{ ms: number; bytes: number }> {
  const start = performance.now();
  const response = await fetch(`http://localhost:${PORT}${path}`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  const body = await response.arrayBuffer();
  if (!response.ok) {
    throw new Error(`${path} answered ${response.status}`);
  }
  return { ms: performance.now() - start, bytes: body.byteLength };
}

async function latency(path: string) {
  for (let i = 0; i < 10; i++) {
    await get(path);
  }
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < REQUESTS; i++) {
    const result = await get(path);
    times.push(result.ms);
    bytes = result.bytes;
  }
  times.sort((a, b) => a - b);
  const pick = (q: number) => times[Math.ceil(q * times.length) - 1];
  return { path, p50: pick(0.5), p95: pick(0.95), kB: bytes / 1024 };
}

async function waitFor(what: string, check: () => Promise<boolean>) {
  const deadline = Date.now() + 10 * 60_000;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}`);
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
}

const silentLogger: LoggerService = {
  error() {},
  warn() {},
  info() {},
  debug() {},
  child: () => silentLogger,
};

async function main() {
  // request logs of the polling and the measured requests would drown the result
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'warn';
  const admin = knexFactory({
    client: 'pg',
    connection: { ...PG, database: 'postgres' },
  });
  await dropBenchDatabases(admin);

  const backend = createBackend();
  backend.add(
    mockServices.rootConfig.factory({
      data: {
        app: { baseUrl: `http://localhost:${PORT}` },
        backend: {
          baseUrl: `http://localhost:${PORT}`,
          listen: { port: PORT },
          database: { client: 'pg', connection: PG, prefix: PREFIX },
          auth: {
            externalAccess: [
              { type: 'static', options: { token: TOKEN, subject: 'bench' } },
            ],
          },
        },
        catalog: { processingInterval: { minutes: 60 } },
        tracingAdoption: {
          catalogSync: {
            schedule: {
              frequency: { hours: 24 },
              timeout: { minutes: 5 },
              initialDelay: { hours: 24 },
            },
          },
          analysis: {
            schedule: {
              frequency: { hours: 24 },
              timeout: { minutes: 5 },
              initialDelay: { hours: 24 },
            },
          },
          rollout: {
            snapshotSchedule: {
              frequency: { hours: 24 },
              timeout: { minutes: 5 },
              initialDelay: { hours: 24 },
            },
          },
          scanning: {
            schedule: {
              frequency: { hours: 24 },
              timeout: { minutes: 5 },
              initialDelay: { hours: 24 },
            },
          },
        },
      },
    }),
  );
  backend.add(import('@backstage/plugin-catalog-backend'));
  backend.add(syntheticCatalog);
  backend.add(import('@internal/plugin-tracing-adoption-backend'));
  const started = performance.now();
  await backend.start();

  const catalogStart = performance.now();
  await waitFor('the catalog to process every component', async () => {
    const response = await fetch(
      `http://localhost:${PORT}/api/catalog/entities/by-query?filter=kind=component&limit=1`,
      { headers: { authorization: `Bearer ${TOKEN}` } },
    );
    return (await response.json()).totalItems === SERVICES;
  });
  const catalogReadyMs = performance.now() - catalogStart;

  const knex = knexFactory({
    client: 'pg',
    connection: { ...PG, database: `${PREFIX}tracing-adoption` },
  });
  const { store, traceStore, scanStore, rolloutStore } =
    await createDatabaseStores(
      mockServices.database({ knex, migrations: { skip: true } }),
    );
  await store.replaceCatalog({
    services: Array.from({ length: SERVICES }, (_, i) => ({
      entityRef: `component:default/${serviceName(i)}`,
      serviceName: serviceName(i),
      ownerRef: `group:default/${teamName(i % TEAMS)}`,
    })),
    teams: Array.from({ length: TEAMS }, (_, i) => ({
      entityRef: `group:default/${teamName(i)}`,
      name: teamName(i),
    })),
    systems: [],
  });
  const next = random(42);
  const campaigns = ['cyber-week', 'black-friday', 'holiday'];
  const now = new Date();
  for (const id of campaigns) {
    await rolloutStore.createCampaign(
      {
        id,
        name: id,
        startDate: '2026-08-01',
        deadline: '2026-12-01',
        targetMaturity: 'walk',
      },
      now,
    );
  }
  const analyses = [];
  for (let i = 0; i < OPERATIONS; i++) {
    const participants = Array.from(
      { length: 8 + Math.floor(next() * 8) },
      () => serviceName(Math.floor(next() * SERVICES)),
    ).filter((name, index, all) => all.indexOf(name) === index);
    const uninstrumented = new Set(
      participants.slice(1).filter(() => next() < 0.15),
    );
    const input: CriticalOperationInput = {
      id: `op-${i}`,
      name: `Operation ${i}`,
      entry: {
        entryService: participants[0],
        httpRoute: `/api/op-${i}`,
        httpMethod: 'GET',
      },
      peakRequestsPerSecond: Math.round(next() * 5000),
      tier: (1 + (i % 3)) as 1 | 2 | 3,
      ownerRef: `group:default/${teamName(i % TEAMS)}`,
      campaignId: campaigns[i % campaigns.length],
      declaredParticipants: [serviceName(Math.floor(next() * SERVICES))],
    };
    const operation = await rolloutStore.createOperation(input, now);
    analyses.push({
      operationId: operation.id,
      entry: operation.entry,
      analyzedAt: now.toISOString(),
      analysis: {
        result: analyzeOperation({
          operation: operation.entry,
          traces: operationTraces(i, participants, uninstrumented),
        }),
        sourceIds: [],
        traceSources: {},
      },
    });
  }
  await rolloutStore.saveOperationAnalyses(analyses);

  const evaluator = new RolloutEvaluator({
    store,
    traceStore,
    scanStore,
    rolloutStore,
    sourceHealth: new SourceHealthReader({
      traceStore,
      knownSources: [],
      staleAfterMs: 3_600_000,
    }),
    logger: silentLogger,
  });
  const evaluationStart = performance.now();
  await evaluator.evaluate(now);
  const evaluationMs = performance.now() - evaluationStart;

  const snapshots: SnapshotRow[] = [];
  for (let day = DAYS; day >= 1; day--) {
    const date = utcDay(new Date(now.getTime() - day * 86_400_000));
    const progress = (DAYS - day) / DAYS;
    for (let i = 0; i < OPERATIONS; i++) {
      snapshots.push({
        day: date,
        kind: 'operation',
        key: `op-${i}`,
        figures: {
          maturity: progress > 0.5 ? 'crawl' : 'none',
          covered: Math.round(progress * 10),
          total: 10,
        },
      });
    }
    for (let i = 0; i < TEAMS; i++) {
      snapshots.push({
        day: date,
        kind: 'team',
        key: `group:default/${teamName(i)}`,
        figures: {
          blockingOperations: 3,
          servicesOnCriticalOperations: 5,
          servicesEndToEnd: Math.round(progress * 5),
          complianceScore: 0.8,
        },
      });
    }
    for (const id of campaigns) {
      snapshots.push({
        day: date,
        kind: 'campaign',
        key: id,
        figures: {
          atTarget: Math.round(progress * 30),
          total: OPERATIONS / campaigns.length,
        },
      });
    }
  }
  await rolloutStore.saveSnapshots(snapshots);

  const results = [];
  for (const path of [
    '/api/catalog/entities?filter=kind=component',
    '/api/tracing-adoption/rollout/overview',
    '/api/tracing-adoption/rollout/teams',
    `/api/tracing-adoption/rollout/teams/default/${teamName(7)}`,
    '/api/tracing-adoption/critical-operations',
  ]) {
    results.push(await latency(path));
  }
  const catalogP95 = results[0].p95;
  console.log(
    JSON.stringify(
      {
        services: SERVICES,
        teams: TEAMS,
        operations: OPERATIONS,
        snapshotRows: snapshots.length,
        backendStartMs: Math.round(catalogStart - started),
        catalogReadyMs: Math.round(catalogReadyMs),
        evaluationMs: Math.round(evaluationMs),
        requestsPerEndpoint: REQUESTS,
        endpoints: results.map(r => ({
          path: r.path,
          p50Ms: Number(r.p50.toFixed(1)),
          p95Ms: Number(r.p95.toFixed(1)),
          responseKB: Math.round(r.kB),
          p95VsCatalogListing: Number((r.p95 / catalogP95).toFixed(2)),
        })),
        peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      },
      null,
      2,
    ),
  );
  await knex.destroy();
  await backend.stop();
  await dropBenchDatabases(admin);
  await admin.destroy();
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
