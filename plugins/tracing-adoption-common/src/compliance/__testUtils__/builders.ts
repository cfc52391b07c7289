import type { Span } from '../../trace/model';
import type { ComplianceRule, RulePack } from '../rulePack';

/** A compliant-looking HTTP server span of `shop`; override what a test needs. */
export function span(overrides: Partial<Span> = {}): Span {
  return {
    traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
    spanId: '00f067aa0ba902b7',
    references: [],
    name: 'GET /orders/:id',
    kind: 'server',
    serviceName: 'shop',
    startTimeUs: 1_700_000_000_000_000,
    durationUs: 1_000,
    attributes: {},
    resource: { 'service.name': 'shop' },
    events: [],
    status: { code: 'unset' },
    ...overrides,
  };
}

/** A pack holding one rule; the rule's id is `rule` unless given. */
export function rulePack(
  rule: Partial<ComplianceRule> & Pick<ComplianceRule, 'check'>,
  pack: Partial<RulePack> = {},
): RulePack {
  return {
    name: 'test',
    version: '1.0.0',
    description: 'test pack',
    appliesTo: [],
    ...pack,
    rules: [
      {
        id: 'rule',
        description: 'test rule',
        severity: 'warning',
        appliesTo: [],
        fix: 'fix it',
        ...rule,
      },
    ],
  };
}
