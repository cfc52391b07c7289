/**
 * Semantic-convention compliance benchmark: the OpenTelemetry, OpenTracing
 * and demo organisation packs evaluated over the spans of a Jaeger JSON
 * payload at 1×, 4× and 16× size (200k spans at 16×), against JSON.parse of
 * the same payload. Each size runs in a fresh process for its peak RSS.
 *
 *   npm run bench:compliance     (BENCH_BASE_SPANS=12500)
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  adjustTrace,
  compileRulePacks,
  evaluateTraces,
  loadRulePack,
  parseJaegerJson,
} from '@internal/plugin-tracing-adoption-common';
import { generateShopTraces, toJaegerJson } from './generateTraces';
import { measureInChildProcess } from './measureInChildProcess';

const PACK_FILES = [
  '../plugins/tracing-adoption-common/packs/opentelemetry.yaml',
  '../plugins/tracing-adoption-common/packs/opentracing.yaml',
  '../examples/demo-org/rule-packs/shopfront.yaml',
];

function measure(spanCount: number) {
  const text = toJaegerJson(generateShopTraces(spanCount));
  let start = performance.now();
  const document = JSON.parse(text);
  const jsonParseMs = performance.now() - start;
  const traces = parseJaegerJson(document).traces.map(adjustTrace);
  const spans = traces.reduce((n, t) => n + t.spans.length, 0);
  const packs = compileRulePacks(
    PACK_FILES.map(file => {
      const origin = path.join(__dirname, file);
      return loadRulePack({ text: fs.readFileSync(origin, 'utf8'), origin })
        .pack;
    }),
  );
  start = performance.now();
  const report = evaluateTraces(traces, packs);
  const evaluationMs = performance.now() - start;
  return {
    spans,
    payloadMB: Buffer.byteLength(text) / 1e6,
    rules: packs.packs.reduce((n, p) => n + p.rules.length, 0),
    jsonParseMs,
    evaluationMs,
    ratio: evaluationMs / jsonParseMs,
    spansPerSecond: spans / (evaluationMs / 1000),
    violations: report.violationsBySeverity,
    score: report.score,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  };
}

function main() {
  const [, , mode, size] = process.argv;
  if (mode === '--child') {
    console.log(JSON.stringify(measure(Number(size))));
    return;
  }
  const base = Number(process.env.BENCH_BASE_SPANS ?? 12_500);
  console.log(
    '| spans | payload MB | rules | JSON.parse ms | evaluation ms | evaluation ÷ JSON.parse | spans/s | score | peak RSS MB |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const scale of [1, 4, 16]) {
    const r = measureInChildProcess<ReturnType<typeof measure>>(__filename, [
      String(base * scale),
    ]);
    console.log(
      `| ${r.spans} | ${r.payloadMB.toFixed(1)} | ${
        r.rules
      } | ${r.jsonParseMs.toFixed(0)} | ${r.evaluationMs.toFixed(
        0,
      )} | ${r.ratio.toFixed(2)} | ${r.spansPerSecond.toFixed(0)} | ${
        r.score
      } | ${r.peakRssMB.toFixed(0)} |`,
    );
  }
}

main();
