import fs from 'node:fs';
import path from 'node:path';
import { ParseResult, Trace } from './model';
import { parseJaegerJson, parseOtlpJson, parseZipkinJson } from './formats';
import { adjustTrace } from './adjusters';
import { analyzeOperation } from './analysis';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const otlpRoot = require(require.resolve(
  '@opentelemetry/otlp-transformer/build/src/generated/root',
  {
    paths: [path.join(__dirname, '../../../tracing-adoption-backend')],
  },
));

const fixture = (name: string) =>
  fs.readFileSync(path.join(__dirname, '__fixtures__', name));

function decodeProtobuf(bytes: Buffer): unknown {
  const Request =
    otlpRoot.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
  return Request.toObject(Request.decode(bytes), {
    longs: String,
    bytes: String,
    enums: Number,
    arrays: true,
  });
}

const recordings: Array<[string, () => ParseResult]> = [
  [
    'OTLP JSON',
    () => parseOtlpJson(JSON.parse(fixture('demo-shop.otlp.json').toString())),
  ],
  [
    'OTLP protobuf',
    () => parseOtlpJson(decodeProtobuf(fixture('demo-shop.otlp.pb'))),
  ],
  [
    'Zipkin v2',
    () =>
      parseZipkinJson(JSON.parse(fixture('demo-shop.zipkin.json').toString())),
  ],
  [
    'Jaeger',
    () =>
      parseJaegerJson(JSON.parse(fixture('demo-shop.jaeger.json').toString())),
  ],
];

const checkout = {
  entryService: 'edge-gateway',
  spanName: 'POST /api/checkout',
};
const listing = { entryService: 'edge-gateway', spanName: 'GET /api/products' };

describe.each(recordings)('demo shop recording in %s', (_format, parse) => {
  let traces: Trace[];
  beforeAll(() => {
    const result = parse();
    expect(result.problems).toEqual([]);
    traces = result.traces.map(adjustTrace);
  });

  it('holds the 11 traces and 128 spans of 12 services that were recorded', () => {
    expect(traces).toHaveLength(11);
    expect(traces.reduce((n, t) => n + t.spans.length, 0)).toBe(128);
    expect(
      new Set(traces.flatMap(t => t.spans.map(s => s.serviceName))).size,
    ).toBe(12);
  });

  it('finds the uninstrumented currency service behind checkout', () => {
    const analysis = analyzeOperation({ operation: checkout, traces });
    expect(analysis.sample.matchingTraces).toBe(2);
    // Jaeger and Zipkin keep the OpenTracing span.kind tag of orders' queue
    // span, so they also show that hop; OTLP from the shim calls it internal.
    expect(analysis.uninstrumentedHops).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          callerService: 'checkout',
          calleeName: 'currency',
          totalCalls: 2,
        }),
      ]),
    );
    expect(
      analysis.participants.find(p => p.service === 'currency'),
    ).toMatchObject({
      emitsSpans: false,
      seenAsUninstrumentedCallee: true,
    });
    expect(analysis.endToEnd.blockingServices.map(b => b.service)).toContain(
      'currency',
    );
  });

  it('finds the lost context between orders and order-events-consumer through the shared flow id', () => {
    const analysis = analyzeOperation({ operation: checkout, traces });
    expect(analysis.brokenPropagation.sharedFlowIds).toEqual([
      expect.objectContaining({
        traceCount: 2,
        servicesStartingNewTraces: ['order-events-consumer'],
      }),
    ]);
  });

  it('blames payments for the failed checkout, not the services the error travelled through', () => {
    const analysis = analyzeOperation({ operation: checkout, traces });
    expect(analysis.errors.failedEntrySpans).toBe(1);
    expect(analysis.errors.sourcesByService.map(s => s.service)).toEqual([
      'payments',
    ]);
  });

  it('measures the pricing fan-out of product listings: 6, 5, 4 and 3 calls', () => {
    const analysis = analyzeOperation({ operation: listing, traces });
    const pricing = analysis.participants.find(p => p.service === 'pricing');
    expect(analysis.sample.matchingTraces).toBe(4);
    expect(pricing).toMatchObject({
      callsPerRequestMean: 4.5,
      callsPerRequestMin: 3,
      callsPerRequestMax: 6,
    });
  });
});
