import { compileRulePacks } from './compileRulePacks';
import { complianceByTeam } from './complianceByTeam';
import { complianceOfOperation } from './complianceOfOperation';
import type { ComplianceTally } from './complianceReport';
import { complianceScore } from './complianceScore';
import { evaluateTraces } from './evaluateTraces';
import {
  DEMO_SHOP_OWNERS,
  demoShopTraces,
  shippedPacks,
} from './__testUtils__/demoShop';

const packs = shippedPacks();
const traces = demoShopTraces();
const report = evaluateTraces(
  traces,
  compileRulePacks([packs.opentelemetry, packs.opentracing, packs.shopfront]),
);

const tallyOf = ({
  spansEvaluated,
  spansWithViolations,
  violatingSpansBySeverity,
  violationsBySeverity,
  score,
}: ComplianceTally): ComplianceTally => ({
  spansEvaluated,
  spansWithViolations,
  violatingSpansBySeverity,
  violationsBySeverity,
  score,
});

describe('complianceScore', () => {
  it('weighs each violating span by its most severe rule', () => {
    expect(complianceScore({ error: 1, warning: 2, info: 5 }, 10)).toBe(75);
    expect(complianceScore({ error: 10, warning: 0, info: 0 }, 10)).toBe(0);
    expect(complianceScore({ error: 0, warning: 0, info: 0 }, 3)).toBe(100);
    expect(complianceScore({ error: 0, warning: 0, info: 0 }, 0)).toBeNull();
  });
});

describe('complianceByTeam', () => {
  const byTeam = complianceByTeam(report, DEMO_SHOP_OWNERS);
  const team = (name: string) =>
    byTeam.teams.find(entry => entry.team === name)!;

  it('sums the services of each team and lists services nobody owns', () => {
    expect(byTeam.teams.map(entry => entry.team)).toEqual([
      'team-cart-checkout',
      'team-discovery',
      'team-edge',
      'team-fulfilment',
      'team-payments',
    ]);
    expect(byTeam.unownedServices).toEqual(['order-events-consumer']);
    expect(team('team-cart-checkout')).toMatchObject({
      services: ['cart', 'checkout', 'orders', 'pricing', 'promotions'],
      spansEvaluated: 46,
      spansWithViolations: 15,
      violatingSpansBySeverity: { error: 0, warning: 15, info: 0 },
      score: 83.7,
    });
    expect(team('team-edge').score).toBe(25);
  });

  it('merges the rules and migrations of a team’s services', () => {
    const peerService = team('team-cart-checkout').rules.find(
      rule => rule.ruleId === 'deprecated.peer.service.client',
    )!;
    expect(peerService).toMatchObject({
      violations: 12,
      spans: 12,
      services: ['cart', 'checkout'],
    });
    expect(peerService.examples).toHaveLength(report.maxExamplesPerRule);
    expect(
      team('team-cart-checkout').migrations.map(migration => migration.from),
    ).toEqual([
      'peer.service',
      'flow_id',
      'db.instance',
      'db.statement',
      'db.type',
      'http.method',
      'http.status_code',
      'http.url',
      'message_bus.destination',
    ]);
  });

  it('takes owners from a map as well', () => {
    expect(
      complianceByTeam(report, new Map(Object.entries(DEMO_SHOP_OWNERS))),
    ).toEqual(byTeam);
  });
});

describe('complianceOfOperation', () => {
  const checkoutTraceIds = traces
    .filter(trace =>
      trace.spans.some(
        span =>
          span.serviceName === 'edge-gateway' &&
          span.name === 'POST /api/checkout',
      ),
    )
    .map(trace => trace.traceId);

  it('sums up the traces of the operation', () => {
    const checkout = complianceOfOperation(report, [
      ...checkoutTraceIds,
      'ffffffffffffffffffffffffffffffff',
    ]);
    expect(checkout).toMatchObject({
      tracesRequested: 3,
      tracesFound: 2,
      spansEvaluated: 28,
      spansWithViolations: 17,
      violatingSpansBySeverity: { error: 2, warning: 15, info: 0 },
      score: 66.1,
    });
    // order-events-consumer starts its own trace, so it is not part of checkout.
    expect(checkout.services.map(entry => entry.service)).toEqual([
      'cart',
      'checkout',
      'edge-gateway',
      'fraud-check',
      'orders',
      'payments',
    ]);
    expect(
      checkout.rules.find(rule => rule.ruleId === 'flow-id-on-entry'),
    ).toMatchObject({ violations: 2, spans: 2, services: ['edge-gateway'] });
    expect(
      checkout.migrations.find(migration => migration.from === 'peer.service'),
    ).toMatchObject({
      spans: 12,
      services: ['checkout', 'edge-gateway', 'payments'],
    });
  });

  it('takes its examples from different traces', () => {
    const checkout = complianceOfOperation(report, checkoutTraceIds);
    const flowId = checkout.rules.find(
      rule => rule.ruleId === 'flow-id-on-entry',
    )!;
    expect(new Set(flowId.examples.map(example => example.traceId))).toEqual(
      new Set(checkoutTraceIds),
    );
  });

  it('equals the whole report over all its traces', () => {
    const everything = complianceOfOperation(
      report,
      traces.map(trace => trace.traceId),
    );
    expect(tallyOf(everything)).toEqual(tallyOf(report));
    expect(everything.services.map(tallyOf)).toEqual(
      report.services.map(tallyOf),
    );
    const counts = (rules: typeof report.rules) =>
      rules.map(rule => [
        rule.packName,
        rule.ruleId,
        rule.violations,
        rule.spans,
        rule.attributes,
      ]);
    expect(counts(everything.rules)).toEqual(counts(report.rules));
    expect(
      everything.migrations.map(({ from, spans }) => [from, spans]),
    ).toEqual(report.migrations.map(({ from, spans }) => [from, spans]));
  });

  it('has no score when none of the traces were evaluated', () => {
    expect(complianceOfOperation(report, ['0'.repeat(32)])).toMatchObject({
      tracesRequested: 1,
      tracesFound: 0,
      spansEvaluated: 0,
      score: null,
      services: [],
    });
  });
});
