import fc from 'fast-check';
import { ParseResult } from '../model';
import { parseJaegerJson } from '../formats/jaegerJson';
import { parseOtlpJson } from '../formats/otlpJson';
import { parseZipkinJson } from '../formats/zipkinJson';
import {
  jaegerTracesResponse,
  otlpExportRequest,
  zipkinTrace,
} from '../formats/__testUtils__/fixtures';
import { modelViolations } from '../formats/__testUtils__/modelInvariants';
import {
  mutatePayload,
  payloadMutations,
} from '../formats/__testUtils__/payloadMutations';
import { clockSkew } from './clockSkew';
import { dedupeSpanIds } from './dedupeSpanIds';
import { orphans } from './orphans';
import { sortSpans } from './sortSpans';
import { adjustTrace, standardAdjusters } from './standardAdjusters';

const BACKEND_CLOCK_AHEAD_US = 5_000_000;

/** The Zipkin fixture with the backend's clock 5 s ahead and a span whose parent was lost. */
function skewedZipkinTrace() {
  const spans: Array<Record<string, unknown>> = zipkinTrace();
  for (const span of spans) {
    const endpoint = span.localEndpoint as { serviceName: string };
    if (endpoint.serviceName === 'backend') {
      span.timestamp = (span.timestamp as number) + BACKEND_CLOCK_AHEAD_US;
    }
  }
  spans.push({
    traceId: '5af7183fb1d4cf5f',
    parentId: 'aaaaaaaaaaaaaaaa',
    id: 'bbbbbbbbbbbbbbbb',
    name: 'late',
    timestamp: 1556604172350000,
    duration: 10,
    localEndpoint: { serviceName: 'frontend' },
  });
  return spans;
}

function adjustedTraces(result: ParseResult) {
  return result.traces.map(trace => adjustTrace(trace));
}

describe('standardAdjusters', () => {
  it('run in the order that keeps each step valid', () => {
    expect(standardAdjusters).toEqual([
      dedupeSpanIds,
      clockSkew,
      orphans,
      sortSpans,
    ]);
  });

  it('repair a skewed B3 trace with a lost parent', () => {
    const [trace] = adjustedTraces(parseZipkinJson(skewedZipkinTrace()));
    expect(
      trace.spans.map(span => ({
        name: span.name,
        service: span.serviceName,
        start: span.startTimeUs,
        warnings: span.warnings,
      })),
    ).toEqual([
      {
        name: 'late',
        service: 'frontend',
        start: 1556604172350000,
        warnings: ['parent span aaaaaaaaaaaaaaaa not in trace'],
      },
      {
        name: 'get /api',
        service: 'frontend',
        start: 1556604172355000,
        warnings: undefined,
      },
      {
        name: 'get',
        service: 'frontend',
        start: 1556604172356000,
        warnings: undefined,
      },
      {
        name: 'get /api',
        service: 'backend',
        start: 1556604172357000,
        warnings: ['clock skew: timestamps shifted by -5000000 µs'],
      },
      {
        name: 'query',
        service: 'backend',
        start: 1556604172360000,
        warnings: ['clock skew: timestamps shifted by -5000000 µs'],
      },
    ]);
    const [, root, client, server, query] = trace.spans;
    expect(client.parentSpanId).toBe(root.spanId);
    expect(server.parentSpanId).toBe(client.spanId);
    expect(query.parentSpanId).toBe(server.spanId);
  });

  it('would compare the server half with the wrong parent without deduplication', () => {
    const [trace] = parseZipkinJson(skewedZipkinTrace()).traces;
    clockSkew(trace);
    const server = trace.spans.find(
      span => span.kind === 'server' && span.serviceName === 'backend',
    );
    expect(server?.startTimeUs).not.toBe(1556604172357000);
  });

  it('change nothing on a second run', () => {
    const [once] = adjustedTraces(parseZipkinJson(skewedZipkinTrace()));
    const snapshot = JSON.parse(JSON.stringify(once));
    expect(JSON.parse(JSON.stringify(adjustTrace(once)))).toEqual(snapshot);
  });

  it.each([
    ['OTLP', otlpExportRequest(), parseOtlpJson],
    ['Jaeger', jaegerTracesResponse(), parseJaegerJson],
    ['Zipkin', skewedZipkinTrace(), parseZipkinJson],
  ])(
    'never throw, keep the model valid and settle in one run for mutated %s payloads',
    (_format, base, parse: (payload: unknown) => ParseResult) => {
      fc.assert(
        fc.property(payloadMutations, mutations => {
          const result = parse(mutatePayload(base, mutations));
          const traces = adjustedTraces(result);
          expect(modelViolations({ traces, problems: [] })).toEqual([]);
          const adjustedOnce = JSON.stringify(traces);
          expect(JSON.stringify(traces.map(trace => adjustTrace(trace)))).toBe(
            adjustedOnce,
          );
        }),
        { numRuns: 1000 },
      );
    },
  );
});
