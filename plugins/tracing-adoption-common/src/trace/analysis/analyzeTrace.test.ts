import type { Attributes } from '../model';
import {
  PLACE_ORDER,
  PLACE_ORDER_VARIANTS,
  placeOrderTrace,
} from './__testUtils__/onlineShop';
import {
  BASE_TIME_US,
  buildTrace,
  client,
  consumer,
  internal,
  producer,
  server,
  spanId,
} from './__testUtils__/traceBuilder';
import { analyzeTrace } from './analyzeTrace';
import type { ErrorSignal, SdkFact } from './types';

const [orderA, orderB, , orderD] = PLACE_ORDER_VARIANTS;
const id = (label: string) => spanId(label);

describe('analyzeTrace on a place-order request', () => {
  const analysis = analyzeTrace(placeOrderTrace(orderA.label, orderA), {
    operation: PLACE_ORDER,
  });

  it('describes the trace and its entry span', () => {
    expect(analysis).toMatchObject({
      spanCount: 12,
      startTimeUs: BASE_TIME_US,
      endTimeUs: BASE_TIME_US + 100_000,
      rootSpans: [
        {
          spanId: id('order-a/edge'),
          service: 'edge-gateway',
          spanName: 'POST /api/checkout',
          kind: 'server',
        },
      ],
      entry: {
        spanId: id('order-a/edge'),
        service: 'edge-gateway',
        spanName: 'POST /api/checkout',
        kind: 'server',
        durationUs: 100_000,
        isError: false,
        isRoot: true,
      },
      structureProblems: { duplicateSpanIds: [], parentCycleSpanIds: [] },
    });
  });

  it('lists the services with spans, inbound calls and self time', () => {
    expect(
      analysis.services.map(s => [
        s.service,
        s.spans,
        s.inboundCalls,
        s.selfTimeUs,
      ]),
    ).toEqual([
      ['checkout', 4, 1, 29_000],
      ['edge-gateway', 2, 1, 5_000],
      ['fraud-check', 1, 1, 18_000],
      ['orders', 2, 1, 28_000],
      ['payments', 3, 1, 20_000],
    ]);
  });

  it('builds the call graph with client-side durations', () => {
    expect(analysis.calls).toEqual([
      { caller: 'checkout', callee: 'orders', calls: 1, durationsUs: [30_000] },
      {
        caller: 'checkout',
        callee: 'payments',
        calls: 1,
        durationsUs: [40_000],
      },
      {
        caller: 'edge-gateway',
        callee: 'checkout',
        calls: 1,
        durationsUs: [98_000],
      },
      {
        caller: 'payments',
        callee: 'fraud-check',
        calls: 1,
        durationsUs: [20_000],
      },
    ]);
  });

  it('finds the calls nobody answered and names their callees', () => {
    expect(analysis.uninstrumentedHops).toEqual([
      {
        callerService: 'payments',
        callerSpanId: id('order-a/payments→db'),
        callerSpanKind: 'client',
        calleeName: 'postgresql/payments',
        calleeAttribute: 'db.system+db.name',
        calleeKind: 'datastore',
        startTimeUs: BASE_TIME_US + 31_000,
        durationUs: 8_000,
      },
      {
        callerService: 'checkout',
        callerSpanId: id('order-a/checkout→currency'),
        callerSpanKind: 'client',
        calleeName: 'currency',
        calleeAttribute: 'server.address',
        calleeKind: 'service',
        startTimeUs: BASE_TIME_US + 50_000,
        durationUs: 8_000,
      },
      {
        callerService: 'orders',
        callerSpanId: id('order-a/orders-publish'),
        callerSpanKind: 'producer',
        calleeName: 'order-events',
        calleeAttribute: 'messaging.destination.name',
        calleeKind: 'service',
        messagingDestination: 'order-events',
        startTimeUs: BASE_TIME_US + 80_000,
        durationUs: 2_000,
      },
    ]);
  });

  it('follows the last-finishing child from the entry span', () => {
    expect(
      analysis.criticalPath.map(step => [
        step.spanId,
        step.service,
        step.selfTimeOnPathUs,
      ]),
    ).toEqual([
      [id('order-a/edge'), 'edge-gateway', 2_000],
      [id('order-a/edge→checkout'), 'edge-gateway', 3_000],
      [id('order-a/checkout'), 'checkout', 65_000],
      [id('order-a/checkout→orders'), 'checkout', 2_000],
      [id('order-a/orders'), 'orders', 26_000],
      [id('order-a/orders-publish'), 'orders', 2_000],
    ]);
  });

  it('reports instrumentation facts per service', () => {
    const facts = Object.fromEntries(
      analysis.services.map(s => [s.service, s.sdks]),
    );
    expect(facts['edge-gateway']).toEqual([
      {
        source: 'opentelemetry-sdk',
        name: 'opentelemetry',
        language: 'go',
        version: '1.28.0',
      },
    ]);
    expect(facts.payments).toEqual([
      {
        source: 'jaeger-client',
        name: 'jaeger-client',
        language: 'java',
        version: '1.8.1',
      },
    ]);
    expect(facts.checkout).toEqual([]);
  });

  it('finds the flow id sent by the client and no propagation problems', () => {
    expect(analysis.flowIds).toEqual([
      {
        value: 'flow-1',
        attributes: ['http.request.header.x-flow-id'],
        spans: 1,
      },
    ]);
    expect(analysis.errorSources).toEqual([]);
    expect(analysis.orphanRoots).toEqual([]);
    expect(analysis.crossTraceReferences).toEqual([]);
  });

  it('starts the critical path at the earliest root without an operation', () => {
    const withoutOperation = analyzeTrace(
      placeOrderTrace(orderA.label, orderA),
    );
    expect(withoutOperation.entry).toBeUndefined();
    expect(withoutOperation.criticalPath).toEqual(analysis.criticalPath);
  });
});

describe('analyzeTrace on failing and orphaned requests', () => {
  it('names the deepest failed span as the error source', () => {
    const analysis = analyzeTrace(placeOrderTrace(orderB.label, orderB), {
      operation: PLACE_ORDER,
    });
    expect(analysis.entry?.isError).toBe(true);
    expect(analysis.errorSources).toEqual([
      {
        spanId: id('order-b/payments'),
        service: 'payments',
        spanName: 'POST /payments',
        signal: 'status',
      },
    ]);
  });

  it('reports a root server span whose parent never arrived', () => {
    const analysis = analyzeTrace(placeOrderTrace(orderD.label, orderD), {
      operation: PLACE_ORDER,
    });
    expect(analysis.entry?.isRoot).toBe(true);
    expect(analysis.orphanRoots).toEqual([
      {
        spanId: id('order-d/edge'),
        service: 'edge-gateway',
        spanName: 'POST /api/checkout',
        missingParentSpanId: id('order-d/cdn'),
      },
    ]);
  });

  it('keeps every error source when branches fail independently', () => {
    const trace = buildTrace(
      't',
      server('root', 'a', [0, 100], {
        error: true,
        children: [
          client('left', 'a', [10, 20], {
            attributes: { 'http.status_code': 503 },
          }),
          client('right', 'a', [40, 20], {
            error: true,
            children: [
              server('deep', 'b', [41, 18], { attributes: { error: true } }),
            ],
          }),
        ],
      }),
    );
    expect(
      analyzeTrace(trace).errorSources.map(s => [s.spanId, s.signal]),
    ).toEqual([
      [id('left'), 'http-status'],
      [id('deep'), 'error-tag'],
    ]);
  });
});

describe('error signals', () => {
  it.each<[string, Attributes, boolean, ErrorSignal | undefined]>([
    ['error status', {}, true, 'status'],
    ['OpenTracing error tag', { error: true }, false, 'error-tag'],
    ['error tag as text', { error: 'true' }, false, 'error-tag'],
    ['error tag false', { error: false }, false, undefined],
    ['HTTP 503', { 'http.response.status_code': 503 }, false, 'http-status'],
    [
      'legacy HTTP 500 as text',
      { 'http.status_code': '500' },
      false,
      'http-status',
    ],
    ['HTTP 499', { 'http.response.status_code': 499 }, false, undefined],
    ['nothing', {}, false, undefined],
  ])('%s', (_, attributes, errorStatus, expected) => {
    const trace = buildTrace(
      't',
      server('s', 'svc', [0, 1], { attributes, error: errorStatus }),
    );
    expect(analyzeTrace(trace).errorSources[0]?.signal).toBe(expected);
  });
});

describe('callee names of uninstrumented hops', () => {
  it.each<
    [string, Attributes, string, string | undefined, 'service' | 'datastore']
  >([
    [
      'peer.service before the host',
      { 'peer.service': 'payments', 'server.address': '10.1.2.3' },
      'payments',
      'peer.service',
      'service',
    ],
    [
      'server.address',
      { 'server.address': 'currency' },
      'currency',
      'server.address',
      'service',
    ],
    [
      'net.peer.name',
      { 'net.peer.name': 'currency.shop' },
      'currency.shop',
      'net.peer.name',
      'service',
    ],
    [
      'OpenTracing peer.hostname',
      { 'peer.hostname': 'legacy-host' },
      'legacy-host',
      'peer.hostname',
      'service',
    ],
    [
      'http.host without port',
      { 'http.host': 'currency:8080' },
      'currency',
      'http.host',
      'service',
    ],
    [
      'host of url.full',
      { 'url.full': 'https://user:secret@api.stripe.com:443/v1/charges' },
      'api.stripe.com',
      'url.full',
      'service',
    ],
    [
      'host of http.url (IPv6)',
      { 'http.url': 'http://[::1]:8080/rates' },
      '[::1]',
      'http.url',
      'service',
    ],
    [
      'messaging destination',
      { 'messaging.destination.name': 'order-events' },
      'order-events',
      'messaging.destination.name',
      'service',
    ],
    [
      'legacy messaging destination',
      { 'messaging.destination': 'q1' },
      'q1',
      'messaging.destination',
      'service',
    ],
    [
      'OpenTracing message bus',
      { 'message_bus.destination': 'q2' },
      'q2',
      'message_bus.destination',
      'service',
    ],
    [
      'database system and name',
      { 'db.system': 'postgresql', 'db.name': 'orders' },
      'postgresql/orders',
      'db.system+db.name',
      'datastore',
    ],
    [
      'cache without a name',
      { 'db.system': 'redis' },
      'redis',
      'db.system',
      'datastore',
    ],
    [
      'OpenTracing database tags',
      { 'db.type': 'sql', 'db.instance': 'orders' },
      'sql/orders',
      'db.type+db.instance',
      'datastore',
    ],
    [
      'a named datastore is still a datastore',
      { 'peer.service': 'orders-db', 'db.system': 'mysql' },
      'orders-db',
      'peer.service',
      'datastore',
    ],
    [
      'nothing to go by',
      { 'http.request.method': 'GET' },
      'unknown',
      undefined,
      'service',
    ],
  ])('%s', (_, attributes, calleeName, calleeAttribute, calleeKind) => {
    const trace = buildTrace(
      't',
      client('call', 'caller', [0, 10], { attributes }),
    );
    const [hop] = analyzeTrace(trace).uninstrumentedHops;
    expect(hop).toMatchObject({ calleeName, calleeKind });
    expect(hop.calleeAttribute).toBe(calleeAttribute);
  });
});

describe('which outbound spans are uninstrumented hops', () => {
  it.each([
    {
      case: 'a client answered by a server span',
      span: client('out', 'a', [0, 10], {
        children: [server('in', 'b', [1, 8])],
      }),
      hops: [],
    },
    {
      case: 'a client answered by another service without span kind (OpenTracing)',
      span: client('out', 'a', [0, 10], {
        children: [internal('in', 'b', [1, 8])],
      }),
      hops: [],
    },
    {
      case: 'a library client span around the HTTP client span',
      span: client('sdk', 'a', [0, 10], {
        children: [
          client('http', 'a', [1, 8], { attributes: { 'peer.service': 's3' } }),
        ],
      }),
      hops: [id('http')],
    },
    {
      case: 'a client with only local work below it',
      span: client('out', 'a', [0, 10], {
        children: [internal('encode', 'a', [1, 2])],
      }),
      hops: [id('out')],
    },
    {
      case: 'a producer whose consumer is in the trace',
      span: producer('publish', 'a', [0, 2], {
        children: [consumer('consume', 'b', [5, 2])],
      }),
      hops: [],
    },
  ])('$case', ({ span, hops }) => {
    const analysis = analyzeTrace(buildTrace('t', span));
    expect(analysis.uninstrumentedHops.map(h => h.callerSpanId)).toEqual(hops);
  });

  it('counts a service calling itself over the network as a call', () => {
    const trace = buildTrace(
      't',
      server('in', 'a', [0, 10], {
        children: [
          client('out', 'a', [1, 8], {
            children: [server('again', 'a', [2, 6])],
          }),
        ],
      }),
    );
    const analysis = analyzeTrace(trace);
    expect(analysis.calls).toEqual([
      { caller: 'a', callee: 'a', calls: 1, durationsUs: [8] },
    ]);
    expect(analysis.services[0].inboundCalls).toBe(2);
  });

  it('measures a call without client span by the callee span', () => {
    const trace = buildTrace(
      't',
      internal('job', 'a', [0, 10], { children: [server('in', 'b', [2, 6])] }),
    );
    expect(analyzeTrace(trace).calls).toEqual([
      { caller: 'a', callee: 'b', calls: 1, durationsUs: [6] },
    ]);
  });
});

describe('self time and critical path', () => {
  it('does not subtract overlapping children twice nor time after the span ended', () => {
    const trace = buildTrace(
      't',
      server('root', 'a', [0, 100], {
        children: [
          client('p1', 'a', [10, 30], {
            children: [server('b1', 'b', [10, 30])],
          }),
          client('p2', 'a', [20, 30], {
            children: [server('b2', 'b', [20, 30])],
          }),
          producer('async', 'a', [90, 50]),
        ],
      }),
    );
    const analysis = analyzeTrace(trace);
    const selfTime = Object.fromEntries(
      analysis.services.map(s => [s.service, s.selfTimeUs]),
    );
    // root: 100 - |[10,50] ∪ [90,100]| = 50; p1, p2: 0; async: 50.
    expect(selfTime).toEqual({ a: 100, b: 60 });
    // The async span finishes last but only its first 10 µs are on the path.
    expect(
      analysis.criticalPath.map(s => [s.spanId, s.selfTimeOnPathUs]),
    ).toEqual([
      [id('root'), 90],
      [id('async'), 10],
    ]);
  });

  it('ignores children that do not overlap the current step', () => {
    const trace = buildTrace(
      't',
      server('root', 'a', [0, 10], {
        children: [
          internal('after', 'a', [20, 50]),
          internal('inside', 'a', [2, 5]),
        ],
      }),
    );
    expect(analyzeTrace(trace).criticalPath.map(s => s.spanId)).toEqual([
      id('root'),
      id('inside'),
    ]);
  });
});

describe('instrumentation facts', () => {
  it.each<[string, Attributes, SdkFact[]]>([
    [
      'OpenTelemetry SDK and distro',
      {
        'telemetry.sdk.name': 'opentelemetry',
        'telemetry.sdk.language': 'java',
        'telemetry.sdk.version': '1.40.0',
        'telemetry.distro.name': 'opentelemetry-java-instrumentation',
        'telemetry.distro.version': '2.6.0',
      },
      [
        {
          source: 'opentelemetry-distro',
          name: 'opentelemetry-java-instrumentation',
          version: '2.6.0',
        },
        {
          source: 'opentelemetry-sdk',
          name: 'opentelemetry',
          language: 'java',
          version: '1.40.0',
        },
      ],
    ],
    [
      'Jaeger client',
      { 'jaeger.version': 'Go-2.30.0', hostname: 'pod-1' },
      [
        {
          source: 'jaeger-client',
          name: 'jaeger-client',
          language: 'go',
          version: '2.30.0',
        },
      ],
    ],
    [
      'Jaeger client without language',
      { 'jaeger.version': '0.9' },
      [{ source: 'jaeger-client', name: 'jaeger-client', version: '0.9' }],
    ],
    [
      'LightStep tracer',
      {
        'lightstep.tracer_platform': 'jre',
        'lightstep.tracer_version': '0.14.8',
      },
      [
        {
          source: 'opentracing-tracer',
          name: 'lightstep',
          language: 'jre',
          version: '0.14.8',
        },
      ],
    ],
    [
      'generic OpenTracing tracer tags',
      { tracer: 'instana', opentracing: '0.33.0' },
      [
        { source: 'opentracing-tracer', name: 'instana' },
        {
          source: 'opentracing-tracer',
          name: 'opentracing',
          version: '0.33.0',
        },
      ],
    ],
    ['nothing', {}, []],
  ])('reads %s from the resource', (_, resource, sdks) => {
    const trace = buildTrace('t', server('s', 'svc', [0, 1]), {
      resources: { svc: resource },
    });
    expect(analyzeTrace(trace).services[0].sdks).toEqual(sdks);
  });

  it('lists the SDKs of every process of a service', () => {
    const base = buildTrace(
      't',
      server('in', 'pricing', [0, 10], {
        children: [server('retry', 'pricing', [5, 4])],
      }),
      { resources: { pricing: { 'telemetry.sdk.version': '1.0.0' } } },
    );
    // The retry was served by a pod still running the previous release.
    const olderPod = {
      'service.name': 'pricing',
      'telemetry.sdk.version': '0.9.0',
    };
    const trace = {
      ...base,
      spans: [base.spans[0], { ...base.spans[1], resource: olderPod }],
    };
    expect(analyzeTrace(trace).services[0].sdks).toEqual([
      { source: 'opentelemetry-sdk', version: '0.9.0' },
      { source: 'opentelemetry-sdk', version: '1.0.0' },
    ]);
  });

  it('reads tracer tags, scopes and legacy attribute names from spans', () => {
    const trace = buildTrace(
      't',
      server('in', 'svc', [0, 10], {
        attributes: {
          'span.kind': 'server',
          'http.status_code': 200,
          'jaeger.version': 'Node-3.19.0',
          'sampler.type': 'const',
        },
        children: [
          client('out', 'svc', [1, 5], {
            attributes: {
              'otel.scope.name': 'io.opentelemetry.okhttp-3.0',
              'net.peer.name': 'currency',
            },
          }),
          internal('job', 'svc', [6, 1], {
            attributes: { 'otel.library.name': 'custom' },
          }),
        ],
      }),
    );
    const [summary] = analyzeTrace(trace).services;
    expect(summary).toMatchObject({
      sdks: [
        {
          source: 'jaeger-client',
          name: 'jaeger-client',
          language: 'node',
          version: '3.19.0',
        },
      ],
      instrumentationScopes: ['custom', 'io.opentelemetry.okhttp-3.0'],
      legacyAttributes: [
        'http.status_code',
        'net.peer.name',
        'otel.library.name',
        'sampler.type',
        'span.kind',
      ],
      legacyConventions: [
        'jaeger-client',
        'opentelemetry-deprecated',
        'opentracing',
      ],
    });
  });
});

describe('propagation signals and flow ids', () => {
  it('lists references into other traces', () => {
    const trace = buildTrace(
      't',
      consumer('batch', 'billing', [0, 10], {
        references: [
          { type: 'link', traceId: 'a'.repeat(32), spanId: 'b'.repeat(16) },
          {
            type: 'follows_from',
            traceId: 'c'.repeat(32),
            spanId: 'd'.repeat(16),
          },
        ],
      }),
    );
    expect(analyzeTrace(trace).crossTraceReferences).toEqual([
      {
        spanId: id('batch'),
        service: 'billing',
        type: 'link',
        linkedTraceId: 'a'.repeat(32),
        linkedSpanId: 'b'.repeat(16),
      },
      {
        spanId: id('batch'),
        service: 'billing',
        type: 'follows_from',
        linkedTraceId: 'c'.repeat(32),
        linkedSpanId: 'd'.repeat(16),
      },
    ]);
  });

  it('does not call an internal root with a missing parent an orphan', () => {
    const trace = buildTrace(
      't',
      internal('job', 'a', [0, 1], { parentSpanId: spanId('gone') }),
    );
    expect(analyzeTrace(trace).orphanRoots).toEqual([]);
  });

  it('collects flow ids under configurable names, counting each span once', () => {
    const trace = buildTrace(
      't',
      server('in', 'a', [0, 10], {
        attributes: { flow_id: 'F1', 'x-flow-id': 'F1', correlation: 'C9' },
        children: [
          internal('work', 'a', [1, 2], { attributes: { correlation: 42 } }),
        ],
      }),
    );
    expect(analyzeTrace(trace).flowIds).toEqual([
      { value: 'F1', attributes: ['flow_id', 'x-flow-id'], spans: 1 },
    ]);
    expect(
      analyzeTrace(trace, { flowIdAttributes: ['correlation'] }).flowIds,
    ).toEqual([
      { value: 'C9', attributes: ['correlation'], spans: 1 },
      { value: '42', attributes: ['correlation'], spans: 1 },
    ]);
  });

  it('reports parent cycles and duplicate span ids it worked around', () => {
    const base = buildTrace('t', [
      internal('a', 's', [0, 10], { parentSpanId: spanId('b') }),
      internal('b', 's', [5, 10], { parentSpanId: spanId('a') }),
    ]);
    const trace = { ...base, spans: [...base.spans, { ...base.spans[1] }] };
    const analysis = analyzeTrace(trace);
    expect(analysis.structureProblems).toEqual({
      duplicateSpanIds: [spanId('b')],
      parentCycleSpanIds: [spanId('a')],
    });
    expect(analysis.rootSpans.map(r => r.spanId)).toEqual([spanId('a')]);
  });

  it('analyses a trace without spans', () => {
    expect(analyzeTrace({ traceId: '0'.repeat(32), spans: [] })).toEqual({
      traceId: '0'.repeat(32),
      spanCount: 0,
      startTimeUs: 0,
      endTimeUs: 0,
      rootSpans: [],
      services: [],
      calls: [],
      uninstrumentedHops: [],
      errorSources: [],
      criticalPath: [],
      orphanRoots: [],
      crossTraceReferences: [],
      flowIds: [],
      structureProblems: { duplicateSpanIds: [], parentCycleSpanIds: [] },
    });
  });
});
