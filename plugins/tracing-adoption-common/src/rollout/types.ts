import type { OperationMatcher } from '../trace/analysis/types';

/**
 * How far an operation's tracing has come, weakest first. See
 * docs/rollout.md for the exact rules.
 *
 * @public
 */
export const MATURITY_LEVELS = ['none', 'crawl', 'walk', 'run'] as const;

/** @public */
export type Maturity = (typeof MATURITY_LEVELS)[number];

/** Maturity a campaign can aim for. @public */
export type TargetMaturity = Exclude<Maturity, 'none'>;

/** @public */
export const OPERATION_TIERS = [1, 2, 3] as const;

/** 1 is the most critical. @public */
export type OperationTier = (typeof OPERATION_TIERS)[number];

/**
 * Where a definition lives: `api` ones are edited in the portal, `config`
 * ones in the YAML file app-config points at (and refused by the API).
 *
 * @public
 */
export type DefinitionOrigin = 'api' | 'config';

/** Objectives that make an operation's health measurable. @public */
export interface OperationObjectives {
  /** Entry span p99 latency objective, in milliseconds. */
  latencyP99Ms?: number;
  /** Entry span error rate objective, in percent. */
  errorRatePercent?: number;
}

/** The fields a PM writes for a critical user operation. @public */
export interface CriticalOperationInput {
  /** Lowercase key used in URLs, e.g. `checkout`. */
  id: string;
  name: string;
  description?: string;
  entry: OperationMatcher;
  /** Expected peak requests per second at the edge during the event. */
  peakRequestsPerSecond: number;
  tier: OperationTier;
  /** Group entity ref of the owning team. */
  ownerRef: string;
  campaignId?: string;
  /** `service.name`s known to take part, traced or not. */
  declaredParticipants?: string[];
  objectives?: OperationObjectives;
}

/** @public */
export interface CriticalOperation extends CriticalOperationInput {
  declaredParticipants: string[];
  origin: DefinitionOrigin;
  /** Grows with every change; an edit based on an older version conflicts. */
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** @public */
export interface CampaignInput {
  id: string;
  name: string;
  description?: string;
  /** ISO date (YYYY-MM-DD) the campaign starts counting from. */
  startDate: string;
  /** ISO date (YYYY-MM-DD) by which the targets must be met, e.g. Cyber Week. */
  deadline: string;
  targetMaturity: TargetMaturity;
}

/** A campaign's target operations are those whose `campaignId` names it. @public */
export interface Campaign extends CampaignInput {
  origin: DefinitionOrigin;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** @public */
export interface WorkshopInput {
  /** ISO date (YYYY-MM-DD). */
  date: string;
  topic: string;
  /** Group entity refs of the teams that attended. */
  teamRefs: string[];
  notes?: string;
}

/** @public */
export interface Workshop extends WorkshopInput {
  id: string;
  version: number;
  createdBy: string;
  createdAt: string;
}

/**
 * An exemption: a service that need not be traced (for an operation or
 * everywhere), or a convention rule a service (or everyone) need not follow.
 *
 * @public
 */
export type WaiverScope =
  | { kind: 'service'; service: string; operationId?: string }
  | { kind: 'rule'; ruleId: string; service?: string };

/** @public */
export interface WaiverInput {
  scope: WaiverScope;
  reason: string;
  /** User entity ref of whoever approved the exemption. */
  approvedBy: string;
  /** ISO timestamp after which the waiver stops counting. */
  expiresAt: string;
}

/** @public */
export interface Waiver extends WaiverInput {
  id: string;
  createdBy: string;
  createdAt: string;
}

/**
 * A participant's tracing status on one operation, best first.
 *
 * @public
 */
export const PARTICIPANT_STATUSES = [
  'end-to-end',
  'non-compliant',
  'broken-propagation',
  'uninstrumented',
  'unknown',
] as const;

/** @public */
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

/** One fact behind a status, specific enough to act on. @public */
export interface CoverageEvidence {
  kind: 'trace' | 'scan' | 'violation' | 'declaration' | 'waiver';
  message: string;
  traceIds?: string[];
  ruleId?: string;
  /** Repository file the scan read it from. */
  path?: string;
}

/** @public */
export interface ParticipantCoverage {
  service: string;
  /** Catalog component of the service, when the catalog has one. */
  entityRef?: string;
  ownerRef?: string;
  status: ParticipantStatus;
  /** Present while an active waiver exempts the service on this operation. */
  waiver?: { id: string; reason: string; expiresAt: string };
  seenInTraces: boolean;
  declared: boolean;
  /** Mean calls into the service per request, from the traces. */
  callsPerRequest?: number;
  /** Error-severity violations left after rule waivers. */
  errorViolations: number;
  evidence: CoverageEvidence[];
}

/**
 * How one objective fares: `no-data` while no matching trace was analysed.
 *
 * @public
 */
export type ObjectiveStatus = 'met' | 'missed' | 'no-data';

/** @public */
export interface ObjectiveResult {
  objective: number;
  /** The measured value in the objective's unit; absent without traces. */
  actual?: number;
  status: ObjectiveStatus;
}

/**
 * All objectives together: `missed` when any is missed, `no-data` when none
 * is missed but one cannot be measured, `no-objectives` when none is defined.
 *
 * @public
 */
export type ObjectivesStatus = ObjectiveStatus | 'no-objectives';

/**
 * An operation's health as its latest analysed traces show it, against its
 * objectives. Latencies are of the entry span, in milliseconds.
 *
 * @public
 */
export interface OperationHealth {
  matchingTraces: number;
  /** Nearest-rank percentiles; absent without matching traces. */
  latency?: {
    samples: number;
    p50Ms: number;
    p95Ms: number;
    p99Ms: number;
    maxMs: number;
  };
  /** Failed entry spans over matching traces, 0 to 1; absent without traces. */
  errorRate?: number;
  failedRequests: number;
  /** The service with the most time on the critical path. */
  topLatencyService?: {
    service: string;
    /** Of all critical-path time, 0 to 1. */
    share: number;
    /** Its critical-path time per request. */
    msPerRequest: number;
  };
  /** The service where the most errors started. */
  topErrorService?: {
    service: string;
    errorSources: number;
    tracesWithErrorSource: number;
    exampleTraceIds: string[];
  };
  objectives: {
    latencyP99Ms?: ObjectiveResult;
    errorRatePercent?: ObjectiveResult;
  };
  objectivesStatus: ObjectivesStatus;
}

/** The health figures kept for each day of an operation's history. @public */
export interface OperationHealthFigures {
  matchingTraces: number;
  p50Ms?: number;
  p95Ms?: number;
  p99Ms?: number;
  errorRate?: number;
  objectivesStatus: ObjectivesStatus;
  topLatencyService?: string;
  topErrorService?: string;
}

/** One day of an operation's health history. @public */
export interface OperationHealthDay extends OperationHealthFigures {
  /** YYYY-MM-DD, UTC. */
  day: string;
}

/** An operation's health now and per day. @public */
export interface OperationHealthHistory {
  operationId: string;
  objectives?: OperationObjectives;
  evaluatedAt?: string;
  /** Absent until the operation's traces were analysed. */
  current?: OperationHealth;
  /** Days with analysed traces, oldest first, today last. */
  history: OperationHealthDay[];
}

/** Everything that decides an operation's maturity. @public */
export interface OperationCoverage {
  operationId: string;
  maturity: Maturity;
  /** What keeps the operation from the next level; empty at `run`. */
  nextLevelBlockers: string[];
  /** Participants counted as traced end to end (waived ones included), over all. */
  coverage: { covered: number; total: number; ratio: number };
  statusCounts: Record<ParticipantStatus, number>;
  participants: ParticipantCoverage[];
  /** From the traces; absent until the operation was analysed. */
  traces?: {
    analyzedAt: string;
    matchingTraces: number;
    tracesReachingFromEdge: number;
    exampleTraceIds: string[];
    /** Sources behind the analysis are not healthy, or it is old. */
    stale: boolean;
  };
  /** From the same traces, against the operation's objectives. */
  health?: OperationHealth;
}

/** A step a team can take, with what it unblocks. @public */
export interface NextAction {
  kind: 'instrument' | 'propagate' | 'fix-conventions' | 'confirm' | 'upgrade';
  service: string;
  /** E.g. "Instrument `pricing`: blocks Checkout and Add to cart". */
  title: string;
  /** Ids of the critical operations the service holds back. */
  operationIds: string[];
  /** Σ of their peak edge requests per second. */
  peakRequestsPerSecond: number;
  /** Why it ranks where it does; higher first. */
  priority: number;
}

/** A team's part in the rollout. @public */
export interface TeamRollout {
  teamRef: string;
  title?: string;
  services: Array<{
    service: string;
    entityRef: string;
    /** Worst status over the critical operations it takes part in. */
    status?: ParticipantStatus;
    operationIds: string[];
    complianceScore?: number | null;
    scan?: {
      instrumentation: string;
      outdated: boolean;
      findings: number;
      scannedAt?: string;
    };
  }>;
  /** Critical operations the team's services hold back from walk. */
  blockingOperationIds: string[];
  complianceScore?: number | null;
  nextActions: NextAction[];
  training: {
    trained: boolean;
    lastWorkshop?: { date: string; topic: string };
  };
}

/** One day of a campaign's burn-up. @public */
export interface CampaignDay {
  day: string;
  atTarget: number;
  total: number;
}

/** @public */
export type CampaignStatus = 'complete' | 'on-track' | 'at-risk' | 'missed';

/** @public */
export interface CampaignProgress {
  campaignId: string;
  status: CampaignStatus;
  atTarget: number;
  total: number;
  daysLeft: number;
  /** Operations per day over the trend window, least squares. */
  trendPerDay: number;
  /** Operations expected at target by the deadline at that trend. */
  projectedAtDeadline: number;
  /** One sentence why the status is what it is. */
  explanation: string;
}
