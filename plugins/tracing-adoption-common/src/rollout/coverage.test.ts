import { computeOperationCoverage, meetsMaturity } from './coverage';
import {
  NOW,
  placeOrderInput,
  placeOrderOperation,
  serviceWaiver,
} from './__testUtils__/rolloutFixtures';
import type { Waiver } from './types';

const statuses = (input = placeOrderInput()) =>
  Object.fromEntries(
    computeOperationCoverage(input).participants.map(p => [
      p.service,
      p.status,
    ]),
  );

const ruleWaiver: Waiver = {
  id: 'w-rule',
  scope: { kind: 'rule', ruleId: 'tenant-on-payments', service: 'payments' },
  reason: 'Tenant moves to baggage next quarter',
  approvedBy: 'user:default/sre-lead',
  expiresAt: '2027-01-01T00:00:00Z',
  createdBy: 'user:default/sre-lead',
  createdAt: NOW.toISOString(),
};

const exemptEverythingButPayments = [
  serviceWaiver('currency'),
  serviceWaiver('tax'),
  serviceWaiver('audit-log'),
  serviceWaiver('order-events-consumer'),
];

describe('computeOperationCoverage', () => {
  it('gives every participant the status its evidence supports', () => {
    expect(statuses()).toEqual({
      'edge-gateway': 'end-to-end',
      checkout: 'end-to-end',
      'fraud-check': 'end-to-end',
      orders: 'end-to-end',
      payments: 'non-compliant',
      'order-events-consumer': 'broken-propagation',
      currency: 'uninstrumented',
      tax: 'uninstrumented',
      'audit-log': 'unknown',
    });
  });

  it('names the evidence: traces, violations with fixes, scans and declarations', () => {
    const coverage = computeOperationCoverage(placeOrderInput());
    const byService = new Map(coverage.participants.map(p => [p.service, p]));
    const payments = byService.get('payments')!;
    expect(payments.errorViolations).toBe(4);
    expect(payments.evidence[1]).toMatchObject({
      kind: 'violation',
      ruleId: 'tenant-on-payments',
    });
    expect(payments.evidence[1].message).toContain('Fix: Set app.tenant');
    expect(payments.evidence[1].traceIds).toHaveLength(3);

    const currency = byService.get('currency')!;
    expect(currency.evidence[0].message).toBe(
      'Called by checkout (4 calls) but emits no spans of its own',
    );
    expect(currency.seenInTraces).toBe(true);
    expect(currency.declared).toBe(false);

    const tax = byService.get('tax')!;
    expect(tax.seenInTraces).toBe(false);
    expect(tax.evidence.map(e => e.kind)).toEqual(['declaration', 'scan']);

    expect(
      byService.get('order-events-consumer')!.evidence.map(e => e.message),
    ).toEqual([
      'order-events-consumer answers calls of this operation in a new trace instead of continuing the caller’s',
      'order-events-consumer passes a legacy flow id where the trace context should travel',
    ]);
    expect(byService.get('checkout')!.entityRef).toBe(
      'component:default/checkout',
    );
  });

  it('is at crawl while participants are missing, naming them', () => {
    const coverage = computeOperationCoverage(placeOrderInput());
    expect(coverage.maturity).toBe('crawl');
    expect(coverage.nextLevelBlockers).toEqual([
      'Every participant must be instrumented and propagate context: audit-log (unknown), currency (uninstrumented), order-events-consumer (broken-propagation), tax (uninstrumented)',
    ]);
    expect(coverage.coverage).toEqual({ covered: 5, total: 9, ratio: 5 / 9 });
    expect(coverage.statusCounts).toEqual({
      'end-to-end': 4,
      'non-compliant': 1,
      'broken-propagation': 1,
      uninstrumented: 2,
      unknown: 1,
    });
    expect(coverage.traces).toMatchObject({
      matchingTraces: 4,
      tracesReachingFromEdge: 4,
      stale: false,
    });
  });

  it('reaches walk when waivers exempt the gaps, and run with objectives and no error violations', () => {
    const walk = computeOperationCoverage(
      placeOrderInput({ waivers: exemptEverythingButPayments }),
    );
    expect(walk.maturity).toBe('walk');
    expect(walk.nextLevelBlockers).toEqual([
      'Error-severity convention violations: payments (non-compliant)',
      'No health objectives (p99 latency or error rate) are defined for the operation',
    ]);
    expect(walk.coverage.covered).toBe(9);

    const run = computeOperationCoverage(
      placeOrderInput({
        operation: placeOrderOperation({ objectives: { latencyP99Ms: 800 } }),
        waivers: [...exemptEverythingButPayments, ruleWaiver],
      }),
    );
    expect(run.maturity).toBe('run');
    expect(run.nextLevelBlockers).toEqual([]);
    expect(run.participants.find(p => p.service === 'payments')?.status).toBe(
      'end-to-end',
    );
  });

  it('ignores expired waivers', () => {
    const expired = exemptEverythingButPayments.map(w => ({
      ...w,
      expiresAt: '2026-11-19T00:00:00Z',
    }));
    const coverage = computeOperationCoverage(
      placeOrderInput({ waivers: expired }),
    );
    expect(coverage.maturity).toBe('crawl');
    expect(coverage.participants.every(p => p.waiver === undefined)).toBe(true);
  });

  it('scopes a service waiver to its operation when it names one', () => {
    const elsewhere = {
      ...serviceWaiver('currency'),
      scope: {
        kind: 'service' as const,
        service: 'currency',
        operationId: 'add-to-cart',
      },
    };
    expect(
      computeOperationCoverage(
        placeOrderInput({ waivers: [elsewhere] }),
      ).participants.find(p => p.service === 'currency')?.waiver,
    ).toBeUndefined();
  });

  it('has no maturity before any trace was analysed', () => {
    const coverage = computeOperationCoverage(
      placeOrderInput({ analysis: undefined, compliance: undefined }),
    );
    expect(coverage.maturity).toBe('none');
    expect(coverage.nextLevelBlockers).toEqual([
      'No sampled trace matches the operation’s entry point yet',
    ]);
    expect(statuses(placeOrderInput({ analysis: undefined }))).toEqual({
      'edge-gateway': 'unknown',
      tax: 'uninstrumented',
      'audit-log': 'unknown',
    });
    expect(coverage.traces).toBeUndefined();
  });

  it('has no maturity when the edge service does not start the trace', () => {
    const traced = placeOrderInput();
    // as when a caller outside the operation (a web frontend) starts the traces
    const result = {
      ...traced.analysis!.result,
      endToEnd: {
        ...traced.analysis!.result.endToEnd,
        reachesFromEdge: false,
        tracesReachingFromEdge: 0,
      },
    };
    const coverage = computeOperationCoverage(
      placeOrderInput({
        analysis: { result, analyzedAt: NOW.toISOString(), stale: true },
      }),
    );
    expect(coverage.maturity).toBe('none');
    expect(coverage.nextLevelBlockers[0]).toContain(
      "No sampled trace is rooted in edge-gateway's server span",
    );
    expect(coverage.traces?.stale).toBe(true);
  });
});

describe('meetsMaturity', () => {
  it('orders none < crawl < walk < run', () => {
    expect(meetsMaturity('walk', 'crawl')).toBe(true);
    expect(meetsMaturity('walk', 'walk')).toBe(true);
    expect(meetsMaturity('crawl', 'walk')).toBe(false);
    expect(meetsMaturity('none', 'crawl')).toBe(false);
  });
});
