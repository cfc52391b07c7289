/**
 * Two replicas on one PostgreSQL: starts packages/backend twice from source
 * at the same moment (two ports, one fresh set of databases under a prefix of
 * this run) with every job of the plugin scheduled every few seconds, and
 * checks what docs/operations.md promises for several replicas:
 *
 * - the plugin starts on both and its migrations run once;
 * - every scheduled job runs once per interval across both replicas: no two
 *   runs of a job overlap, no scheduled slot runs twice, and the catalog
 *   sync's own job_runs log agrees;
 * - after the replica running a job is SIGKILLed mid-run, the other one runs
 *   that job once the dead run's lock expires, and the database holds no
 *   duplicate or half-written rows.
 *
 * The scheduler keeps only the current state of each task, so the runner adds
 * a trigger to the plugin's task table that logs every claim and release with
 * the replica that made it (the application_name of its connections). Prints
 * a JSON summary and `replicas: N passed, N failed`; fails, never skips,
 * without PostgreSQL. Takes 1.5 to 3 minutes, most of it the scheduler's
 * janitor, which frees an expired lock up to a minute late.
 *
 *   npm run test:replicas
 */
import knexFactory, { Knex } from 'knex';
import { Duration } from 'luxon';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startFakeHttpServer } from '../plugins/tracing-adoption-backend/src/__testUtils__/fakeHttpServer';
import { RunningBackend, startBackend } from './backend';
import { repoRoot } from './harness';

const POSTGRES_URL =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
  'postgresql://postgres@127.0.0.1:5432';
const PREFIX = `replicas_${process.pid}_${Date.now().toString(36)}_`;
const PLUGIN_DATABASE = `${PREFIX}tracing-adoption`;
const TASKS_TABLE = 'backstage_backend_tasks__tasks';
const MIGRATIONS = path.join(
  repoRoot,
  'plugins/tracing-adoption-backend/migrations',
);
const REPLICAS = ['replica-a', 'replica-b'] as const;

/** Long enough for several intervals of the slowest job (5 s). */
const OBSERVE_MS = 30_000;
const SLOW_JAEGER_TASK = 'tracing-adoption-trace-source-slow-jaeger';
const SLOW_JAEGER_DELAY_MS = 3_000;
/** The scheduler's janitor frees expired locks once a minute per replica. */
const JANITOR_PERIOD_MS = 60_000;
const LOG_LINES = 40;

interface Run {
  task_id: string;
  ticket: string;
  slot: Date | null;
  claimed_by: string;
  claimed_at: Date;
  expires_at: Date | null;
  released_by: string | null;
  released_at: Date | null;
  error: string | null;
}

const results: Array<{ name: string; ok: boolean; detail: string }> = [];
function check(name: string, ok: boolean, detail: unknown) {
  results.push({
    name,
    ok,
    detail: typeof detail === 'string' ? detail : JSON.stringify(detail),
  });
  console.log(`${ok ? '✓' : '✗'} ${name}`);
  if (!ok) {
    console.log(
      `    ${typeof detail === 'string' ? detail : JSON.stringify(detail)}`,
    );
  }
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

async function waitFor<T>(
  what: string,
  timeoutMs: number,
  probe: () => Promise<T | undefined>,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${timeoutMs / 1000} s waiting for ${what}`,
      );
    }
    await sleep(everyMs);
  }
}

function withApplicationName(url: string, name: string): string {
  const named = new URL(url);
  named.searchParams.set('application_name', name);
  return named.toString();
}

function database(name: string): Knex {
  const connection = new URL(POSTGRES_URL);
  connection.pathname = `/${encodeURIComponent(name)}`;
  return knexFactory({
    client: 'pg',
    connection: connection.toString(),
    pool: { min: 0, max: 2 },
  });
}

async function dropDatabases(admin: Knex) {
  const { rows } = await admin.raw(
    'SELECT datname FROM pg_database WHERE datname LIKE ?',
    [`${PREFIX}%`],
  );
  for (const { datname } of rows) {
    await admin.raw(`DROP DATABASE "${datname}" WITH (FORCE)`);
  }
  return rows.length as number;
}

/**
 * Logs every claim and release of a task with the replica that made it. The
 * trigger runs inside the scheduler's own statements, so it has no
 * constraint that could make a claim fail.
 */
async function recordTaskRuns(db: Knex) {
  await db.raw(`
    CREATE TABLE replicas_test_runs (
      task_id text, ticket text, slot timestamptz,
      claimed_by text, claimed_at timestamptz, expires_at timestamptz,
      released_by text, released_at timestamptz, error text
    )`);
  await db.raw(`
    CREATE FUNCTION replicas_test_record_run() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.current_run_ticket IS NOT NULL
         AND NEW.current_run_ticket IS DISTINCT FROM OLD.current_run_ticket THEN
        INSERT INTO replicas_test_runs (task_id, ticket, slot, claimed_by, claimed_at, expires_at)
        VALUES (NEW.id, NEW.current_run_ticket, OLD.next_run_start_at,
                current_setting('application_name'), NEW.current_run_started_at,
                NEW.current_run_expires_at);
      END IF;
      IF OLD.current_run_ticket IS NOT NULL
         AND OLD.current_run_ticket IS DISTINCT FROM NEW.current_run_ticket THEN
        UPDATE replicas_test_runs
           SET released_by = current_setting('application_name'),
               released_at = NEW.last_run_ended_at, error = NEW.last_run_error_json
         WHERE ticket = OLD.current_run_ticket;
      END IF;
      RETURN NEW;
    END $$`);
  await db.raw(`
    CREATE TRIGGER replicas_test_record_run AFTER UPDATE ON ${TASKS_TABLE}
    FOR EACH ROW EXECUTE FUNCTION replicas_test_record_run()`);
}

const listRuns = (db: Knex): Promise<Run[]> =>
  db('replicas_test_runs').orderBy(['task_id', 'claimed_at']);

const lostToTimeout = (run: Run) =>
  run.error !== null && run.error.includes('Task timed out');

/** Per task: runs, replicas, overlaps and slots run twice. */
function runStatistics(
  runs: Run[],
  frequencyMs: Map<string, number>,
  until: Date,
) {
  const byTask = new Map<string, Run[]>();
  for (const run of runs) {
    byTask.set(run.task_id, [...(byTask.get(run.task_id) ?? []), run]);
  }
  return [...byTask].map(([task, taskRuns]) => {
    let overlaps = 0;
    for (let i = 1; i < taskRuns.length; i++) {
      const previousEnd = taskRuns[i - 1].released_at ?? until;
      if (taskRuns[i].claimed_at < previousEnd) {
        overlaps += 1;
      }
    }
    // a run lost with its replica leaves its slot to be run again
    const completed = taskRuns.filter(r => r.released_at && !lostToTimeout(r));
    const slots = completed.map(r => r.slot?.getTime() ?? 0);
    const frequency = frequencyMs.get(task) ?? 0;
    const sortedSlots = [...slots].sort((a, b) => a - b);
    const closeSlots = sortedSlots.filter(
      (slot, i) => i > 0 && slot - sortedSlots[i - 1] < frequency,
    ).length;
    // slots start when the task is first due, which its first claim may follow late
    const span = until.getTime() - (sortedSlots[0] ?? until.getTime());
    return {
      task: task.replace(/^tracing-adoption-/, ''),
      frequencySeconds: frequency / 1000,
      runs: completed.length,
      maxRunsInSpan: Math.floor(span / frequency) + 1,
      byReplica: Object.fromEntries(
        REPLICAS.map(replica => [
          replica,
          completed.filter(r => r.claimed_by === replica).length,
        ]),
      ),
      overlaps,
      slotsRunTwice: slots.length - new Set(slots).size,
      slotsCloserThanFrequency: closeSlots,
    };
  });
}

async function main() {
  const started = performance.now();
  const admin = database('postgres');
  const backends = new Map<string, RunningBackend>();
  let pluginDb: Knex | undefined;
  let fake: Awaited<ReturnType<typeof startFakeHttpServer>> | undefined;
  const summary: Record<string, unknown> = { databasePrefix: PREFIX };
  let failed = false;

  const stopOnSignal = async (signal: NodeJS.Signals) => {
    console.log(`replicas: interrupted by ${signal}`);
    await Promise.all([...backends.values()].map(b => b.crash()));
    await dropDatabases(admin).catch(() => 0);
    process.exit(130);
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);

  try {
    try {
      await admin.raw('SELECT 1');
    } catch (error) {
      throw new Error(
        `PostgreSQL is not reachable at ${POSTGRES_URL.replace(
          /:[^:@/]*@/,
          ':***@',
        )} (${(error as Error).message}); ` +
          'start it (bash scripts/ensure-postgres.sh) or point BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING at one',
      );
    }

    let slowRequestAt = 0;
    fake = await startFakeHttpServer(() => {
      slowRequestAt = Date.now();
      return {
        status: 200,
        body: { data: [], total: 0, limit: 0, offset: 0, errors: null },
        delayMs: SLOW_JAEGER_DELAY_MS,
      };
    });

    const db = database(PLUGIN_DATABASE);
    pluginDb = db;
    // installed while the replicas boot, before the first initial delay ends
    const recorder = waitFor(
      `${TASKS_TABLE} in ${PLUGIN_DATABASE}`,
      300_000,
      async () => {
        const { rows: databases } = await admin.raw(
          'SELECT 1 FROM pg_database WHERE datname = ?',
          [PLUGIN_DATABASE],
        );
        if (databases.length === 0) {
          return undefined;
        }
        const { rows } = await db.raw('SELECT to_regclass(?) AS t', [
          TASKS_TABLE,
        ]);
        return rows[0].t ? true : undefined;
      },
      50,
    ).then(async () => {
      await recordTaskRuns(db);
      return db(TASKS_TABLE)
        .whereNotNull('last_run_ended_at')
        .orWhereNotNull('current_run_ticket')
        .pluck('id');
    });

    console.log(`== starting ${REPLICAS.join(' and ')} on ${PREFIX}*`);
    const startReplica = async (replica: string) => {
      const backend = await startBackend({
        configFile: path.join(repoRoot, 'e2e/app-config.replicas.yaml'),
        env: {
          // names the replica's connections, which the trigger records
          REPLICAS_DATABASE_URL: withApplicationName(POSTGRES_URL, replica),
          REPLICAS_DATABASE_PREFIX: PREFIX,
          REPLICAS_SLOW_JAEGER_URL: fake!.baseUrl,
        },
      });
      backends.set(replica, backend);
    };
    const bootStart = performance.now();
    const booted = await Promise.allSettled(REPLICAS.map(startReplica));
    summary.bootSeconds = Number(
      ((performance.now() - bootStart) / 1000).toFixed(1),
    );
    const startupFailures = booted.flatMap((outcome, i) => {
      if (outcome.status === 'fulfilled') {
        return [];
      }
      const message = String(outcome.reason?.message ?? outcome.reason);
      const causes = new Map(
        [
          ...message.matchAll(
            /Plugin '([^']+)' startup failed; caused by (.*?)(?: type="|\\n|$)/gm,
          ),
        ].map(([, plugin, cause]) => [plugin, cause]),
      );
      const plugins = [...causes].map(([plugin, cause]) => ({
        replica: REPLICAS[i],
        plugin,
        cause,
      }));
      return plugins.length > 0
        ? plugins
        : [{ replica: REPLICAS[i], plugin: 'unknown', cause: message }];
    });
    summary.startupFailures = startupFailures;
    check(
      'tracing-adoption starts on two replicas started at the same moment on fresh databases',
      startupFailures.every(
        f => f.plugin !== 'tracing-adoption' && f.plugin !== 'unknown',
      ),
      startupFailures,
    );
    // Backstage's own plugins may lose the race for their migration lock on
    // fresh databases and then never serve (backstage/charts#300); an
    // orchestrator restarts such a replica, and so does this runner, once.
    const restarted = REPLICAS.filter(replica => !backends.has(replica));
    summary.restartedAfterStartupFailure = restarted;
    for (const replica of restarted) {
      console.log(`== restarting ${replica} after its startup failure`);
      await startReplica(replica);
    }
    const ranBeforeRecording = await recorder;
    check(
      'every claim is recorded (no job ran before the trigger was in place)',
      ranBeforeRecording.length === 0,
      { ranBeforeRecording },
    );

    const migrationFiles = fs
      .readdirSync(MIGRATIONS)
      .filter(f => f.endsWith('.js'))
      .sort();
    const applied: Array<{ name: string; n: number }> = (
      await db.raw(
        'SELECT name, count(*)::int AS n FROM knex_migrations GROUP BY name ORDER BY name',
      )
    ).rows;
    const [{ batches }] = await db('knex_migrations').countDistinct({
      batches: 'batch',
    });
    const [lock] = await db('knex_migrations_lock').select('is_locked');
    summary.migrations = {
      files: migrationFiles.length,
      rows: applied.reduce((n, a) => n + a.n, 0),
      batches: Number(batches),
      locked: lock?.is_locked,
    };
    check(
      'the plugin migrations ran once: one knex_migrations row per file, in one batch, lock released',
      JSON.stringify(applied.map(a => [a.name, a.n])) ===
        JSON.stringify(migrationFiles.map(f => [f, 1])) &&
        Number(batches) === 1 &&
        lock?.is_locked === 0,
      summary.migrations,
    );
    const health = await Promise.all(
      [...backends.values()].map(
        async b =>
          (
            await fetch(`${b.baseUrl}/api/tracing-adoption/health`)
          ).status,
      ),
    );
    check(
      'both replicas answer /health',
      health.every(s => s === 200),
      { health },
    );

    const frequencyMs = new Map<string, number>(
      (await db(TASKS_TABLE).select('id', 'settings_json')).map(row => [
        row.id,
        Duration.fromISO(JSON.parse(row.settings_json).cadence).as(
          'milliseconds',
        ),
      ]),
    );

    console.log(`== observing both replicas for ${OBSERVE_MS / 1000} s`);
    await sleep(OBSERVE_MS);
    const [{ now: observedUntil }] = (await db.raw('SELECT now()')).rows;
    const observed = runStatistics(
      await listRuns(db),
      frequencyMs,
      observedUntil,
    );
    summary.observeSeconds = OBSERVE_MS / 1000;
    summary.runsPerJob = observed;
    check(
      `every job of the plugin ran (${frequencyMs.size} jobs)`,
      observed.length === frequencyMs.size && observed.every(s => s.runs > 0),
      observed.map(s => `${s.task}: ${s.runs}`).join(', '),
    );
    check(
      'no two runs of a job overlapped, across both replicas',
      observed.every(s => s.overlaps === 0),
      observed.filter(s => s.overlaps > 0),
    );
    check(
      'no scheduled slot ran twice and slots are a frequency apart: at most one run per interval',
      observed.every(
        s =>
          s.slotsRunTwice === 0 &&
          s.slotsCloserThanFrequency === 0 &&
          s.runs <= s.maxRunsInSpan,
      ),
      observed.filter(
        s =>
          s.slotsRunTwice > 0 ||
          s.slotsCloserThanFrequency > 0 ||
          s.runs > s.maxRunsInSpan,
      ),
    );
    check(
      'both replicas took part in running the jobs',
      REPLICAS.every(r => observed.some(s => s.byReplica[r] > 0)),
      observed.map(s => s.byReplica),
    );

    const jobRuns: Array<{
      started_at: Date;
      finished_at: Date | null;
      status: string;
    }> = await db('job_runs')
      .where({ job: 'catalog-sync' })
      .orderBy('started_at');
    const jobRunOverlaps = jobRuns.filter(
      (run, i) =>
        i > 0 && run.started_at < (jobRuns[i - 1].finished_at ?? observedUntil),
    ).length;
    const catalogSync = observed.find(s => s.task === 'catalog-sync');
    summary.catalogSyncJobRuns = {
      rows: jobRuns.length,
      overlaps: jobRunOverlaps,
      schedulerRuns: catalogSync?.runs,
    };
    check(
      'job_runs of the catalog sync do not overlap and match the scheduler runs',
      jobRunOverlaps === 0 &&
        catalogSync !== undefined &&
        Math.abs(jobRuns.length - catalogSync.runs) <= 1,
      summary.catalogSyncJobRuns,
    );

    console.log(
      `== killing the replica that runs ${SLOW_JAEGER_TASK} in the middle of its run`,
    );
    const victimRun = await waitFor(
      `a run of ${SLOW_JAEGER_TASK} waiting for the slow Jaeger`,
      60_000,
      async () => {
        const [open] = await listRuns(db).then(runs =>
          runs.filter(
            r => r.task_id === SLOW_JAEGER_TASK && r.released_at === null,
          ),
        );
        const requestAge = Date.now() - slowRequestAt;
        return open &&
          slowRequestAt > open.claimed_at.getTime() &&
          requestAge < SLOW_JAEGER_DELAY_MS - 1000
          ? open
          : undefined;
      },
      50,
    );
    const victim = victimRun.claimed_by;
    const survivor = REPLICAS.find(r => r !== victim)!;
    await backends.get(victim)!.crash();
    const killedAt = new Date();
    const heldAtKill = (await listRuns(db)).filter(
      r => r.claimed_by === victim && r.released_at === null,
    );

    const takeover = await waitFor(
      `${survivor} to run ${SLOW_JAEGER_TASK} again`,
      victimRun.expires_at!.getTime() - Date.now() + JANITOR_PERIOD_MS + 30_000,
      async () =>
        (
          await listRuns(db)
        ).find(
          r =>
            r.task_id === SLOW_JAEGER_TASK &&
            r.claimed_at > killedAt &&
            r.released_at !== null,
        ),
      250,
    );
    const [lost] = (await listRuns(db)).filter(
      r => r.ticket === victimRun.ticket,
    );
    const seconds = (from: Date, to: Date | null) =>
      to ? Number(((to.getTime() - from.getTime()) / 1000).toFixed(1)) : null;
    summary.kill = {
      victim,
      survivor,
      heldAtKill: heldAtKill.map(r => r.task_id),
      lockExpiresAfterKillSeconds: seconds(killedAt, victimRun.expires_at),
      lockReleasedAfterKillSeconds: seconds(killedAt, lost.released_at),
      takeoverAfterKillSeconds: seconds(killedAt, takeover.claimed_at),
      takeoverAfterLockExpirySeconds: seconds(
        victimRun.expires_at!,
        takeover.claimed_at,
      ),
      lostRunReleasedBy: lost.released_by,
      lostRunError: lost.error && JSON.parse(lost.error).message,
    };
    check(
      `${survivor} ran the job after the dead run's lock expired (task timeout), not before`,
      takeover.claimed_by === survivor &&
        takeover.claimed_at >= victimRun.expires_at! &&
        lost.released_by === survivor &&
        lostToTimeout(lost),
      summary.kill,
    );

    const runsSinceKill = (await listRuns(db)).filter(
      r => r.claimed_at > killedAt,
    );
    const premature = heldAtKill.filter(held =>
      runsSinceKill.some(
        r => r.task_id === held.task_id && r.claimed_at < held.expires_at!,
      ),
    );
    check(
      `no job the killed replica held ran again before its lock expired (${heldAtKill.length} held)`,
      premature.length === 0,
      premature.map(r => r.task_id),
    );

    const [{ now: endedAt }] = (await db.raw('SELECT now()')).rows;
    const all = runStatistics(await listRuns(db), frequencyMs, endedAt);
    summary.runsPerJobAfterKill = all.map(s => ({
      task: s.task,
      runs: s.runs,
      byReplica: s.byReplica,
      overlaps: s.overlaps,
      slotsRunTwice: s.slotsRunTwice,
    }));
    check(
      `after the kill ${survivor} alone runs the jobs, with no overlap or slot run twice`,
      runsSinceKill.length > 0 &&
        runsSinceKill.every(r => r.claimed_by === survivor) &&
        all.every(s => s.overlaps === 0 && s.slotsRunTwice === 0),
      summary.runsPerJobAfterKill,
    );

    const status: Array<{
      subject_kind: string;
      subject_key: string;
      document: string;
    }> = await db('rollout_status');
    const incomplete = status.filter(row => {
      try {
        const document = JSON.parse(row.document);
        return row.subject_kind === 'operation'
          ? !document.maturity || !document.coverage
          : typeof document !== 'object' || document === null;
      } catch {
        return true;
      }
    });
    const [{ duplicates }] = (
      await db.raw(`SELECT count(*)::int AS duplicates FROM (
        SELECT 1 FROM rollout_snapshots GROUP BY day, subject_kind, subject_key HAVING count(*) > 1) d`)
    ).rows;
    const snapshotDays: Array<{ day: string; rows: number; subjects: number }> =
      (
        await db.raw(`SELECT day, count(*)::int AS rows,
          count(DISTINCT subject_kind || ':' || subject_key)::int AS subjects
          FROM rollout_snapshots GROUP BY day ORDER BY day`)
      ).rows;
    const badFigures = (await db('rollout_snapshots').pluck('figures')).filter(
      (figures: string) => {
        try {
          return typeof JSON.parse(figures) !== 'object';
        } catch {
          return true;
        }
      },
    ).length;
    const catalogRunsHeld = heldAtKill.filter(
      r => r.task_id === 'tracing-adoption-catalog-sync',
    ).length;
    const unfinishedJobRuns: number = (
      await db('job_runs')
        .whereNull('finished_at')
        .where('started_at', '<', killedAt)
    ).length;
    summary.integrity = {
      rolloutStatusRows: status.length,
      rolloutStatusIncomplete: incomplete.length,
      snapshotDays,
      snapshotDuplicates: duplicates,
      snapshotUnreadableFigures: badFigures,
      jobRunsLeftRunningByKill: unfinishedJobRuns,
      catalogSyncHeldByVictimAtKill: catalogRunsHeld,
    };
    check(
      'rollout_status holds complete documents, rollout_snapshots one row per day and subject',
      status.length > 0 &&
        incomplete.length === 0 &&
        duplicates === 0 &&
        badFigures === 0 &&
        snapshotDays.length > 0 &&
        snapshotDays.every(d => d.rows === d.subjects),
      summary.integrity,
    );
    check(
      'no job_runs row from before the kill is left half-written, except a run the killed replica held',
      unfinishedJobRuns <= catalogRunsHeld,
      summary.integrity,
    );
  } catch (error) {
    check('the run completes', false, String((error as Error).stack ?? error));
  } finally {
    failed = results.some(r => !r.ok);
    for (const [replica, backend] of backends) {
      if (failed) {
        console.log(`-- ${replica} log, last ${LOG_LINES} lines`);
        console.log(backend.logTail(LOG_LINES).replace(/^/gm, '    '));
      }
      await backend.stop({ keepData: failed });
      if (failed) {
        console.log(`${replica} log kept in ${backend.dataDir}`);
      }
    }
    await fake?.close();
    await pluginDb?.destroy();
    summary.droppedDatabases = await dropDatabases(admin).catch(() => 0);
    await admin.destroy();
  }
  summary.totalSeconds = Number(
    ((performance.now() - started) / 1000).toFixed(1),
  );
  console.log(JSON.stringify(summary, null, 2));
  const passed = results.filter(r => r.ok).length;
  console.log(`replicas: ${passed} passed, ${results.length - passed} failed`);
  process.exitCode = failed ? 1 : 0;
}

main();
