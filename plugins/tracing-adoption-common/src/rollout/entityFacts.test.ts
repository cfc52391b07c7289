import { computeOperationCoverage } from './coverage';
import { computeEntityFacts } from './entityFacts';
import { computeTeamRollouts } from './teams';
import {
  placeOrderInput,
  serviceWaiver,
} from './__testUtils__/rolloutFixtures';
import type { Team, TrackedService } from '../types';

function tracked(serviceName: string, owner: string): TrackedService {
  return {
    entityRef: `component:default/${serviceName}`,
    serviceName,
    ownerRef: `group:default/${owner}`,
  };
}

const teams: Team[] = ['checkout-team', 'payments-team', 'idle-team'].map(
  name => ({ entityRef: `group:default/${name}`, name }),
);

describe('computeEntityFacts', () => {
  it('states per service and team what the evaluation found', () => {
    const input = placeOrderInput({
      waivers: [serviceWaiver('audit-log')],
    });
    const coverage = computeOperationCoverage(input);
    const teamRollouts = computeTeamRollouts({
      teams,
      services: [
        tracked('checkout', 'checkout-team'),
        tracked('tax', 'checkout-team'),
        tracked('payments', 'payments-team'),
        tracked('currency', 'payments-team'),
      ],
      operations: [input.operation],
      coverages: [coverage],
      serviceComplianceScores: new Map([
        ['checkout', 100],
        ['payments', 62.5],
      ]),
      teamComplianceScores: new Map([['group:default/checkout-team', 97.5]]),
      serviceFacts: input.services,
      workshops: [],
    });

    // place-order is at crawl: currency and tax are uninstrumented
    expect(coverage.maturity).toBe('crawl');
    expect(computeEntityFacts([coverage], teamRollouts)).toEqual([
      {
        entityRef: 'component:default/checkout',
        tracerPresent: true,
        propagatesContext: true,
        complianceScore: 100,
        worstOperationMaturity: 'crawl',
        operationsServed: 1,
        blockingOperations: 0,
      },
      {
        // called by checkout, emits nothing, and its scan finds no tracer
        entityRef: 'component:default/currency',
        tracerPresent: false,
        propagatesContext: false,
        complianceScore: null,
        worstOperationMaturity: 'crawl',
        operationsServed: 1,
        blockingOperations: 1,
      },
      {
        // breaks an error-severity rule, which does not stop propagation
        entityRef: 'component:default/payments',
        tracerPresent: true,
        propagatesContext: true,
        complianceScore: 62.5,
        worstOperationMaturity: 'crawl',
        operationsServed: 1,
        blockingOperations: 0,
      },
      {
        entityRef: 'component:default/tax',
        tracerPresent: false,
        propagatesContext: false,
        complianceScore: null,
        worstOperationMaturity: 'crawl',
        operationsServed: 1,
        blockingOperations: 1,
      },
      {
        entityRef: 'group:default/checkout-team',
        tracerPresent: false,
        propagatesContext: false,
        complianceScore: 97.5,
        worstOperationMaturity: 'crawl',
        operationsServed: 1,
        blockingOperations: 1,
      },
      {
        // a team without services on critical operations has nothing missing
        entityRef: 'group:default/idle-team',
        tracerPresent: true,
        propagatesContext: true,
        complianceScore: null,
        operationsServed: 0,
        blockingOperations: 0,
      },
      {
        entityRef: 'group:default/payments-team',
        tracerPresent: false,
        propagatesContext: false,
        complianceScore: null,
        worstOperationMaturity: 'crawl',
        operationsServed: 1,
        blockingOperations: 1,
      },
    ]);
  });

  it('counts a tracing library found by the scan as a tracer, and waived gaps as not blocking', () => {
    const input = placeOrderInput({ waivers: [serviceWaiver('currency')] });
    const services = new Map(input.services);
    services.set('currency', {
      ...services.get('currency')!,
      scan: {
        location: 'github.com/shop/currency',
        instrumentation: 'opentelemetry',
        outdated: false,
        findings: 2,
      },
    });
    const coverage = computeOperationCoverage({ ...input, services });
    const [payments] = computeTeamRollouts({
      teams: [teams[1]],
      services: [tracked('currency', 'payments-team')],
      operations: [input.operation],
      coverages: [coverage],
      serviceComplianceScores: new Map(),
      teamComplianceScores: new Map(),
      serviceFacts: services,
      workshops: [],
    });
    expect(computeEntityFacts([coverage], [payments])[0]).toEqual({
      entityRef: 'component:default/currency',
      tracerPresent: true,
      propagatesContext: false,
      complianceScore: null,
      worstOperationMaturity: 'crawl',
      operationsServed: 1,
      blockingOperations: 0,
    });
  });
});
