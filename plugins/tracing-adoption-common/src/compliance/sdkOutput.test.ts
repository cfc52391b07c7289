import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseOtlpJson } from '../trace/formats';
import { compileRulePacks } from './compileRulePacks';
import { evaluateTraces } from './evaluateTraces';
import { loadRulePack } from './loadRulePack';

const repositoryRoot = path.resolve(__dirname, '../../../..');
const probe = path.join(
  repositoryRoot,
  'examples/demo-shop/src/semconv-probe.js',
);
const packFile = path.resolve(__dirname, '../../packs/opentelemetry.yaml');

/** Real spans of one HTTP request, from the OpenTelemetry SDK's HTTP instrumentation. */
function sdkSpans(stabilityOptIn: string | undefined) {
  const output = execFileSync(process.execPath, [probe], {
    cwd: path.dirname(probe),
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      OTEL_SEMCONV_STABILITY_OPT_IN: stabilityOptIn ?? '',
    },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return parseOtlpJson(JSON.parse(output));
}

describe('the generated OpenTelemetry pack on real SDK output', () => {
  const pack = compileRulePacks([
    loadRulePack({ text: fs.readFileSync(packFile, 'utf8'), origin: packFile })
      .pack,
  ]);

  it.each([
    ['default', undefined],
    ['http', 'http'],
    ['http/dup', 'http/dup'],
  ])(
    'finds the HTTP server and client spans conformant under OTEL_SEMCONV_STABILITY_OPT_IN=%s',
    (_name, optIn) => {
      const { traces, problems } = sdkSpans(optIn);
      expect(problems).toEqual([]);
      const spans = traces.flatMap(t => t.spans);
      expect(spans.map(s => s.kind).sort()).toEqual(['client', 'server']);

      const report = evaluateTraces(traces, pack);
      const broken = report.rules.map(
        rule => `${rule.ruleId} (${rule.severity})`,
      );
      // the instrumentation emits the stable HTTP conventions: nothing required
      // is missing and no deprecated attribute is sent; a bare node:http server
      // knows no route, which the pack recommends
      expect(report.violationsBySeverity.error).toBe(0);
      expect(report.migrations).toEqual([]);
      expect(broken.filter(rule => rule.startsWith('http-'))).toEqual([
        'http-server.recommended.http.route (info)',
      ]);
    },
  );
});
