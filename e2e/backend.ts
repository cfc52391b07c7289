import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './harness';

const FIXTURE = path.join(
  repoRoot,
  'plugins/tracing-adoption-common/src/trace/__fixtures__/demo-shop.otlp.json',
);
const STARTUP_TIMEOUT_MS = 180_000;

export interface RunningBackend {
  baseUrl: string;
  /** The backend's Node process, e.g. to sample its memory. */
  pid: number;
  /** The temporary directory: SQLite files, trace exports, backend.log. */
  dataDir: string;
  logTail(lines: number): string;
  /** SIGKILLs the whole process group at once, as a crashed host would end it. */
  crash(): Promise<void>;
  /** Stops the whole process group; keeps dataDir when asked to. */
  stop(options: { keepData: boolean }): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

type OtlpJson = {
  resourceSpans: Array<{
    scopeSpans: Array<{
      spans: Array<{
        startTimeUnixNano: string;
        endTimeUnixNano: string;
        events?: Array<{ timeUnixNano: string }>;
      }>;
    }>;
  }>;
};

/**
 * Copies the recorded demo-shop export with every timestamp moved so that
 * its last span ends now: the sampling window and the analysis lookback only
 * take recent traces, and the file source only reads recently written files.
 */
function writeRecentFixture(directory: string) {
  const document = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as OtlpJson;
  const spans = document.resourceSpans.flatMap(r =>
    r.scopeSpans.flatMap(s => s.spans),
  );
  const lastEnd = spans.reduce(
    (max, span) =>
      BigInt(span.endTimeUnixNano) > max ? BigInt(span.endTimeUnixNano) : max,
    0n,
  );
  const shift = BigInt(Date.now()) * 1_000_000n - lastEnd;
  const moved = (nanos: string) => (BigInt(nanos) + shift).toString();
  for (const span of spans) {
    span.startTimeUnixNano = moved(span.startTimeUnixNano);
    span.endTimeUnixNano = moved(span.endTimeUnixNano);
    for (const event of span.events ?? []) {
      event.timeUnixNano = moved(event.timeUnixNano);
    }
  }
  fs.mkdirSync(directory, { recursive: true });
  fs.writeFileSync(
    path.join(directory, 'demo-shop.otlp.json'),
    JSON.stringify(document),
  );
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // the group has already exited
  }
}

export interface BackendOptions {
  /** Layered over app-config.yaml; e2e/app-config.e2e.yaml by default. */
  configFile?: string;
  /** Variables the config file reads, next to E2E_PORT and E2E_DATA_DIR. */
  env?: Record<string, string>;
}

/**
 * Starts packages/backend from source in a process group of its own, with
 * app-config.yaml and a config file layered over it (e2e/app-config.e2e.yaml
 * by default), and waits for its health route.
 */
export async function startBackend(
  options: BackendOptions = {},
): Promise<RunningBackend> {
  const dataDir = fs.mkdtempSync(
    path.join(os.tmpdir(), 'tracing-adoption-e2e-'),
  );
  writeRecentFixture(path.join(dataDir, 'traces'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const logFile = path.join(dataDir, 'backend.log');
  const log = fs.openSync(logFile, 'a');

  const child = spawn(
    process.execPath,
    [
      '-r',
      '@backstage/cli/config/nodeTransform.cjs',
      'src/index.ts',
      '--config',
      '../../app-config.yaml',
      '--config',
      options.configFile ?? '../../e2e/app-config.e2e.yaml',
    ],
    {
      cwd: path.join(repoRoot, 'packages/backend'),
      // the guest sign-in provider only works in development mode
      env: {
        ...process.env,
        NODE_ENV: 'development',
        E2E_PORT: String(port),
        E2E_DATA_DIR: dataDir,
        ...options.env,
      },
      detached: true,
      stdio: ['ignore', log, log],
    },
  );
  fs.closeSync(log);
  // Also when the runner is interrupted: no backend or data is left behind.
  const killOnExit = () => {
    killGroup(child, 'SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  process.on('exit', killOnExit);

  const exited = new Promise<number | null>(resolve =>
    child.once('exit', code => resolve(code)),
  );
  let exitCode: number | null | undefined;
  exited.then(code => {
    exitCode = code;
  });

  const backend: RunningBackend = {
    baseUrl,
    pid: child.pid!,
    dataDir,
    logTail(lines) {
      const text = fs.existsSync(logFile)
        ? fs.readFileSync(logFile, 'utf8')
        : '';
      return (
        text
          .replace(/\x1b\[[0-9;]*m/g, '')
          .trimEnd()
          .split('\n')
          // asset requests would crowd out the lines that explain a failure
          .filter(line => !line.includes('"GET /static/'))
          .slice(-lines)
          .join('\n')
      );
    },
    async crash() {
      killGroup(child, 'SIGKILL');
      await exited;
    },
    async stop({ keepData }) {
      if (exitCode === undefined) {
        killGroup(child, 'SIGTERM');
        const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      // a child the backend started may outlive it in the group
      killGroup(child, 'SIGKILL');
      process.off('exit', killOnExit);
      if (!keepData) {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };

  // A plugin that fails to start leaves the process running without serving.
  const startupFailure = () => {
    const log = backend.logTail(Number.MAX_SAFE_INTEGER);
    const failed = log.indexOf('Backend startup failed');
    return failed < 0
      ? undefined
      : log
          .slice(failed)
          .split('\n')
          .filter(line => line.includes('startup failed'))
          .join('\n');
  };

  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const failure = startupFailure();
    if (failure) {
      await backend.stop({ keepData: true });
      throw new Error(
        `the backend's startup failed; log: ${logFile}\n${failure}`,
      );
    }
    if (exitCode !== undefined) {
      await backend.stop({ keepData: true });
      throw new Error(
        `the backend exited with code ${exitCode} before answering; log: ${logFile}\n${backend.logTail(
          40,
        )}`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/api/tracing-adoption/health`);
      if (response.ok) {
        return backend;
      }
    } catch {
      // not listening yet
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
  await backend.stop({ keepData: true });
  throw new Error(
    `the backend did not answer ${baseUrl}/api/tracing-adoption/health within ${
      STARTUP_TIMEOUT_MS / 1000
    } s; log: ${logFile}\n${backend.logTail(40)}`,
  );
}
