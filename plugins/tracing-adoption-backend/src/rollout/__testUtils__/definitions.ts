import {
  CampaignInput,
  CriticalOperationInput,
} from '@internal/plugin-tracing-adoption-common';

export function checkoutOperation(
  overrides: Partial<CriticalOperationInput> = {},
): CriticalOperationInput {
  return {
    id: 'checkout',
    name: 'Checkout',
    description: 'Places an order',
    entry: {
      entryService: 'edge-gateway',
      httpRoute: '/api/checkout',
      httpMethod: 'POST',
    },
    peakRequestsPerSecond: 420.5,
    tier: 1,
    ownerRef: 'group:default/team-checkout',
    campaignId: 'cyber-week',
    declaredParticipants: ['tax', 'currency'],
    objectives: { latencyP99Ms: 900, errorRatePercent: 0.5 },
    ...overrides,
  };
}

export const cyberWeek: CampaignInput = {
  id: 'cyber-week',
  name: 'Cyber Week 2026',
  startDate: '2026-09-01',
  deadline: '2026-11-27',
  targetMaturity: 'walk',
};
