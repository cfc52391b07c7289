'use strict';

// Supervisor: starts every shop service in its own process, then the traffic
// generator; on SIGINT/SIGTERM, or when a fixed number of requests is done,
// stops the services so they flush their spans.
const { fork } = require('node:child_process');
const path = require('node:path');
const { setTimeout: sleep } = require('node:timers/promises');
const config = require('./config');
const { createRandom } = require('./random');
const { SERVICES, portOf } = require('./topology');
const { startTraffic } = require('./traffic');

const STARTUP_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;
// Orders pushes its events a few hundred milliseconds after the checkout that
// placed them; waiting this long lets the last ones arrive before stopping.
const SETTLE_MS = 1500;
const EXPORT_WARNING_INTERVAL_MS = 60_000;

const log = message => console.log(`[demo-shop] ${message}`);
const children = new Map();
let traffic;
let stopping;
let lastExportWarning = 0;

function warnExportFailure({ service, message }) {
  const now = Date.now();
  if (now - lastExportWarning < EXPORT_WARNING_INTERVAL_MS) return;
  lastExportWarning = now;
  const target = config.captureUrl ?? config.otlpEndpoint;
  log(
    `trace export to ${target} failing, spans dropped (${service}: ${message})`,
  );
}

function startService(service) {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'service.js'), [service.name], {
      stdio: 'inherit',
      // A small young generation: each service allocates little, and thirteen
      // default-sized heaps add up.
      execArgv: ['--max-semi-space-size=1'],
    });
    children.set(service.name, child);
    let ready = false;
    // Sending to a child that has just exited raises an error here; its exit
    // is handled below.
    child.on('error', () => {});
    child.on('message', message => {
      if (message?.type === 'ready') {
        ready = true;
        resolve();
      }
      if (message?.type === 'export-failure') warnExportFailure(message);
    });
    child.once('exit', (code, signal) => {
      children.delete(service.name);
      if (!ready) {
        reject(new Error(`${service.name} exited before it was ready`));
      } else if (!stopping) {
        const how = signal ?? `code ${code}`;
        log(`${service.name} exited unexpectedly (${how}); stopping the shop`);
        stop(1);
      }
    });
  });
}

function stopChild(child) {
  return new Promise(resolve => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const killTimer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(killTimer);
      resolve();
    });
    if (child.connected) child.send({ type: 'shutdown' });
    else child.kill('SIGTERM');
  });
}

function stop(exitCode) {
  stopping ??= (async () => {
    traffic?.stop();
    await Promise.all([...children.values()].map(stopChild));
    if (traffic) log(`sent ${traffic.summary()}`);
    log('stopped');
    process.exit(exitCode);
  })();
  return stopping;
}

async function main() {
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));

  let startupTimer;
  const timeout = new Promise((_, reject) => {
    startupTimer = setTimeout(
      () =>
        reject(
          new Error(`services not ready after ${STARTUP_TIMEOUT_MS / 1000} s`),
        ),
      STARTUP_TIMEOUT_MS,
    );
  });
  await Promise.race([Promise.all(SERVICES.map(startService)), timeout]);
  clearTimeout(startupTimer);

  const first = portOf(SERVICES[0].name);
  const last = first + SERVICES.length - 1;
  log(`${SERVICES.length} services on 127.0.0.1:${first}-${last}`);
  log(
    config.captureUrl
      ? `capturing spans at ${config.captureUrl}`
      : `exporting spans as OTLP/protobuf to ${config.otlpEndpoint}`,
  );
  const requests = config.maxRequests ?? 'unlimited';
  const gateway = `http://127.0.0.1:${portOf('edge-gateway')}`;
  log(
    `sending ${requests} requests at ${config.requestsPerSecond}/s to edge-gateway (${gateway})`,
  );

  traffic = startTraffic({
    requestsPerSecond: config.requestsPerSecond,
    maxRequests: config.maxRequests,
    maxInFlight: config.maxInFlight,
    random: createRandom('traffic'),
    log: message => console.log(`[traffic] ${message}`),
  });
  await traffic.finished;
  await sleep(SETTLE_MS);
  await stop(0);
}

main().catch(error => {
  log(error.message);
  stop(1);
});
