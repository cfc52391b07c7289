import { computeOperationCoverage } from './coverage';
import { computeTeamRollouts, nextActionsFor } from './teams';
import {
  NOW,
  placeOrderInput,
  placeOrderOperation,
} from './__testUtils__/rolloutFixtures';
import type { CriticalOperation } from './types';

const team = (name: string) => ({
  entityRef: `group:default/${name}`,
  name,
});
const service = (name: string, owner: string) => ({
  entityRef: `component:default/${name}`,
  serviceName: name,
  ownerRef: `group:default/${owner}`,
});

describe('computeTeamRollouts', () => {
  const input = placeOrderInput();
  const operation = input.operation;
  const refund: CriticalOperation = placeOrderOperation({
    id: 'refund',
    name: 'Refund',
    tier: 3,
    peakRequestsPerSecond: 5,
  });
  const coverages = [
    computeOperationCoverage(input),
    computeOperationCoverage({ ...input, operation: refund }),
  ];
  const rollouts = computeTeamRollouts({
    teams: [team('payments-team'), team('checkout-team'), team('marketing')],
    services: [
      service('payments', 'payments-team'),
      service('currency', 'payments-team'),
      service('checkout', 'checkout-team'),
      service('tax', 'checkout-team'),
      service('newsletter', 'marketing'),
    ],
    operations: [operation, refund],
    coverages,
    serviceComplianceScores: new Map([['payments', 0.5]]),
    teamComplianceScores: new Map([['group:default/payments-team', 0.5]]),
    serviceFacts: input.services,
    workshops: [
      {
        id: 'w1',
        date: '2026-10-01',
        topic: 'Tracing 101',
        teamRefs: ['group:default/payments-team'],
        version: 1,
        createdBy: 'user:default/sre',
        createdAt: NOW.toISOString(),
      },
      {
        id: 'w2',
        date: '2026-11-01',
        topic: 'Context propagation',
        teamRefs: ['group:default/payments-team'],
        version: 1,
        createdBy: 'user:default/sre',
        createdAt: NOW.toISOString(),
      },
    ],
  });
  const byTeam = new Map(rollouts.map(r => [r.teamRef, r]));

  it('lists a team’s services on critical operations with their worst status', () => {
    const payments = byTeam.get('group:default/payments-team')!;
    expect(payments.services).toEqual([
      expect.objectContaining({
        service: 'payments',
        status: 'non-compliant',
        operationIds: ['place-order', 'refund'],
        complianceScore: 0.5,
      }),
      expect.objectContaining({
        service: 'currency',
        status: 'uninstrumented',
        scan: {
          instrumentation: 'none',
          outdated: false,
          findings: 0,
          scannedAt: undefined,
        },
      }),
    ]);
    expect(payments.blockingOperationIds).toEqual(['place-order', 'refund']);
    expect(payments.complianceScore).toBe(0.5);
  });

  it('ranks next actions by what they unblock', () => {
    expect(
      byTeam
        .get('group:default/payments-team')!
        .nextActions.map(a => [a.title, a.priority, a.peakRequestsPerSecond]),
    ).toEqual([
      ['Instrument `currency`: blocks Place order and Refund', 16, 405],
      [
        'Fix error-severity convention violations in `payments`: keeps Place order and Refund from run',
        8,
        405,
      ],
    ]);
  });

  it('tells trained from untrained teams', () => {
    expect(byTeam.get('group:default/payments-team')!.training).toEqual({
      trained: true,
      lastWorkshop: { date: '2026-11-01', topic: 'Context propagation' },
    });
    expect(byTeam.get('group:default/checkout-team')!.training).toEqual({
      trained: false,
      lastWorkshop: undefined,
    });
  });

  it('keeps teams without services on critical operations, empty', () => {
    expect(byTeam.get('group:default/marketing')).toMatchObject({
      services: [],
      blockingOperationIds: [],
      nextActions: [],
    });
  });
});

describe('nextActionsFor', () => {
  it('skips waived participants and adds upgrades for outdated libraries', () => {
    const operation = placeOrderOperation();
    const actions = nextActionsFor(
      [
        {
          operation,
          participant: {
            service: 'tax',
            status: 'uninstrumented',
            waiver: { id: 'w', reason: 'retiring', expiresAt: '2027-01-01' },
            seenInTraces: false,
            declared: true,
            errorViolations: 0,
            evidence: [],
          },
        },
        {
          operation,
          participant: {
            service: 'orders',
            status: 'end-to-end',
            seenInTraces: true,
            declared: false,
            errorViolations: 0,
            evidence: [],
          },
        },
      ],
      new Set(['orders']),
    );
    expect(actions.map(a => a.title)).toEqual([
      'Upgrade the tracing library of `orders`: below the minimum version (serves Place order)',
    ]);
  });
});
