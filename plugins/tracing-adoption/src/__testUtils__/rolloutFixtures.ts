import {
  CampaignView,
  CapacityDriver,
  CapacityTargets,
  CriticalOperation,
  CriticalOperationDetail,
  OperationHealthHistory,
  RolloutOverview,
  TeamRolloutDetail,
} from '@internal/plugin-tracing-adoption-common';

export const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
export const TRACE_URL = `https://jaeger.example.com/trace/${TRACE_ID}`;

export function checkoutOperation(
  overrides: Partial<CriticalOperation> = {},
): CriticalOperation {
  return {
    id: 'checkout',
    name: 'Checkout',
    description: 'Pay for the cart',
    entry: {
      entryService: 'edge-gateway',
      httpRoute: '/api/checkout',
      httpMethod: 'POST',
    },
    peakRequestsPerSecond: 350,
    tier: 1,
    ownerRef: 'group:default/team-checkout',
    campaignId: 'cyber-week',
    declaredParticipants: ['tax'],
    objectives: { latencyP99Ms: 1500 },
    origin: 'api',
    version: 3,
    createdAt: '2026-09-01T00:00:00.000Z',
    updatedAt: '2026-10-01T00:00:00.000Z',
    ...overrides,
  };
}

/**
 * Checkout at crawl: the edge and checkout trace end to end, checkout breaks
 * a convention, currency sends no spans, payments starts new traces and tax
 * was never seen.
 */
export function checkoutDetail(
  overrides: Partial<CriticalOperation> = {},
): CriticalOperationDetail {
  return {
    operation: checkoutOperation(overrides),
    evaluatedAt: '2026-11-20T10:00:00.000Z',
    traceLinks: { [TRACE_ID]: TRACE_URL },
    coverage: {
      operationId: 'checkout',
      maturity: 'crawl',
      nextLevelBlockers: [
        'Every participant must be instrumented and propagate context: currency (uninstrumented), payments (broken-propagation), tax (unknown)',
      ],
      coverage: { covered: 2, total: 5, ratio: 0.4 },
      statusCounts: {
        'end-to-end': 1,
        'non-compliant': 1,
        'broken-propagation': 1,
        uninstrumented: 1,
        unknown: 1,
      },
      traces: {
        analyzedAt: '2026-11-20T09:59:00.000Z',
        matchingTraces: 40,
        tracesReachingFromEdge: 40,
        exampleTraceIds: [TRACE_ID],
        stale: false,
      },
      participants: [
        {
          service: 'checkout',
          entityRef: 'component:default/checkout',
          ownerRef: 'group:default/team-checkout',
          status: 'non-compliant',
          seenInTraces: true,
          declared: false,
          callsPerRequest: 1,
          errorViolations: 4,
          evidence: [
            {
              kind: 'trace',
              message:
                'checkout emits spans in 40 of 40 sampled traces and continues the caller’s trace',
              traceIds: [TRACE_ID],
            },
            {
              kind: 'violation',
              ruleId: 'http-route-required',
              message:
                '4 × http-route-required (opentelemetry): Server spans name their route. Fix: Set http.route on server spans.',
              traceIds: [TRACE_ID],
            },
          ],
        },
        {
          service: 'currency',
          entityRef: 'component:default/currency',
          ownerRef: 'group:default/team-payments',
          status: 'uninstrumented',
          seenInTraces: true,
          declared: false,
          callsPerRequest: 2.5,
          errorViolations: 0,
          evidence: [
            {
              kind: 'trace',
              message:
                'Called by checkout (100 calls) but emits no spans of its own',
              traceIds: [TRACE_ID],
            },
            {
              kind: 'scan',
              path: 'github.com/shop/currency',
              message:
                'Repository scan of github.com/shop/currency: no tracing library',
            },
          ],
        },
        {
          service: 'edge-gateway',
          entityRef: 'component:default/edge-gateway',
          ownerRef: 'group:default/team-edge',
          status: 'end-to-end',
          seenInTraces: true,
          declared: false,
          callsPerRequest: 1,
          errorViolations: 0,
          evidence: [],
        },
        {
          service: 'payments',
          entityRef: 'component:default/payments',
          ownerRef: 'group:default/team-payments',
          status: 'broken-propagation',
          seenInTraces: true,
          declared: false,
          callsPerRequest: 1,
          errorViolations: 0,
          evidence: [
            {
              kind: 'trace',
              message:
                'payments answers calls of this operation in a new trace instead of continuing the caller’s',
              traceIds: [TRACE_ID],
            },
          ],
        },
        {
          service: 'tax',
          status: 'unknown',
          seenInTraces: false,
          declared: true,
          errorViolations: 0,
          evidence: [
            {
              kind: 'trace',
              message: 'Not seen in the 40 sampled traces of this operation',
            },
            {
              kind: 'declaration',
              message: 'Declared as a participant of Checkout',
            },
          ],
        },
      ],
    },
    analysis: {
      edges: [
        {
          caller: 'edge-gateway',
          callee: 'checkout',
          callsPerRequestMean: 1,
          latencyP95Us: 48_000,
        },
        {
          caller: 'checkout',
          callee: 'payments',
          callsPerRequestMean: 1,
          latencyP95Us: 12_500,
        },
      ],
      uninstrumentedHops: [
        {
          callerService: 'checkout',
          calleeName: 'currency',
          calleeKind: 'service',
          callsPerRequestMean: 2.5,
        },
        {
          callerService: 'checkout',
          calleeName: 'orders-db',
          calleeKind: 'datastore',
          callsPerRequestMean: 3,
        },
      ],
    },
  };
}

export function cyberWeek(): CampaignView {
  return {
    campaign: {
      id: 'cyber-week',
      name: 'Cyber Week 2026',
      startDate: '2026-09-01',
      deadline: '2026-11-27',
      targetMaturity: 'walk',
      origin: 'config',
      version: 1,
      createdAt: '2026-09-01T00:00:00.000Z',
      updatedAt: '2026-09-01T00:00:00.000Z',
    },
    progress: {
      campaignId: 'cyber-week',
      status: 'at-risk',
      atTarget: 1,
      total: 4,
      daysLeft: 7,
      trendPerDay: 0.1,
      projectedAtDeadline: 1.7,
      explanation:
        '1 of 4 at target; at 0.10 operations per day, 1 will be by 2026-11-27 (7 days left)',
    },
    burnUp: [
      { day: '2026-11-18', atTarget: 0, total: 4 },
      { day: '2026-11-19', atTarget: 1, total: 4 },
      { day: '2026-11-20', atTarget: 1, total: 4 },
    ],
    operations: [
      { id: 'checkout', name: 'Checkout', maturity: 'crawl', atTarget: false },
      { id: 'search', name: 'Search', maturity: 'walk', atTarget: true },
    ],
  };
}

export function overview(): RolloutOverview {
  const detail = checkoutDetail();
  return {
    evaluatedAt: '2026-11-20T10:00:00.000Z',
    campaigns: [cyberWeek()],
    maturityCounts: { none: 1, crawl: 1, walk: 1, run: 0 },
    operations: [
      {
        operation: detail.operation,
        maturity: 'crawl',
        coverage: detail.coverage!.coverage,
        statusCounts: detail.coverage!.statusCounts,
        stale: false,
      },
      {
        operation: checkoutOperation({
          id: 'search',
          name: 'Search',
          tier: 2,
          ownerRef: 'group:default/team-search',
        }),
        maturity: 'walk',
        coverage: { covered: 3, total: 3, ratio: 1 },
        statusCounts: {
          'end-to-end': 3,
          'non-compliant': 0,
          'broken-propagation': 0,
          uninstrumented: 0,
          unknown: 0,
        },
        stale: true,
      },
      {
        operation: checkoutOperation({
          id: 'refund',
          name: 'Refund',
          tier: 3,
          origin: 'config',
        }),
        maturity: 'none',
      },
    ],
    blockingTeams: [
      {
        teamRef: 'group:default/team-payments',
        title: 'Payments',
        blockingOperationIds: ['checkout', 'refund'],
        trained: false,
        topAction: 'Instrument `currency`: blocks Checkout and Refund',
      },
    ],
    training: {
      trained: ['group:default/team-search'],
      untrained: ['group:default/team-payments', 'group:default/team-checkout'],
    },
    staleSources: [
      {
        id: 'jaeger-prod',
        kind: 'jaeger',
        health: 'failing',
        consecutiveFailures: 3,
        lastError: 'GET https://jaeger/api/traces answered 502 Bad Gateway',
      },
    ],
    unmappedServices: [{ service: 'legacy-fx', operationIds: ['checkout'] }],
  };
}

export function paymentsTeam(): TeamRolloutDetail {
  return {
    evaluatedAt: '2026-11-20T10:00:00.000Z',
    team: {
      teamRef: 'group:default/team-payments',
      title: 'Payments',
      services: [
        {
          service: 'currency',
          entityRef: 'component:default/currency',
          status: 'uninstrumented',
          operationIds: ['checkout'],
          complianceScore: null,
          scan: { instrumentation: 'none', outdated: false, findings: 0 },
        },
        {
          service: 'payments',
          entityRef: 'component:default/payments',
          status: 'broken-propagation',
          operationIds: ['checkout'],
          complianceScore: 92.5,
          scan: {
            instrumentation: 'opentelemetry',
            outdated: true,
            findings: 2,
          },
        },
      ],
      blockingOperationIds: ['checkout'],
      complianceScore: 92.5,
      nextActions: [
        {
          kind: 'instrument',
          service: 'currency',
          title: 'Instrument `currency`: blocks Checkout',
          operationIds: ['checkout'],
          peakRequestsPerSecond: 350,
          priority: 12,
        },
        {
          kind: 'propagate',
          service: 'payments',
          title: 'Propagate the trace context in `payments`: blocks Checkout',
          operationIds: ['checkout'],
          peakRequestsPerSecond: 350,
          priority: 12,
        },
      ],
      training: { trained: false },
    },
    history: [
      {
        day: '2026-11-19',
        blockingOperations: 2,
        servicesOnCriticalOperations: 2,
        servicesEndToEnd: 0,
      },
      {
        day: '2026-11-20',
        blockingOperations: 1,
        servicesOnCriticalOperations: 2,
        servicesEndToEnd: 0,
      },
    ],
  };
}

function driver(
  operationId: string,
  operationName: string,
  peakRequestsPerSecond: number,
  mean: number,
  share: number,
): CapacityDriver {
  return {
    operationId,
    operationName,
    peakRequestsPerSecond,
    callsPerRequest: { mean, stdDev: 0.5, min: 1, max: 2 },
    matchingTraces: 40,
    expectedRps: peakRequestsPerSecond * mean,
    share,
    clientSpanCalls: [],
  };
}

/**
 * Checkout at 350 requests/s and search at 100, both reaching cart; currency
 * is counted from checkout's client spans; refund is not traced yet.
 */
export function capacityTargets(): CapacityTargets {
  return {
    safetyFactor: 1.5,
    services: [
      {
        service: 'cart',
        kind: 'service',
        expectedRps: 625,
        targetRps: 937.5,
        stdDevRange: { lowRps: 400, highRps: 850 },
        observedRange: { lowRps: 450, highRps: 900 },
        unknownLoad: false,
        estimatedFromClientSpans: false,
        drivers: [
          driver('checkout', 'Checkout', 350, 1.5, 0.84),
          driver('search', 'Search', 100, 1, 0.16),
        ],
      },
      {
        service: 'currency',
        kind: 'service',
        expectedRps: 350,
        targetRps: 525,
        stdDevRange: { lowRps: 175, highRps: 525 },
        observedRange: { lowRps: 350, highRps: 700 },
        unknownLoad: true,
        estimatedFromClientSpans: true,
        drivers: [driver('checkout', 'Checkout', 350, 1, 1)],
      },
    ],
    datastores: [
      {
        service: 'orders-db',
        kind: 'datastore',
        expectedRps: 1050,
        targetRps: 1575,
        stdDevRange: { lowRps: 875, highRps: 1225 },
        observedRange: { lowRps: 700, highRps: 1400 },
        unknownLoad: false,
        estimatedFromClientSpans: false,
        drivers: [driver('checkout', 'Checkout', 350, 3, 1)],
      },
    ],
    operations: [
      {
        id: 'checkout',
        name: 'Checkout',
        status: 'traced',
        plannedPeakRequestsPerSecond: 350,
        peakRequestsPerSecond: 350,
        whatIf: false,
      },
      {
        id: 'search',
        name: 'Search',
        status: 'traced',
        plannedPeakRequestsPerSecond: 100,
        peakRequestsPerSecond: 100,
        whatIf: false,
      },
      {
        id: 'refund',
        name: 'Refund',
        status: 'not-traced',
        plannedPeakRequestsPerSecond: 5,
        peakRequestsPerSecond: 5,
        whatIf: false,
      },
    ],
  };
}

/** Checkout over its p99 objective, payments slowest and failing most. */
export function checkoutHealth(): OperationHealthHistory {
  return {
    operationId: 'checkout',
    objectives: { latencyP99Ms: 1500, errorRatePercent: 1 },
    evaluatedAt: '2026-11-20T10:00:00.000Z',
    current: {
      matchingTraces: 200,
      latency: {
        samples: 200,
        p50Ms: 210,
        p95Ms: 980,
        p99Ms: 1820,
        maxMs: 2400,
      },
      errorRate: 0.005,
      failedRequests: 1,
      topLatencyService: {
        service: 'payments',
        share: 0.42,
        msPerRequest: 310,
      },
      topErrorService: {
        service: 'fraud-check',
        errorSources: 3,
        tracesWithErrorSource: 2,
        exampleTraceIds: [TRACE_ID],
      },
      objectives: {
        latencyP99Ms: { objective: 1500, actual: 1820, status: 'missed' },
        errorRatePercent: { objective: 1, actual: 0.5, status: 'met' },
      },
      objectivesStatus: 'missed',
    },
    history: [
      {
        day: '2026-11-19',
        matchingTraces: 38,
        p50Ms: 200,
        p95Ms: 900,
        p99Ms: 1400,
        errorRate: 0,
        objectivesStatus: 'met',
      },
      {
        day: '2026-11-20',
        matchingTraces: 200,
        p50Ms: 210,
        p95Ms: 980,
        p99Ms: 1820,
        errorRate: 0.005,
        objectivesStatus: 'missed',
        topLatencyService: 'payments',
        topErrorService: 'fraud-check',
      },
    ],
  };
}
