import { loadRulePack } from '../../compliance/loadRulePack';
import { evaluateTraces } from '../../compliance/evaluateTraces';
import { complianceOfOperation } from '../../compliance/complianceOfOperation';
import { analyzeOperation } from '../../trace/analysis/analyzeOperation';
import {
  PLACE_ORDER,
  shopWindow,
} from '../../trace/analysis/__testUtils__/onlineShop';
import type { CoverageInput, ServiceFacts } from '../coverage';
import type { CriticalOperation, Waiver } from '../types';

export const NOW = new Date('2026-11-20T12:00:00Z');

/** A rule only payments breaks: its server spans lack `app.tenant`. */
const TENANT_PACK = loadRulePack({
  origin: 'tenant.yaml',
  text: `
name: tenant
version: '1.0.0'
description: Tenant attribution.
rules:
  - id: tenant-on-payments
    description: Payment spans name the tenant.
    severity: error
    appliesTo:
      service: [payments]
      spanKinds: [server]
    check:
      required: [app.tenant]
    fix: Set app.tenant on the server span.
`,
}).pack;

export function placeOrderOperation(
  overrides: Partial<CriticalOperation> = {},
): CriticalOperation {
  return {
    id: 'place-order',
    name: 'Place order',
    entry: PLACE_ORDER,
    peakRequestsPerSecond: 400,
    tier: 1,
    ownerRef: 'group:default/checkout-team',
    declaredParticipants: ['tax', 'audit-log'],
    origin: 'api',
    version: 1,
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    ...overrides,
  };
}

export function facts(
  entries: Record<string, Partial<ServiceFacts>>,
): Map<string, ServiceFacts> {
  return new Map(
    Object.entries(entries).map(([service, value]) => [
      service,
      { entityRef: `component:default/${service}`, ...value },
    ]),
  );
}

export function serviceWaiver(
  service: string,
  expiresAt = '2027-01-01T00:00:00Z',
): Waiver {
  return {
    id: `w-${service}`,
    scope: { kind: 'service', service },
    reason: `${service} is being retired`,
    approvedBy: 'user:default/sre-lead',
    expiresAt,
    createdBy: 'user:default/sre-lead',
    createdAt: NOW.toISOString(),
  };
}

/** The place-order window of the online shop, analysed and evaluated. */
export function placeOrderInput(
  overrides: Partial<CoverageInput> = {},
): CoverageInput {
  const traces = shopWindow();
  const result = analyzeOperation({ operation: PLACE_ORDER, traces });
  const report = evaluateTraces(traces, [TENANT_PACK]);
  return {
    operation: placeOrderOperation(),
    analysis: { result, analyzedAt: NOW.toISOString(), stale: false },
    compliance: complianceOfOperation(report, result.sample.traceIds),
    services: facts({
      'edge-gateway': { ownerRef: 'group:default/edge' },
      checkout: { ownerRef: 'group:default/checkout-team' },
      payments: { ownerRef: 'group:default/payments-team' },
      currency: {
        ownerRef: 'group:default/payments-team',
        scan: {
          location: 'github.com/shop/currency',
          instrumentation: 'none',
          outdated: false,
          findings: 0,
        },
      },
      tax: {
        ownerRef: 'group:default/checkout-team',
        scan: {
          location: 'github.com/shop/tax',
          instrumentation: 'none',
          outdated: false,
          findings: 0,
        },
      },
    }),
    waivers: [],
    now: NOW,
    ...overrides,
  };
}
