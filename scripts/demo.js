#!/usr/bin/env node
/*
 * Starts the portal (frontend and backend, embedded SQLite) and, once the backend
 * answers, the demo shop whose OpenTelemetry-instrumented services send traces
 * to the portal's OTLP receiver. Ctrl-C stops everything.
 */
const { spawn } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const backendHealth = 'http://localhost:7007/api/tracing-adoption/health';
const children = [];

function start(name, command, args, cwd) {
  const child = spawn(command, args, {
    cwd,
    stdio: 'inherit',
    env: process.env,
  });
  child.on('exit', code => {
    if (!stopping) {
      console.error(
        `[demo] ${name} exited with code ${code}; stopping the demo`,
      );
      stop(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

let stopping = false;
function stop(code) {
  stopping = true;
  for (const child of children) {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
    }
  }
  setTimeout(() => process.exit(code), 3000).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

async function waitForBackend() {
  for (let attempt = 0; attempt < 300 && !stopping; attempt++) {
    try {
      const response = await fetch(backendHealth);
      if (response.ok) {
        return true;
      }
    } catch {
      // the backend is still starting
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  return false;
}

async function main() {
  start('portal', 'npx', ['backstage-cli', 'repo', 'start'], root);
  if (!(await waitForBackend())) {
    console.error('[demo] the backend did not answer within 5 minutes');
    stop(1);
    return;
  }
  console.log('[demo] portal backend is up; starting the demo shop');
  start(
    'demo shop',
    process.execPath,
    ['src/main.js'],
    path.join(root, 'examples/demo-shop'),
  );
  console.log('[demo] open http://localhost:3000 (sign in as guest)');
}

main();
