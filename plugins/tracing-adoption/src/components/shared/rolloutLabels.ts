import {
  CampaignStatus,
  Maturity,
  ObjectivesStatus,
  ParticipantStatus,
} from '@internal/plugin-tracing-adoption-common';

/** What each level means, from docs/rollout.md, for tooltips and headers. */
export const MATURITY_DESCRIPTIONS: Record<Maturity, string> = {
  none: 'No sampled trace is rooted in the entry service yet',
  crawl: 'An end-to-end trace reaches from the edge',
  walk: 'Every participant is instrumented and propagates the trace context',
  run: 'Walk, without error-severity convention violations, and with health objectives',
};

export const STATUS_LABELS: Record<ParticipantStatus, string> = {
  'end-to-end': 'end to end',
  'non-compliant': 'non-compliant',
  'broken-propagation': 'broken propagation',
  uninstrumented: 'uninstrumented',
  unknown: 'unknown',
};

export const STATUS_DESCRIPTIONS: Record<ParticipantStatus, string> = {
  'end-to-end':
    'Emits spans in the operation’s traces, continues the caller’s trace and follows the conventions',
  'non-compliant':
    'Traced end to end, but its spans break error-severity conventions',
  'broken-propagation':
    'Emits spans, but answers in a new trace, passes a legacy flow id, or calls services its spans do not name',
  uninstrumented:
    'Emits no spans: seen only as the callee of client spans, or its repository has no tracing library',
  unknown:
    'Not seen in the sampled traces, and no repository scan says it is untraced',
};

export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  complete: 'complete',
  'on-track': 'on track',
  'at-risk': 'at risk',
  missed: 'missed',
};

export const OBJECTIVES_STATUS_LABELS: Record<ObjectivesStatus, string> = {
  met: 'objectives met',
  missed: 'objectives missed',
  'no-data': 'no data',
  'no-objectives': 'no objectives',
};

/** Fan-out as the diagram and tables show it, e.g. `×14.2`. */
export function perRequest(mean: number): string {
  return `×${Number(mean.toFixed(mean < 10 ? 2 : 1))}`;
}

export function milliseconds(us: number): string {
  const ms = us / 1000;
  return `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
}

/** A 0–1 ratio as a percentage, with a decimal only below 10 %, e.g. `0.5 %`. */
export function percent(ratio: number): string {
  const value = ratio * 100;
  return `${Number(value.toFixed(value < 10 ? 1 : 0))} %`;
}

/** Rates as the capacity table and its CSV round them: to 0.01. */
export function requestsPerSecond(rps: number): string {
  return rps.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
