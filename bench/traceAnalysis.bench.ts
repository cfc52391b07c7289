/**
 * Trace engine benchmark: model conversion + adjusters + per-operation
 * analysis of large Jaeger JSON and OTLP protobuf payloads, divided by the
 * JSON.parse time of the same payload (for protobuf: of its OTLP/JSON form;
 * protobuf decoding is counted in the total), at 1×, 4× and 16× size. Each measurement runs in its own process so
 * that peak RSS belongs to it alone.
 *
 *   npm run bench            (sizes 12.5k, 50k, 200k spans)
 *   BENCH_BASE_SPANS=10000 npm run bench
 */
import { performance } from 'node:perf_hooks';
import {
  OperationMatcher,
  adjustTrace,
  analyzeOperation,
  parseJaegerJson,
  parseOtlpJson,
} from '@internal/plugin-tracing-adoption-common';
import { decodeOtlpTraceRequest } from '../plugins/tracing-adoption-backend/src/receiver/decodeOtlpRequest';
import {
  generateShopTraces,
  toJaegerJson,
  toOtlpJson,
  toOtlpProtobuf,
} from './generateTraces';
import { measureInChildProcess } from './measureInChildProcess';

const OPERATIONS: OperationMatcher[] = [
  { entryService: 'edge-gateway', spanName: 'GET /api/products' },
  { entryService: 'edge-gateway', spanName: 'GET /api/cart/items' },
  { entryService: 'edge-gateway', spanName: 'GET /api/checkout' },
];

interface Measurement {
  format: string;
  spans: number;
  payloadMB: number;
  jsonParseMs: number;
  decodeMs: number;
  parseMs: number;
  adjustMs: number;
  analysisMs: number;
  totalMs: number;
  ratio: number;
  spansPerSecond: number;
  peakRssMB: number;
}

function time<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const result = fn();
  return [result, performance.now() - start];
}

function measure(
  format: 'jaeger' | 'otlp-protobuf',
  spanCount: number,
): Measurement {
  const traces = generateShopTraces(spanCount);
  const spans = traces.reduce((n, t) => n + t.spans.length, 0);
  let payloadBytes: number;
  let jsonParseMs: number;
  let decodeMs = 0;
  let parsed: ReturnType<typeof parseJaegerJson>;
  let parseMs: number;

  if (format === 'jaeger') {
    const text = toJaegerJson(traces);
    payloadBytes = Buffer.byteLength(text);
    let document: unknown;
    [document, jsonParseMs] = time(() => JSON.parse(text));
    [parsed, parseMs] = time(() => parseJaegerJson(document));
  } else {
    const json = toOtlpJson(traces);
    [, jsonParseMs] = time(() => JSON.parse(json));
    const protobuf = toOtlpProtobuf(traces);
    payloadBytes = protobuf.length;
    let decoded: unknown;
    [decoded, decodeMs] = time(() =>
      decodeOtlpTraceRequest(protobuf, 'application/x-protobuf'),
    );
    [parsed, parseMs] = time(() => parseOtlpJson(decoded));
  }
  if (parsed.problems.length > 0) {
    throw new Error(
      `benchmark payload did not parse cleanly: ${JSON.stringify(
        parsed.problems[0],
      )}`,
    );
  }
  const [adjusted, adjustMs] = time(() => parsed.traces.map(adjustTrace));
  const [, analysisMs] = time(() =>
    OPERATIONS.map(operation =>
      analyzeOperation({ operation, traces: adjusted }),
    ),
  );
  const totalMs = decodeMs + parseMs + adjustMs + analysisMs;
  return {
    format,
    spans,
    payloadMB: payloadBytes / 1e6,
    jsonParseMs,
    decodeMs,
    parseMs,
    adjustMs,
    analysisMs,
    totalMs,
    ratio: totalMs / jsonParseMs,
    spansPerSecond: spans / (totalMs / 1000),
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  };
}

function main() {
  const [, , mode, format, size] = process.argv;
  if (mode === '--child') {
    console.log(
      JSON.stringify(
        measure(format as 'jaeger' | 'otlp-protobuf', Number(size)),
      ),
    );
    return;
  }
  const base = Number(process.env.BENCH_BASE_SPANS ?? 12_500);
  const rows: Measurement[] = [];
  for (const format of ['jaeger', 'otlp-protobuf']) {
    for (const scale of [1, 4, 16]) {
      const row = measureInChildProcess<Measurement>(__filename, [
        format,
        String(base * scale),
      ]);
      rows.push(row);
      console.error(`measured ${format} at ${scale}× (${row.spans} spans)`);
    }
  }
  const fmt = (n: number, digits = 0) => n.toFixed(digits);
  console.log(
    '| format | spans | payload MB | JSON.parse ms | decode ms | parse ms | adjust ms | analysis ms | total ms | total ÷ JSON.parse | spans/s | peak RSS MB |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.format} | ${r.spans} | ${fmt(r.payloadMB, 1)} | ${fmt(
        r.jsonParseMs,
      )} | ${fmt(r.decodeMs)} | ${fmt(r.parseMs)} | ${fmt(r.adjustMs)} | ${fmt(
        r.analysisMs,
      )} | ${fmt(r.totalMs)} | ${fmt(r.ratio, 2)} | ${fmt(
        r.spansPerSecond,
      )} | ${fmt(r.peakRssMB)} |`,
    );
  }
}

main();
