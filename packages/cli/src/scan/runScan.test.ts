import Ajv from 'ajv';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_REPOSITORIES, runCli } from '../testUtils/runCli';
import type { ScanAllEnvelope, ScanEnvelope } from './scanEnvelope';

const schema = JSON.parse(
  fs.readFileSync(
    path.resolve(__dirname, '../../schema/scan.schema.json'),
    'utf8',
  ),
);
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

function expectValid(envelope: unknown) {
  const valid = validate(envelope);
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}

const cart = path.join(DEMO_REPOSITORIES, 'cart');
const tax = path.join(DEMO_REPOSITORIES, 'tax');

function tempDirectory(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'tracing-adoption-scan-'));
}

function writeConfig(text: string): string {
  const file = path.join(tempDirectory(), 'app-config.yaml');
  fs.writeFileSync(file, text);
  return file;
}

describe('scan', () => {
  it('finds the OpenTelemetry SDK of cart', async () => {
    const run = await runCli(['scan', cart]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain(`Repository ${cart}`);
    expect(run.stdout).toContain('(repository root): opentelemetry');
    expect(run.stdout).toContain('languages: javascript');
    expect(run.stdout).toContain(
      '@opentelemetry/sdk-node declared ^0.52.1 [otel-sdk, via manifest] at package.json:',
    );
    expect(run.stdout).toMatch(/\d+ files read in \d+ ms/);
  });

  it('reports cart as JSON', async () => {
    const run = await runCli(['scan', cart, '--format', 'json']);
    expect(run.exitCode).toBe(0);
    const scan: ScanEnvelope = JSON.parse(run.stdout);
    expectValid(scan);
    expect(Object.keys(scan)).toEqual([
      'schemaVersion',
      'directory',
      'durationMs',
      'filesRead',
      'serviceDirectories',
      'problems',
    ]);
    expect(scan.schemaVersion).toBe(1);
    expect(scan.directory).toBe(cart);
    expect(scan.filesRead).toBeGreaterThan(0);
    const [root] = scan.serviceDirectories;
    expect(root.summary.instrumentation).toBe('opentelemetry');
    expect(root.findings.map(finding => finding.library)).toContain(
      '@opentelemetry/sdk-node',
    );
  });

  it('reports an unparseable manifest as a problem in valid JSON', async () => {
    const checkout = tempDirectory();
    fs.writeFileSync(path.join(checkout, 'package.json'), '{ "name": ');
    const run = await runCli(['scan', checkout, '--format', 'json']);
    expect(run.exitCode).toBe(0);
    const scan: ScanEnvelope = JSON.parse(run.stdout);
    expectValid(scan);
    expect(scan.problems).toEqual([
      expect.objectContaining({ path: 'package.json' }),
    ]);
    expect(scan.serviceDirectories[0].manifests).toEqual([
      expect.objectContaining({ path: 'package.json', parsed: false }),
    ]);
  });

  it('finds no tracing in tax and still succeeds', async () => {
    const run = await runCli(['scan', tax]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('(repository root): none');
    expect(run.stdout).toContain('languages: python');
    expect(run.stdout).toContain('tracing: none found');
  });

  it('scans each checkout of a directory with --all', async () => {
    const run = await runCli([
      'scan',
      DEMO_REPOSITORIES,
      '--all',
      '--format',
      'json',
    ]);
    expect(run.exitCode).toBe(0);
    const result: ScanAllEnvelope = JSON.parse(run.stdout);
    expectValid(result);
    expect(result.schemaVersion).toBe(1);
    expect(result.directory).toBe(DEMO_REPOSITORIES);
    expect(result.repositories.every(scan => !('schemaVersion' in scan))).toBe(
      true,
    );
    expect(result.filesRead).toBe(
      result.repositories.reduce((sum, scan) => sum + scan.filesRead, 0),
    );
    const checkouts = fs
      .readdirSync(DEMO_REPOSITORIES, { withFileTypes: true })
      .filter(entry => entry.isDirectory());
    expect(result.repositories).toHaveLength(checkouts.length);
    expect(result.failures).toEqual([]);
    const instrumentationOf = (name: string) =>
      result.repositories.find(scan => path.basename(scan.directory) === name)
        ?.serviceDirectories[0].summary.instrumentation;
    expect(instrumentationOf('cart')).toBe('opentelemetry');
    expect(instrumentationOf('tax')).toBe('none');
  });

  it('sums up the checkouts of --all in text', async () => {
    const run = await runCli(['scan', DEMO_REPOSITORIES, '--all']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain(`Repository ${cart}`);
    expect(run.stdout).toMatch(
      /\d+ repositories scanned: \d+ files read in \d+ ms/,
    );
  });

  it('applies detection settings from --config', async () => {
    const config = writeConfig(
      [
        'tracingAdoption:',
        '  scanning:',
        '    detection:',
        "      orgTracerLibraries: ['@opentelemetry/sdk-node']",
        '',
      ].join('\n'),
    );
    const run = await runCli(['scan', cart, '--config', config]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('(repository root): org-tracer');
  });

  it('exits 2 for a directory that cannot be read', async () => {
    const run = await runCli(['scan', '/nonexistent/checkout']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('Cannot read directory /nonexistent/checkout');
  });

  it('exits 2 for a malformed detection setting', async () => {
    const config = writeConfig(
      [
        'tracingAdoption:',
        '  scanning:',
        '    detection:',
        '      flowIdHeader: [X-Correlation-ID]',
        '',
      ].join('\n'),
    );
    const run = await runCli(['scan', cart, '--config', config]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(`Invalid config file ${config}`);
    expect(run.stderr).toContain('flowIdHeader');
  });

  it('exits 2 for a config file that is not YAML', async () => {
    const config = writeConfig('tracingAdoption: [unclosed\n');
    const run = await runCli(['scan', cart, '--config', config]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(`Invalid config file ${config}`);
  });
});
