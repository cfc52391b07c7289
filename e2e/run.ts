/**
 * End-to-end runner: makes sure Chromium is installed, builds the frontend,
 * starts the real backend serving it, and runs every test in headless
 * Chromium. Prints `e2e: N passed, N failed` and exits non-zero on failure.
 *
 *   bash scripts/e2e.sh     (or npm run test:e2e)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Browser, chromium } from 'playwright-core';
import { RunningBackend, startBackend } from './backend';
import { E2eTest, createE2eContext, repoRoot } from './harness';
import { portalTests } from './tests/portal.e2e';
import { rolloutTests } from './tests/rollout.e2e';
import { storyMarkdownXssTests } from './tests/storyMarkdownXss.e2e';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const BACKEND_LOG_LINES = 60;

const tests: E2eTest[] = [
  ...portalTests,
  ...rolloutTests,
  ...storyMarkdownXssTests,
];

const timings: Array<[string, number]> = [];
async function timed<T>(step: string, action: () => Promise<T> | T) {
  const start = performance.now();
  try {
    return await action();
  } finally {
    timings.push([step, (performance.now() - start) / 1000]);
  }
}

function aptGet(...args: string[]) {
  const result = spawnSync('apt-get', args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) {
    throw new Error(
      `Chromium could not be installed: apt-get ${args.join(' ')} ${
        result.error
          ? `failed: ${result.error.message}`
          : `exited with ${result.status}`
      }. Install Debian's chromium package so that ${CHROMIUM} exists.`,
    );
  }
}

function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) {
    return;
  }
  console.log(
    `== ${CHROMIUM} is missing: installing Debian's chromium package (apt-get update; apt-get install -y chromium)`,
  );
  if (process.getuid?.() !== 0) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM} and installing it needs root: run "apt-get install -y chromium" as root`,
    );
  }
  aptGet('update');
  aptGet('install', '-y', 'chromium');
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `apt-get installed chromium but ${CHROMIUM} does not exist`,
    );
  }
}

const APP = path.join(repoRoot, 'packages/app');
const BUILD_INPUTS = [
  'packages/app/src',
  'packages/app/public',
  'packages/app/package.json',
  'plugins',
  'app-config.yaml',
  'package-lock.json',
];

function newestInput(): { file: string; mtimeMs: number } {
  let newest = { file: '', mtimeMs: 0 };
  const visit = (file: string) => {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(file)) {
        if (name !== 'node_modules' && name !== 'dist') {
          visit(path.join(file, name));
        }
      }
    } else if (stat.mtimeMs > newest.mtimeMs) {
      newest = { file, mtimeMs: stat.mtimeMs };
    }
  };
  for (const input of BUILD_INPUTS) {
    const full = path.join(repoRoot, input);
    if (fs.existsSync(full)) {
      visit(full);
    }
  }
  return newest;
}

/**
 * Builds packages/app into packages/app/dist, which the backend's app plugin
 * serves. Outside CI an existing build newer than every input is reused.
 */
function buildFrontend() {
  const builtAt = path.join(APP, 'dist/index.html');
  if (process.env.CI !== 'true' && fs.existsSync(builtAt)) {
    const newest = newestInput();
    if (newest.mtimeMs < fs.statSync(builtAt).mtimeMs) {
      console.log(
        '== frontend build: packages/app/dist is newer than its sources, reusing it (CI=true always builds)',
      );
      return;
    }
    console.log(
      `== frontend build: ${path.relative(repoRoot, newest.file)} changed`,
    );
  }
  console.log(
    '== frontend build (backstage-cli package build in packages/app)',
  );
  const log = path.join(
    os.tmpdir(),
    `tracing-adoption-e2e-build-${process.pid}.log`,
  );
  const result = spawnSync(
    path.join(repoRoot, 'node_modules/.bin/backstage-cli'),
    ['package', 'build'],
    { cwd: APP, encoding: 'utf8', env: process.env, maxBuffer: 64 << 20 },
  );
  if (result.status !== 0) {
    fs.writeFileSync(log, `${result.stdout}\n${result.stderr}`);
    throw new Error(
      `the frontend build failed (exit ${
        result.status
      }); full output in ${log}:\n${`${result.stdout}\n${result.stderr}`
        .trimEnd()
        .split('\n')
        .slice(-40)
        .join('\n')}`,
    );
  }
}

async function main() {
  let passed = 0;
  let failed = 0;
  let backend: RunningBackend | undefined;
  let browser: Browser | undefined;
  const started = performance.now();

  // Exit hooks of the backend and of playwright-core kill both process trees.
  const stopOnSignal = (signal: NodeJS.Signals) => {
    console.log(`e2e: interrupted by ${signal}`);
    process.exit(130);
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);

  try {
    await timed('chromium', ensureChromium);
    await timed('frontend build', buildFrontend);
    console.log('== starting the backend');
    backend = await timed('backend start', startBackend);
    console.log(`== backend answers at ${backend.baseUrl}`);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    console.log(`== ${tests.length} tests in Chromium ${browser.version()}`);

    const testsStart = performance.now();
    for (const test of tests) {
      const notes: string[] = [];
      const { e2e, screenshotOpenPages, closeAll } = createE2eContext(
        browser,
        backend.baseUrl,
        notes,
      );
      const start = performance.now();
      let error: unknown;
      try {
        await test.run(e2e);
      } catch (caught) {
        error = caught;
        const shots = await screenshotOpenPages(
          backend.dataDir,
          `failed-${passed + failed + 1}`,
        );
        notes.push(...shots.map(file => `screenshot: ${file}`));
      } finally {
        await closeAll();
      }
      const seconds = ((performance.now() - start) / 1000).toFixed(1);
      console.log(`${error ? '✗' : '✓'} ${test.name} (${seconds} s)`);
      for (const note of notes) {
        console.log(`    ${note}`);
      }
      if (error) {
        failed++;
        console.log(
          String((error as Error).stack ?? error).replace(/^/gm, '    '),
        );
        console.log(`    -- backend log, last ${BACKEND_LOG_LINES} lines`);
        console.log(backend.logTail(BACKEND_LOG_LINES).replace(/^/gm, '    '));
      } else {
        passed++;
      }
    }
    timings.push(['tests', (performance.now() - testsStart) / 1000]);
  } catch (setupError) {
    console.error(`e2e setup failed: ${(setupError as Error).message}`);
    failed = tests.length - passed;
  } finally {
    await browser?.close();
    if (backend) {
      await backend.stop({ keepData: failed > 0 });
      if (failed > 0) {
        console.log(`backend log and database kept in ${backend.dataDir}`);
      }
    }
  }

  timings.push(['total', (performance.now() - started) / 1000]);
  console.log(
    `e2e timings: ${timings
      .map(([step, seconds]) => `${step} ${seconds.toFixed(1)} s`)
      .join(', ')}`,
  );
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main();
