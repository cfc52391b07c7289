/**
 * OTLP receiver load benchmark: starts the real backend (packages/backend from
 * source, SQLite) as a child process and drives `POST /api/tracing-adoption/v1/traces`
 * from a second process with autocannon on loopback, with OTLP protobuf
 * exports of the synthetic shop traffic (bench/generateTraces.ts; fresh trace
 * ids in every request, timestamps of now). Phases of BENCH_PHASE_SECONDS:
 *
 * 1. the rollout overview read by BENCH_READERS concurrent readers, idle;
 * 2. ingestion, ingestion with the same readers, ingestion again (by then
 *    every operation's sample is full, so memory should stay flat);
 * 3. a second backend with a small `receiver.maxPendingSpans`, driven above
 *    its capacity.
 *
 * Reports spans/s accepted, p50/p99 latency and status codes per phase, the
 * backend's RSS sampled every 250 ms (peak, and per phase the slope of its
 * floor), the overview's latency idle and under ingestion, and whether every
 * refusal above capacity carries Retry-After.
 * Prints a JSON summary.
 *
 *   npm run bench:receiver   (BENCH_PHASE_SECONDS=20 BENCH_CONNECTIONS=8
 *                             BENCH_SPANS_PER_REQUEST=500 BENCH_READERS=4
 *                             BENCH_SMALL_CAPACITY=5000)
 */
import knexFactory from 'knex';
import { spawn } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { RunningBackend, startBackend } from '../e2e/backend';
import { repoRoot } from '../e2e/harness';
import { generateShopTraces, toOtlpProtobuf } from './generateTraces';

const PHASE_SECONDS = Number(process.env.BENCH_PHASE_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const SPANS_PER_REQUEST = Number(process.env.BENCH_SPANS_PER_REQUEST ?? 500);
const READERS = Number(process.env.BENCH_READERS ?? 4);
const SMALL_CAPACITY = Number(process.env.BENCH_SMALL_CAPACITY ?? 5000);
/** The receiver's default. */
const CAPACITY = 200_000;
const TOKEN = 'bench-receiver-static-token-0123456789';
const RSS_SAMPLE_MS = 250;
const RSS_FLOOR_BUCKET_MS = 2000;

interface AutocannonResult {
  requests: { total: number };
  latency: { p50: number; p99: number };
  statusCodeStats: Record<string, { count: number }>;
  errors: number;
  timeouts: number;
  duration: number;
}

// autocannon ships no type declarations
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon: (
  options: object,
) => Promise<AutocannonResult> = require('autocannon');

interface DriverOptions {
  baseUrl: string;
  seconds: number;
  ingest: boolean;
  readers: number;
}

interface Load {
  requests: number;
  latencyMs: { p50: number; p99: number };
  statusCodes: Record<string, number>;
  errors: number;
  timeouts: number;
  seconds: number;
}

interface DriverResult {
  spansPerRequest: number;
  bodyKB: number;
  ingest?: Load & { refusals: number; refusalsWithRetryAfter: number };
  readers?: Load;
}

/**
 * One OTLP protobuf export of about `spans` spans whose trace ids are
 * replaced with random ones in every copy, so that no two requests carry the
 * same trace, as SDK batches of real traffic.
 */
function exportTemplate(spans: number) {
  const generated = generateShopTraces(spans);
  const lastEndUs = Math.max(
    ...generated.flatMap(t => t.spans.map(s => s.startUs + s.durationUs)),
  );
  const shiftUs = Date.now() * 1000 - lastEndUs;
  const traces = generated.map(trace => ({
    ...trace,
    spans: trace.spans.map(span => ({
      ...span,
      startUs: span.startUs + shiftUs,
    })),
  }));
  const body = toOtlpProtobuf(traces);
  const offsets = traces.map(trace => {
    const id = Buffer.from(trace.traceId, 'hex');
    const found: number[] = [];
    for (let at = body.indexOf(id); at >= 0; at = body.indexOf(id, at + 1)) {
      found.push(at);
    }
    return found;
  });
  const ids = Buffer.alloc(16 * traces.length);
  return {
    spans: traces.reduce((n, t) => n + t.spans.length, 0),
    bytes: body.length,
    next(): Buffer {
      const copy = Buffer.from(body);
      randomFillSync(ids);
      offsets.forEach((list, trace) => {
        for (const at of list) {
          ids.copy(copy, at, trace * 16, trace * 16 + 16);
        }
      });
      return copy;
    },
  };
}

function load(result: AutocannonResult): Load {
  return {
    requests: result.requests.total,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99 },
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats).map(([code, { count }]) => [
        code,
        Number(count),
      ]),
    ),
    errors: result.errors,
    timeouts: result.timeouts,
    seconds: result.duration,
  };
}

/** The second process: autocannon against the backend, result as JSON. */
async function drive(options: DriverOptions): Promise<DriverResult> {
  const template = exportTemplate(SPANS_PER_REQUEST);
  const auth = { authorization: `Bearer ${TOKEN}` };
  let refusals = 0;
  let refusalsWithRetryAfter = 0;
  const [ingest, readers] = await Promise.all([
    options.ingest
      ? autocannon({
          url: `${options.baseUrl}/api/tracing-adoption/v1/traces`,
          method: 'POST',
          connections: CONNECTIONS,
          duration: options.seconds,
          headers: { ...auth, 'content-type': 'application/x-protobuf' },
          requests: [
            {
              setupRequest: (request: object) => ({
                ...request,
                body: template.next(),
              }),
              onResponse: (
                status: number,
                _body: string,
                _context: object,
                headers: Record<string, string>,
              ) => {
                if (status === 503 || status === 429) {
                  refusals += 1;
                  const retryAfter = Object.entries(headers).find(
                    ([name]) => name.toLowerCase() === 'retry-after',
                  )?.[1];
                  if (Number(retryAfter) > 0) {
                    refusalsWithRetryAfter += 1;
                  }
                }
              },
            },
          ],
        })
      : undefined,
    options.readers > 0
      ? autocannon({
          url: `${options.baseUrl}/api/tracing-adoption/rollout/overview`,
          connections: options.readers,
          duration: options.seconds,
          headers: auth,
        })
      : undefined,
  ]);
  return {
    spansPerRequest: template.spans,
    bodyKB: Math.round(template.bytes / 1024),
    ingest: ingest && { ...load(ingest), refusals, refusalsWithRetryAfter },
    readers: readers && load(readers),
  };
}

function runDriver(options: DriverOptions): Promise<DriverResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '-r',
        '@backstage/cli/config/nodeTransform.cjs',
        __filename,
        '--driver',
        JSON.stringify(options),
      ],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    child.stdout.on('data', chunk => {
      output += chunk;
    });
    child.once('error', reject);
    child.once('exit', code =>
      code === 0
        ? resolve(JSON.parse(output.trim().split('\n').pop()!))
        : reject(new Error(`the load driver exited with ${code}`)),
    );
  });
}

/** Resident memory of a process, from /proc, sampled in the background. */
function sampleRss(pid: number) {
  const samples: Array<{ at: number; mb: number }> = [];
  let timer: NodeJS.Timeout | undefined;
  const read = () => {
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      const kB = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      samples.push({ at: Date.now(), mb: kB / 1024 });
    } catch {
      // the backend has exited; the phase that runs reports why
      clearInterval(timer);
    }
  };
  read();
  timer = setInterval(read, RSS_SAMPLE_MS);
  return {
    stop: () => clearInterval(timer),
    /**
     * Start, end and peak of the samples in [from, to], and the slope of the
     * lowest sample of every 2 s: garbage collection makes RSS a sawtooth,
     * whose floor rises only when memory is really kept.
     */
    between(from: number, to: number) {
      const window = samples.filter(s => s.at >= from && s.at <= to);
      const floors = new Map<number, { at: number; mb: number }>();
      for (const sample of window) {
        const bucket = Math.floor((sample.at - from) / RSS_FLOOR_BUCKET_MS);
        const floor = floors.get(bucket);
        if (!floor || sample.mb < floor.mb) {
          floors.set(bucket, sample);
        }
      }
      const points = [...floors.values()];
      const meanT = points.reduce((sum, p) => sum + p.at, 0) / points.length;
      const meanM = points.reduce((sum, p) => sum + p.mb, 0) / points.length;
      const slopePerMs =
        points.reduce((sum, p) => sum + (p.at - meanT) * (p.mb - meanM), 0) /
        points.reduce((sum, p) => sum + (p.at - meanT) ** 2, 0);
      return {
        startMB: Math.round(window[0].mb),
        endMB: Math.round(window[window.length - 1].mb),
        peakMB: Math.round(Math.max(...window.map(s => s.mb))),
        floorSlopeMBPerMinute: Number((slopePerMs * 60_000).toFixed(1)),
      };
    },
    peakMB: () => Math.round(Math.max(...samples.map(s => s.mb))),
  };
}

async function phase(
  backend: RunningBackend,
  rss: ReturnType<typeof sampleRss>,
  name: string,
  options: Omit<DriverOptions, 'baseUrl' | 'seconds'>,
) {
  console.error(`== ${name} (${PHASE_SECONDS} s)`);
  const from = Date.now();
  const result = await runDriver({
    baseUrl: backend.baseUrl,
    seconds: PHASE_SECONDS,
    ...options,
  });
  const memory = rss.between(from, Date.now());
  const accepted = result.ingest?.statusCodes['200'] ?? 0;
  return {
    phase: name,
    ingest: result.ingest && {
      ...result.ingest,
      spansPerRequest: result.spansPerRequest,
      bodyKB: result.bodyKB,
      spansAcceptedPerSecond: Math.round(
        (accepted * result.spansPerRequest) / result.ingest.seconds,
      ),
    },
    overview: result.readers,
    rss: memory,
  };
}

async function withBackend<T>(
  maxPendingSpans: number,
  run: (
    backend: RunningBackend,
    rss: ReturnType<typeof sampleRss>,
  ) => Promise<T>,
): Promise<T & { pendingSpansAtEnd: number; peakRssMB: number }> {
  const backend = await startBackend({
    configFile: path.join(repoRoot, 'bench/app-config.receiver.yaml'),
    env: {
      BENCH_MAX_PENDING_SPANS: String(maxPendingSpans),
      DEMO_SHOP_OTLP_TOKEN: TOKEN,
      // a request log line per export would cost more than the export
      LOG_LEVEL: 'warn',
    },
  });
  const rss = sampleRss(backend.pid);
  try {
    const result = await run(backend, rss);
    rss.stop();
    await backend.stop({ keepData: true });
    const database = knexFactory({
      client: 'better-sqlite3',
      connection: {
        filename: path.join(backend.dataDir, 'sqlite/tracing-adoption.sqlite'),
      },
      useNullAsDefault: true,
    });
    const [{ pending }] = await database('received_spans').sum({
      pending: 'span_count',
    });
    await database.destroy();
    return {
      ...result,
      pendingSpansAtEnd: Number(pending ?? 0),
      peakRssMB: rss.peakMB(),
    };
  } finally {
    rss.stop();
    await backend.stop({ keepData: false });
  }
}

async function main() {
  const underCapacity = await withBackend(CAPACITY, async (backend, rss) => {
    const phases = [
      await phase(backend, rss, 'overview readers, no ingestion', {
        ingest: false,
        readers: READERS,
      }),
      await phase(backend, rss, 'ingestion 1', { ingest: true, readers: 0 }),
      await phase(backend, rss, 'ingestion 2 with overview readers', {
        ingest: true,
        readers: READERS,
      }),
      await phase(backend, rss, 'ingestion 3', { ingest: true, readers: 0 }),
    ];
    return { maxPendingSpans: CAPACITY, phases };
  });
  const overCapacity = await withBackend(
    SMALL_CAPACITY,
    async (backend, rss) => ({
      maxPendingSpans: SMALL_CAPACITY,
      phases: [
        await phase(backend, rss, 'ingestion above capacity', {
          ingest: true,
          readers: 0,
        }),
      ],
    }),
  );

  const [idle, , loaded, last] = underCapacity.phases;
  const [above] = overCapacity.phases;
  const readers = (p: typeof idle) =>
    p.overview && {
      ...p.overview.latencyMs,
      requestsPerSecond: Math.round(p.overview.requests / p.overview.seconds),
    };
  console.log(
    JSON.stringify(
      {
        phaseSeconds: PHASE_SECONDS,
        connections: CONNECTIONS,
        readers: READERS,
        underCapacity,
        overCapacity,
        summary: {
          ingestion: {
            spansAcceptedPerSecond: last.ingest?.spansAcceptedPerSecond,
            latencyMs: last.ingest?.latencyMs,
            statusCodes: last.ingest?.statusCodes,
            peakRssMB: underCapacity.peakRssMB,
            lastPhaseRssFloorSlopeMBPerMinute: last.rss.floorSlopeMBPerMinute,
          },
          overviewLatencyMs: {
            idle: readers(idle),
            underIngestion: readers(loaded),
          },
          aboveCapacity: {
            maxPendingSpans: SMALL_CAPACITY,
            statusCodes: above.ingest?.statusCodes,
            refusalsWithRetryAfter: above.ingest?.refusalsWithRetryAfter,
            refusalLatencyMs: above.ingest?.latencyMs,
            pendingSpansAtEnd: overCapacity.pendingSpansAtEnd,
            peakRssMB: overCapacity.peakRssMB,
            rssFloorSlopeMBPerMinute: above.rss.floorSlopeMBPerMinute,
          },
        },
      },
      null,
      2,
    ),
  );
}

const driverAt = process.argv.indexOf('--driver');
if (driverAt >= 0) {
  drive(JSON.parse(process.argv[driverAt + 1])).then(
    result => console.log(JSON.stringify(result)),
    error => {
      console.error(error);
      process.exit(1);
    },
  );
} else {
  main().catch(error => {
    console.error(error);
    process.exit(1);
  });
}
