import {
  RegressionSubject,
  RolloutDocuments,
  diffRolloutRegressions,
  regressionKey,
} from './regressions';
import { placeOrderOperation } from './__testUtils__/rolloutFixtures';
import type {
  Maturity,
  OperationCoverage,
  ParticipantCoverage,
  ParticipantStatus,
  TeamRollout,
} from './types';

const placeOrder = placeOrderOperation({
  ownerRef: 'group:default/checkout-team',
});

function participant(
  service: string,
  status: ParticipantStatus,
  overrides: Partial<ParticipantCoverage> = {},
): ParticipantCoverage {
  return {
    service,
    entityRef: `component:default/${service}`,
    ownerRef: `group:default/${service}-team`,
    status,
    seenInTraces: true,
    declared: false,
    errorViolations: 0,
    evidence: [],
    ...overrides,
  };
}

function coverage(
  maturity: Maturity,
  participants: ParticipantCoverage[],
  nextLevelBlockers: string[] = [],
): OperationCoverage {
  return {
    operationId: 'place-order',
    maturity,
    nextLevelBlockers,
    coverage: { covered: 0, total: participants.length, ratio: 0 },
    statusCounts: {
      'end-to-end': 0,
      'non-compliant': 0,
      'broken-propagation': 0,
      uninstrumented: 0,
      unknown: 0,
    },
    participants,
  };
}

function team(
  complianceScore: number | null | undefined,
  teamRef = 'group:default/payments-team',
): TeamRollout {
  return {
    teamRef,
    title: 'Payments',
    services: [],
    blockingOperationIds: [],
    complianceScore,
    nextActions: [],
    training: { trained: false },
  };
}

const healthy = coverage('walk', [
  participant('checkout', 'end-to-end'),
  participant('payments', 'non-compliant'),
]);

function diff(
  previous: Partial<RolloutDocuments>,
  current: Partial<RolloutDocuments>,
  openAlerts: RegressionSubject[] = [],
) {
  return diffRolloutRegressions({
    operations: [placeOrder],
    previous: { operations: [], teams: [], ...previous },
    current: { operations: [], teams: [], ...current },
    openAlerts,
    complianceThreshold: 0.8,
  });
}

describe('diffRolloutRegressions', () => {
  it('alerts the owners of an operation that lost maturity, once per level lost', () => {
    const crawl = coverage(
      'crawl',
      [participant('checkout', 'end-to-end'), participant('tax', 'unknown')],
      [
        'Every participant must be instrumented and propagate context: tax (unknown)',
      ],
    );
    expect(diff({ operations: [healthy] }, { operations: [crawl] })).toEqual({
      opened: [
        {
          key: 'maturity:place-order:walk',
          subject: {
            kind: 'maturity-lost',
            operationId: 'place-order',
            lostMaturity: 'walk',
          },
          recipient: 'group:default/checkout-team',
          title: 'Place order dropped from walk to crawl',
          description:
            'The tracing maturity of Place order (place-order) fell from walk to crawl. What keeps it from walk: Every participant must be instrumented and propagate context: tax (unknown)',
          link: '/tracing-adoption/critical-operations/place-order',
          scope: 'tracing-adoption:maturity:place-order',
        },
      ],
      resolved: [],
    });

    const walkLost: RegressionSubject = {
      kind: 'maturity-lost',
      operationId: 'place-order',
      lostMaturity: 'walk',
    };
    const none = coverage('none', [], ['No sampled trace matches']);
    const further = diff({ operations: [crawl] }, { operations: [none] }, [
      walkLost,
    ]);
    expect(further.opened.map(a => [a.key, a.scope])).toEqual([
      ['maturity:place-order:crawl', 'tracing-adoption:maturity:place-order'],
    ]);
    expect(further.resolved).toEqual([]);
  });

  it('alerts the owner of a service that stopped propagating or emitting spans', () => {
    const broken = coverage('crawl', [
      participant('checkout', 'broken-propagation', {
        evidence: [
          {
            kind: 'trace',
            message:
              'checkout answers calls of this operation in a new trace instead of continuing the caller’s',
          },
        ],
      }),
      participant('payments', 'uninstrumented', { ownerRef: undefined }),
    ]);
    const { opened } = diff(
      { operations: [healthy] },
      { operations: [broken] },
    );
    expect(opened.slice(1)).toEqual([
      {
        key: 'propagation:place-order:checkout',
        subject: {
          kind: 'propagation-broken',
          operationId: 'place-order',
          service: 'checkout',
        },
        recipient: 'group:default/checkout-team',
        title: 'checkout no longer propagates trace context in Place order',
        description:
          'checkout was end-to-end on Place order and is now broken-propagation: checkout answers calls of this operation in a new trace instead of continuing the caller’s.',
        link: '/tracing-adoption/critical-operations/place-order',
        scope: 'tracing-adoption:propagation:place-order:checkout',
      },
      {
        key: 'propagation:place-order:payments',
        subject: {
          kind: 'propagation-broken',
          operationId: 'place-order',
          service: 'payments',
        },
        // no owner in the catalog: the operation's owners hear of it
        recipient: 'group:default/checkout-team',
        title: 'payments no longer emits spans in Place order',
        description:
          'payments was non-compliant on Place order and is now uninstrumented.',
        link: '/tracing-adoption/critical-operations/place-order',
        scope: 'tracing-adoption:propagation:place-order:payments',
      },
    ]);
    expect(opened[0].key).toBe('maturity:place-order:walk');
  });

  it('leaves alone services that were not propagating, are waived, or are merely unknown', () => {
    const before = coverage('crawl', [
      participant('checkout', 'end-to-end'),
      participant('payments', 'end-to-end'),
      participant('currency', 'unknown'),
    ]);
    const after = coverage('crawl', [
      participant('checkout', 'unknown'),
      participant('payments', 'uninstrumented', {
        waiver: { id: 'w1', reason: 'retired', expiresAt: '2099-01-01' },
      }),
      participant('currency', 'uninstrumented'),
      participant('tax', 'uninstrumented'),
    ]);
    expect(diff({ operations: [before] }, { operations: [after] })).toEqual({
      opened: [],
      resolved: [],
    });
  });

  it('alerts a team whose compliance fell below the threshold from at or above it', () => {
    expect(diff({ teams: [team(80)] }, { teams: [team(79.9)] }).opened).toEqual(
      [
        {
          key: 'compliance:group:default/payments-team',
          subject: {
            kind: 'compliance-dropped',
            teamRef: 'group:default/payments-team',
          },
          recipient: 'group:default/payments-team',
          title: 'Payments: convention compliance fell below 80',
          description:
            'The convention compliance score of Payments dropped from 80 to 79.9 (threshold 80 of 100). Its next actions list the rules to fix.',
          link: '/tracing-adoption/teams/default/payments-team',
          scope: 'tracing-adoption:compliance:group:default/payments-team',
        },
      ],
    );
    for (const [before, after] of [
      [79, 60],
      [95, 80],
      [null, 10],
      [90, null],
      [undefined, 10],
    ]) {
      expect({
        before,
        after,
        opened: diff({ teams: [team(before)] }, { teams: [team(after)] })
          .opened,
      }).toEqual({ before, after, opened: [] });
    }
  });

  it('sends nothing for an alert that is still open, and nothing on the first evaluation', () => {
    const crawl = coverage('crawl', [participant('checkout', 'end-to-end')]);
    const open: RegressionSubject[] = [
      {
        kind: 'maturity-lost',
        operationId: 'place-order',
        lostMaturity: 'walk',
      },
    ];
    expect(
      diff({ operations: [healthy] }, { operations: [crawl] }, open),
    ).toEqual({ opened: [], resolved: [] });
    expect(diff({}, { operations: [crawl], teams: [team(10)] })).toEqual({
      opened: [],
      resolved: [],
    });
  });

  it('resolves open alerts once they recover or their subject is gone', () => {
    const open: RegressionSubject[] = [
      {
        kind: 'maturity-lost',
        operationId: 'place-order',
        lostMaturity: 'walk',
      },
      {
        kind: 'maturity-lost',
        operationId: 'place-order',
        lostMaturity: 'run',
      },
      {
        kind: 'propagation-broken',
        operationId: 'place-order',
        service: 'payments',
      },
      {
        kind: 'propagation-broken',
        operationId: 'place-order',
        service: 'checkout',
      },
      {
        kind: 'propagation-broken',
        operationId: 'place-order',
        service: 'gone',
      },
      { kind: 'maturity-lost', operationId: 'removed', lostMaturity: 'crawl' },
      { kind: 'compliance-dropped', teamRef: 'group:default/payments-team' },
      { kind: 'compliance-dropped', teamRef: 'group:default/quiet-team' },
      { kind: 'compliance-dropped', teamRef: 'group:default/left-team' },
    ];
    const now = coverage('walk', [
      participant('checkout', 'broken-propagation'),
      participant('payments', 'non-compliant'),
    ]);
    const { resolved, opened } = diff(
      { operations: [now] },
      {
        operations: [now],
        teams: [team(80), team(null, 'group:default/quiet-team')],
      },
      open,
    );
    expect(opened).toEqual([]);
    expect(resolved.map(regressionKey)).toEqual([
      'maturity:place-order:walk',
      'propagation:place-order:payments',
      'propagation:place-order:gone',
      'maturity:removed:crawl',
      'compliance:group:default/payments-team',
      'compliance:group:default/left-team',
    ]);
  });
});
