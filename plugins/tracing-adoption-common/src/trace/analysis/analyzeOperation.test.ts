import type { Trace } from '../model';
import {
  BROWSE_CATALOG,
  PLACE_ORDER,
  shopWindow,
} from './__testUtils__/onlineShop';
import {
  BASE_TIME_US,
  buildTrace,
  client,
  consumer,
  producer,
  server,
  spanId,
  traceId,
} from './__testUtils__/traceBuilder';
import { analyzeOperation } from './analyzeOperation';
import type { OperationParticipant } from './types';

const orderTraces = ['order-a', 'order-b', 'order-c', 'order-d'].map(traceId);
const [orderA, orderB, , orderD] = orderTraces;

function fanOut(participant: OperationParticipant) {
  return {
    mean: participant.callsPerRequestMean,
    stdDev: participant.callsPerRequestStdDev,
    min: participant.callsPerRequestMin,
    max: participant.callsPerRequestMax,
    traces: participant.tracesWithService,
  };
}

describe('analyzeOperation: place order in the shop window', () => {
  const analysis = analyzeOperation({
    operation: PLACE_ORDER,
    traces: shopWindow(),
  });

  it('states the sample it is based on', () => {
    expect(analysis.operation).toEqual(PLACE_ORDER);
    expect(analysis.sample).toEqual({
      tracesInWindow: 12,
      matchingTraces: 4,
      traceIds: orderTraces,
      windowStartUs: BASE_TIME_US,
      windowEndUs: BASE_TIME_US + 3_000_000 + 100_000,
    });
  });

  it('lists every participant with its fan-out and how it shows up', () => {
    expect(
      analysis.participants.map(p => [
        p.service,
        p.kind,
        p.emitsSpans,
        p.seenAsUninstrumentedCallee,
        p.startsNewTrace,
        p.callsPerRequestMean,
        p.tracesWithService,
        p.spans,
      ]),
    ).toEqual([
      ['checkout', 'service', true, false, false, 1, 4, 16],
      ['currency', 'service', false, true, false, 1, 4, 0],
      ['edge-gateway', 'service', true, false, false, 1, 4, 8],
      ['fraud-check', 'service', true, false, false, 1, 4, 4],
      ['order-events-consumer', 'service', false, false, true, 1, 4, 0],
      ['orders', 'service', true, false, false, 1, 4, 8],
      ['payments', 'service', true, false, false, 1, 4, 12],
      ['postgresql/payments', 'datastore', false, true, false, 1, 4, 0],
    ]);
    const payments = analysis.participants.find(p => p.service === 'payments');
    expect(payments?.sdks).toEqual([
      {
        source: 'jaeger-client',
        name: 'jaeger-client',
        language: 'java',
        version: '1.8.1',
      },
    ]);
  });

  it('aggregates the call graph with call latency percentiles', () => {
    expect(analysis.edges).toEqual([
      {
        caller: 'checkout',
        callee: 'orders',
        totalCalls: 4,
        tracesWithEdge: 4,
        callsPerRequestMean: 1,
        latency: {
          samples: 4,
          p50Us: 30_000,
          p95Us: 30_000,
          p99Us: 30_000,
          maxUs: 30_000,
        },
      },
      {
        caller: 'checkout',
        callee: 'payments',
        totalCalls: 4,
        tracesWithEdge: 4,
        callsPerRequestMean: 1,
        // 40, 40, 44 and 42 ms: nearest rank 2 of 4 is 40 ms, rank 4 is 44 ms.
        latency: {
          samples: 4,
          p50Us: 40_000,
          p95Us: 44_000,
          p99Us: 44_000,
          maxUs: 44_000,
        },
      },
      {
        caller: 'edge-gateway',
        callee: 'checkout',
        totalCalls: 4,
        tracesWithEdge: 4,
        callsPerRequestMean: 1,
        latency: {
          samples: 4,
          p50Us: 98_000,
          p95Us: 98_000,
          p99Us: 98_000,
          maxUs: 98_000,
        },
      },
      {
        caller: 'payments',
        callee: 'fraud-check',
        totalCalls: 4,
        tracesWithEdge: 4,
        callsPerRequestMean: 1,
        latency: {
          samples: 4,
          p50Us: 20_000,
          p95Us: 20_000,
          p99Us: 20_000,
          maxUs: 20_000,
        },
      },
    ]);
  });

  it('aggregates uninstrumented hops by caller and callee', () => {
    expect(
      analysis.uninstrumentedHops.map(h => [
        h.callerService,
        h.calleeName,
        h.calleeKind,
        h.calleeAttributes,
        h.totalCalls,
        h.tracesWithHop,
        h.callsPerRequestMean,
        h.callsAnsweredInNewTrace,
        h.latency.p50Us,
      ]),
    ).toEqual([
      [
        'checkout',
        'currency',
        'service',
        ['server.address'],
        4,
        4,
        1,
        0,
        8_000,
      ],
      [
        'orders',
        'order-events',
        'service',
        ['messaging.destination.name'],
        4,
        4,
        1,
        4,
        2_000,
      ],
      [
        'payments',
        'postgresql/payments',
        'datastore',
        ['db.system+db.name'],
        4,
        4,
        1,
        0,
        8_000,
      ],
    ]);
    expect(analysis.uninstrumentedHops[0].exampleTraceIds).toEqual(orderTraces);
  });

  it('finds the consumer that starts new traces instead of continuing them', () => {
    expect(analysis.brokenPropagation.newTraces).toEqual([
      {
        calleeService: 'order-events-consumer',
        callerService: 'orders',
        hopCalleeNames: ['order-events'],
        hopsAnsweredInNewTrace: 4,
        operationTraces: 4,
        examples: ['order-a', 'order-b', 'order-c', 'order-d'].map(label => ({
          operationTraceId: traceId(label),
          callerSpanId: spanId(`${label}/orders-publish`),
          newTraceId: traceId(`${label}-consumer`),
        })),
      },
    ]);
  });

  it('finds the flow id that travelled where the trace context did not', () => {
    expect(analysis.brokenPropagation.sharedFlowIds).toEqual([
      {
        flowId: 'flow-1',
        attributes: ['flow_id', 'http.request.header.x-flow-id'],
        traceCount: 2,
        matchingTraceCount: 1,
        traceIds: [orderA, traceId('order-a-consumer')],
        services: [
          'checkout',
          'edge-gateway',
          'fraud-check',
          'order-events-consumer',
          'orders',
          'payments',
        ],
        servicesStartingNewTraces: ['order-events-consumer'],
      },
    ]);
  });

  it('reports orphan roots and no cross-trace references', () => {
    expect(analysis.brokenPropagation.orphanRoots).toEqual([
      {
        service: 'edge-gateway',
        orphanRoots: 1,
        tracesWithOrphanRoot: 1,
        exampleTraceIds: [orderD],
      },
    ]);
    expect(analysis.brokenPropagation.crossTraceReferences).toEqual([]);
  });

  it('traces the failure of the operation back to payments', () => {
    expect(analysis.errors).toEqual({
      failedEntrySpans: 1,
      entryErrorRate: 0.25,
      sourcesByService: [
        {
          service: 'payments',
          errorSources: 1,
          tracesWithErrorSource: 1,
          exampleTraceIds: [orderB],
        },
      ],
    });
  });

  it('shows where the time goes', () => {
    expect(analysis.latency.entry).toEqual({
      samples: 4,
      p50Us: 100_000,
      p95Us: 100_000,
      p99Us: 100_000,
      maxUs: 100_000,
    });
    expect(analysis.latency.selfTimeByService).toEqual([
      { service: 'orders', totalUs: 112_000, share: 0.28 },
      { service: 'checkout', totalUs: 110_000, share: 0.275 },
      { service: 'payments', totalUs: 86_000, share: 0.215 },
      { service: 'fraud-check', totalUs: 72_000, share: 0.18 },
      { service: 'edge-gateway', totalUs: 20_000, share: 0.05 },
    ]);
    expect(analysis.latency.criticalPathByService).toEqual([
      { service: 'checkout', totalUs: 268_000, share: 0.67 },
      { service: 'orders', totalUs: 112_000, share: 0.28 },
      { service: 'edge-gateway', totalUs: 20_000, share: 0.05 },
    ]);
  });

  it('says whether the operation is traced end to end and what blocks it', () => {
    expect(analysis.endToEnd).toEqual({
      reachesFromEdge: true,
      tracesReachingFromEdge: 4,
      blockingServices: [
        { service: 'currency', reasons: ['uninstrumented-callee'] },
        {
          service: 'order-events-consumer',
          reasons: ['starts-new-trace', 'flow-id-instead-of-trace-context'],
        },
      ],
    });
  });

  it('is JSON-serialisable as it is', () => {
    expect(JSON.parse(JSON.stringify(analysis))).toEqual(analysis);
  });
});

describe('analyzeOperation: fan-out of browse catalog', () => {
  const analysis = analyzeOperation({
    operation: BROWSE_CATALOG,
    traces: shopWindow(),
  });
  const participant = (service: string) =>
    analysis.participants.find(p => p.service === service)!;

  it('computes the mean calls per request over every sampled request', () => {
    expect(analysis.sample.matchingTraces).toBe(4);
    // 3, 3, 5 and 3 prices shown: mean 3.5, variance (3 × 0.25 + 2.25) / 4.
    expect(fanOut(participant('pricing'))).toEqual({
      mean: 3.5,
      stdDev: Math.sqrt(0.75),
      min: 3,
      max: 5,
      traces: 4,
    });
    expect(participant('pricing').inboundCalls).toBe(14);
    expect(fanOut(participant('edge-gateway'))).toEqual({
      mean: 1,
      stdDev: 0,
      min: 1,
      max: 1,
      traces: 4,
    });
    expect(fanOut(participant('catalog-browse'))).toEqual({
      mean: 1,
      stdDev: 0,
      min: 1,
      max: 1,
      traces: 4,
    });
  });

  it('counts requests without a call as zero', () => {
    expect(fanOut(participant('recommendations'))).toEqual({
      mean: 0.5,
      stdDev: 0.5,
      min: 0,
      max: 1,
      traces: 2,
    });
    expect(
      analysis.edges.find(e => e.callee === 'pricing')?.callsPerRequestMean,
    ).toBe(3.5);
  });

  it('does not borrow broken propagation from other operations', () => {
    expect(analysis.brokenPropagation.newTraces).toEqual([]);
    expect(analysis.brokenPropagation.sharedFlowIds).toEqual([]);
    expect(analysis.endToEnd.blockingServices).toEqual([
      { service: 'recommendations', reasons: ['uninstrumented-callee'] },
    ]);
  });
});

describe('analyzeOperation: pairing hops with new traces', () => {
  const operation = { entryService: 'web', spanName: 'POST /signup' };
  const signup = (label: string, startUs: number, calleeAttributes = {}) =>
    buildTrace(
      label,
      server(`${label}/in`, 'web', [0, 50_000], {
        name: 'POST /signup',
        children: [
          client(`${label}/call`, 'web', [10_000, 20_000], {
            attributes: {
              'server.address': 'mailer.shop.svc.cluster.local',
              ...calleeAttributes,
            },
          }),
        ],
      }),
      { startUs },
    );
  const mailerRoot = (label: string, startUs: number, more = {}) =>
    buildTrace(label, server(`${label}/in`, 'mailer', [0, 5_000], more), {
      startUs,
    });

  it.each([
    ['inside the call', 15_000, 1],
    ['at the clock-skew edge before the call', 0, 1],
    ['just before the clock-skew tolerance', -1, 0],
    ['at the clock-skew edge after the call', 40_000, 1],
    ['after the call and its tolerance', 40_001, 0],
  ])('pairs a root starting %s', (_, offsetUs, expected) => {
    const analysis = analyzeOperation({
      operation,
      traces: [
        signup('s', BASE_TIME_US),
        mailerRoot('m', BASE_TIME_US + offsetUs),
      ],
    });
    expect(
      analysis.brokenPropagation.newTraces.reduce(
        (n, f) => n + f.hopsAnsweredInNewTrace,
        0,
      ),
    ).toBe(expected);
  });

  it('pairs each new trace with one call only', () => {
    const analysis = analyzeOperation({
      operation,
      traces: [
        signup('s1', BASE_TIME_US),
        signup('s2', BASE_TIME_US + 1_000),
        mailerRoot('m1', BASE_TIME_US + 15_000),
      ],
    });
    expect(analysis.brokenPropagation.newTraces).toEqual([
      {
        calleeService: 'mailer',
        callerService: 'web',
        hopCalleeNames: ['mailer.shop.svc.cluster.local'],
        hopsAnsweredInNewTrace: 1,
        operationTraces: 1,
        examples: [
          {
            operationTraceId: traceId('s1'),
            callerSpanId: spanId('s1/call'),
            newTraceId: traceId('m1'),
          },
        ],
      },
    ]);
    expect(analysis.uninstrumentedHops[0]).toMatchObject({
      totalCalls: 2,
      callsAnsweredInNewTrace: 1,
    });
    expect(
      analysis.participants.find(p => p.service === 'mailer'),
    ).toMatchObject({
      startsNewTrace: true,
      emitsSpans: false,
      callsPerRequestMean: 0.5,
    });
    expect(analysis.endToEnd.blockingServices).toEqual([
      { service: 'mailer', reasons: ['starts-new-trace'] },
    ]);
  });

  it('leaves alone new traces linked back to the request', () => {
    const signupTrace = signup('s', BASE_TIME_US);
    const linked = mailerRoot('m', BASE_TIME_US + 15_000, {
      references: [
        {
          type: 'link',
          traceId: signupTrace.traceId,
          spanId: spanId('s/call'),
        },
      ],
    });
    const analysis = analyzeOperation({
      operation,
      traces: [signupTrace, linked],
    });
    expect(analysis.brokenPropagation.newTraces).toEqual([]);
    expect(analysis.endToEnd.blockingServices).toEqual([
      {
        service: 'mailer.shop.svc.cluster.local',
        reasons: ['uninstrumented-callee'],
      },
    ]);
  });

  it('does not pair a call with a root that is not a server or consumer span', () => {
    const job = buildTrace('j', client('j/out', 'mailer', [0, 5_000]), {
      startUs: BASE_TIME_US + 15_000,
    });
    const analysis = analyzeOperation({
      operation,
      traces: [signup('s', BASE_TIME_US), job],
    });
    expect(analysis.brokenPropagation.newTraces).toEqual([]);
  });

  it('lets a consumer start up to the async tolerance after the producer ended', () => {
    const publish = buildTrace(
      'p',
      server('p/in', 'web', [0, 10_000], {
        name: 'POST /signup',
        children: [
          producer('p/publish', 'web', [1_000, 1_000], {
            attributes: { 'messaging.destination.name': 'signups' },
          }),
        ],
      }),
      { startUs: BASE_TIME_US },
    );
    const consume = (label: string, offsetUs: number) =>
      buildTrace(
        label,
        consumer(`${label}/in`, 'welcome-mails', [0, 1_000], {
          attributes: { 'messaging.destination.name': 'signups' },
        }),
        { startUs: BASE_TIME_US + offsetUs },
      );
    const pairedWith = (offsetUs: number) =>
      analyzeOperation({
        operation,
        traces: [publish, consume('c', offsetUs)],
        options: { asyncDeliveryToleranceUs: 5_000_000 },
      }).brokenPropagation.newTraces.map(f => f.calleeService);
    expect(pairedWith(2_000 + 5_000_000)).toEqual(['welcome-mails']);
    expect(pairedWith(2_000 + 5_000_001)).toEqual([]);
  });

  it('names the caller when nothing names the callee', () => {
    const trace = buildTrace(
      't',
      server('t/in', 'web', [0, 10], {
        name: 'POST /signup',
        children: [client('t/out', 'web', [1, 5])],
      }),
    );
    const analysis = analyzeOperation({ operation, traces: [trace] });
    expect(analysis.participants.map(p => p.service)).toEqual(['web']);
    expect(analysis.endToEnd.blockingServices).toEqual([
      { service: 'web', reasons: ['calls-unidentified-callee'] },
    ]);
  });
});

describe('analyzeOperation: shared flow ids', () => {
  const operation = {
    entryService: 'edge-gateway',
    spanName: 'POST /api/checkout',
  };
  const request = (label: string, startUs: number, flowId: string) =>
    buildTrace(
      label,
      server(`${label}/in`, 'edge-gateway', [0, 1_000], {
        name: 'POST /api/checkout',
        attributes: { 'X-Flow-ID': flowId },
      }),
      { startUs },
    );

  it('does not blame the edge for a client that reuses its flow id', () => {
    const analysis = analyzeOperation({
      operation,
      traces: [
        request('r1', BASE_TIME_US, 'F'),
        request('r2', BASE_TIME_US + 10, 'F'),
      ],
    });
    expect(analysis.brokenPropagation.sharedFlowIds).toEqual([
      {
        flowId: 'F',
        attributes: ['X-Flow-ID'],
        traceCount: 2,
        matchingTraceCount: 2,
        traceIds: [traceId('r1'), traceId('r2')],
        services: ['edge-gateway'],
        servicesStartingNewTraces: [],
      },
    ]);
    expect(analysis.endToEnd.blockingServices).toEqual([]);
  });

  it('ignores flow ids shared only by traces outside the operation', () => {
    const other = (label: string) =>
      buildTrace(
        label,
        server(`${label}/in`, 'search', [0, 1], {
          attributes: { flow_id: 'G' },
        }),
      );
    const analysis = analyzeOperation({
      operation,
      traces: [request('r', BASE_TIME_US, 'F'), other('o1'), other('o2')],
    });
    expect(analysis.brokenPropagation.sharedFlowIds).toEqual([]);
  });
});

describe('analyzeOperation: edge cases', () => {
  it('describes an empty sample without inventing numbers', () => {
    const analysis = analyzeOperation({ operation: PLACE_ORDER, traces: [] });
    expect(analysis).toEqual({
      operation: PLACE_ORDER,
      sample: { tracesInWindow: 0, matchingTraces: 0, traceIds: [] },
      participants: [],
      edges: [],
      uninstrumentedHops: [],
      brokenPropagation: {
        newTraces: [],
        sharedFlowIds: [],
        orphanRoots: [],
        crossTraceReferences: [],
      },
      errors: { failedEntrySpans: 0, sourcesByService: [] },
      latency: { selfTimeByService: [], criticalPathByService: [] },
      endToEnd: {
        reachesFromEdge: false,
        tracesReachingFromEdge: 0,
        blockingServices: [],
      },
    });
  });

  it('does not reach from the edge when the entry service is only seen behind another', () => {
    const trace: Trace = buildTrace(
      't',
      server('t/cdn', 'cdn', [0, 100], {
        children: [
          client('t/out', 'cdn', [1, 98], {
            children: [
              server('t/edge', 'edge-gateway', [2, 96], { name: 'GET /' }),
            ],
          }),
        ],
      }),
    );
    const analysis = analyzeOperation({
      operation: { entryService: 'edge-gateway' },
      traces: [trace],
    });
    expect(analysis.sample.matchingTraces).toBe(1);
    expect(analysis.endToEnd.reachesFromEdge).toBe(false);
    // The critical path starts at the entry span, not at the CDN.
    expect(analysis.latency.criticalPathByService).toEqual([
      { service: 'edge-gateway', totalUs: 96, share: 1 },
    ]);
  });

  it('caps the listed trace ids', () => {
    const traces = shopWindow();
    const analysis = analyzeOperation({
      operation: PLACE_ORDER,
      traces,
      options: { sampleTraceIdLimit: 2, exampleLimit: 1 },
    });
    expect(analysis.sample.traceIds).toEqual(orderTraces.slice(0, 2));
    expect(analysis.uninstrumentedHops[0].exampleTraceIds).toEqual([orderA]);
    expect(analysis.brokenPropagation.newTraces[0].examples).toHaveLength(1);
  });
});
