import type { ComplianceReport } from '@internal/plugin-tracing-adoption-common';
import { XMLParser } from 'fast-xml-parser';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLEAN_OTLP_DUMP, fixture, runCli } from '../testUtils/runCli';

const DUMPS = [
  ['OTLP JSON', 'demo-shop.otlp.json'],
  ['OTLP protobuf', 'demo-shop.otlp.pb'],
  ['Zipkin', 'demo-shop.zipkin.json'],
  ['Jaeger', 'demo-shop.jaeger.json'],
] as const;

function temporaryDirectory(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'tracing-adoption-check-'));
}

describe('check', () => {
  it.each(DUMPS)(
    'fails the recorded demo shop in %s on its error-severity violations',
    async (_format, file) => {
      const run = await runCli(['check', fixture(file), '--format', 'json']);
      expect(run.exitCode).toBe(1);
      const report: ComplianceReport = JSON.parse(run.stdout);
      expect(report.tracesEvaluated).toBe(11);
      expect(report.spansEvaluated).toBe(128);
      expect(report.violationsBySeverity.error).toBeGreaterThan(0);
      expect(report.packs.map(pack => pack.name)).toEqual([
        'opentelemetry',
        'opentracing',
      ]);
    },
  );

  it('reads OTLP protobuf when told to', async () => {
    const run = await runCli([
      'check',
      fixture('demo-shop.otlp.pb'),
      '--input',
      'otlp-protobuf',
      '--format',
      'json',
    ]);
    expect(run.exitCode).toBe(1);
    expect(JSON.parse(run.stdout).spansEvaluated).toBe(128);
  });

  it('passes a dump without error-severity violations', async () => {
    const run = await runCli(['check', '-'], CLEAN_OTLP_DUMP);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('billing: score 100');
    expect(run.stdout).toContain('PASSED');
  });

  it('reads the dump from stdin without a file argument', async () => {
    const dump = fs.readFileSync(fixture('demo-shop.zipkin.json'));
    const run = await runCli(['check', '--format', 'json'], dump);
    expect(run.exitCode).toBe(1);
    expect(JSON.parse(run.stdout).spansEvaluated).toBe(128);
  });

  it('reports per service the score, broken rules, fixes, examples and migrations', async () => {
    const run = await runCli(['check', fixture('demo-shop.otlp.json')]);
    expect(run.stdout).toContain('Checked 11 traces, 128 spans (otlp-json)');
    expect(run.stdout).toMatch(/^orders: score 50 \(3 spans/m);
    expect(run.stdout).toContain('fix: ');
    expect(run.stdout).toMatch(/e\.g\. trace [0-9a-f]{32} span [0-9a-f]{16}/);
    expect(run.stdout).toContain('http.method -> http.request.method');
    expect(run.stdout).toContain('FAILED: ');
  });

  it('leaves out rules below --min-severity', async () => {
    const run = await runCli([
      'check',
      fixture('demo-shop.otlp.json'),
      '--format',
      'json',
      '--min-severity',
      'error',
    ]);
    const report: ComplianceReport = JSON.parse(run.stdout);
    expect(report.violationsBySeverity.warning).toBe(0);
    expect(report.violationsBySeverity.error).toBeGreaterThan(0);
  });

  it('checks against the packs given with --pack only', async () => {
    const run = await runCli([
      'check',
      fixture('demo-shop.otlp.json'),
      '--pack',
      'builtin:opentracing',
      '--format',
      'json',
    ]);
    expect(JSON.parse(run.stdout).packs).toEqual([
      expect.objectContaining({ name: 'opentracing' }),
    ]);
  });

  it('writes JUnit XML with one suite per service and a failed case per broken rule', async () => {
    const run = await runCli([
      'check',
      fixture('demo-shop.otlp.json'),
      '--format',
      'junit',
    ]);
    expect(run.exitCode).toBe(1);
    const parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: name => name === 'testsuite' || name === 'testcase',
    });
    const xml = parser.parse(run.stdout, true);
    const suites: any[] = xml.testsuites.testsuite;
    expect(suites.map(suite => suite.name)).toContain('orders');
    const orders = suites.find(suite => suite.name === 'orders');
    expect(Number(orders.failures)).toBe(orders.testcase.length);
    expect(orders.testcase[0].failure.type).toMatch(/^(error|warning|info)$/);
    const fraudCheck = suites.find(suite => suite.name === 'fraud-check');
    expect(fraudCheck.failures).toBe('0');
    expect(fraudCheck.testcase).toHaveLength(1);
  });

  it('writes SARIF 2.1.0 with a result per example violation', async () => {
    const run = await runCli([
      'check',
      fixture('demo-shop.otlp.json'),
      '--format',
      'sarif',
    ]);
    const sarif = JSON.parse(run.stdout);
    expect(sarif.version).toBe('2.1.0');
    const [sarifRun] = sarif.runs;
    const ruleIds = sarifRun.tool.driver.rules.map((rule: any) => rule.id);
    expect(sarifRun.results.length).toBeGreaterThan(0);
    for (const result of sarifRun.results) {
      expect(ruleIds[result.ruleIndex]).toBe(result.ruleId);
      expect(['error', 'warning', 'note']).toContain(result.level);
      expect(result.message.text).toEqual(expect.any(String));
      expect(result.properties.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(result.properties.spanId).toMatch(/^[0-9a-f]{16}$/);
    }
    expect(
      sarifRun.results.some((result: any) => result.level === 'error'),
    ).toBe(true);
  });

  it('writes the report to --output', async () => {
    const output = path.join(temporaryDirectory(), 'report.json');
    const run = await runCli([
      'check',
      fixture('demo-shop.otlp.json'),
      '--format',
      'json',
      '--output',
      output,
    ]);
    expect(run.stdout).toBe('');
    expect(JSON.parse(fs.readFileSync(output, 'utf8')).spansEvaluated).toBe(
      128,
    );
  });

  it('prints parse problems to stderr and checks the rest of the dump', async () => {
    const dump = JSON.parse(CLEAN_OTLP_DUMP);
    dump.resourceSpans[0].scopeSpans[0].spans.push({ name: 'no ids' });
    const run = await runCli(['check'], JSON.stringify(dump));
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toMatch(/^warning: stdin resourceSpans\[0\]/m);
    expect(run.stdout).toContain('1 spans');
  });

  it('exits 2 naming an unreadable file', async () => {
    const run = await runCli(['check', '/nonexistent/spans.json']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('Cannot read /nonexistent/spans.json');
  });

  it('exits 2 for input of no known format', async () => {
    const run = await runCli(['check'], '{"spans": 3}');
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('stdin: cannot tell the format');
  });

  it('exits 2 naming the file and line of an invalid pack', async () => {
    const pack = path.join(temporaryDirectory(), 'org.yaml');
    fs.writeFileSync(
      pack,
      [
        'name: org',
        "version: '1.0.0'",
        'description: Organisation conventions.',
        'rules:',
        '  - id: flow-id',
        '    description: Edge spans carry the flow id.',
        '    severity: fatal',
        '    check: { required: [app.flow_id] }',
        '    fix: Set app.flow_id.',
        '',
      ].join('\n'),
    );
    const run = await runCli([
      'check',
      fixture('demo-shop.otlp.json'),
      '--pack',
      pack,
    ]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(`${pack}:7: rule 'flow-id'`);
    expect(run.stderr).toContain("unknown severity 'fatal'");
  });

  it('exits 2 for an unknown built-in pack and for an unknown format', async () => {
    const pack = await runCli(['check', '--pack', 'builtin:nope']);
    expect(pack.exitCode).toBe(2);
    expect(pack.stderr).toContain("Unknown built-in rule pack 'nope'");
    const format = await runCli(['check', '--format', 'html']);
    expect(format.exitCode).toBe(2);
    expect(format.stderr).toContain('html');
  });
});
