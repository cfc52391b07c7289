import type { TraceSourceStatus } from '../apiTypes';
import type { CalleeKind } from '../trace/analysis/types';
import {
  Campaign,
  CampaignDay,
  CampaignInput,
  CampaignProgress,
  CriticalOperation,
  CriticalOperationInput,
  Maturity,
  OperationCoverage,
  OperationTier,
  TeamRollout,
  Waiver,
  WorkshopInput,
} from './types';

/*
 * The rollout routes' answers and change bodies as openapi.yaml of the
 * backend declares them.
 */

/** A critical operation with the headline of its evaluation. @public */
export interface CriticalOperationSummary {
  operation: CriticalOperation;
  maturity: Maturity;
  coverage?: OperationCoverage['coverage'];
  statusCounts?: OperationCoverage['statusCounts'];
  /** The traces behind the figures are old or their sources are not healthy. */
  stale?: boolean;
}

/** @public */
export interface CriticalOperationListQuery {
  campaign?: string;
  /** Group entity ref of the owning team. */
  owner?: string;
  tier?: OperationTier;
  maturity?: Maturity;
  search?: string;
  limit?: number;
  offset?: number;
}

/** @public */
export interface CriticalOperationList {
  evaluatedAt?: string;
  items: CriticalOperationSummary[];
  totalCount: number;
}

/** The call graph of an operation's latest analysis. @public */
export interface OperationCallGraph {
  edges: Array<{
    caller: string;
    callee: string;
    callsPerRequestMean: number;
    latencyP95Us: number;
  }>;
  uninstrumentedHops: Array<{
    callerService: string;
    /** The callee as the caller names it, or `unknown`. */
    calleeName: string;
    calleeKind: CalleeKind;
    callsPerRequestMean: number;
  }>;
}

/** @public */
export interface CriticalOperationDetail {
  operation: CriticalOperation;
  /** Absent until the first evaluation after the operation was defined. */
  coverage?: OperationCoverage;
  evaluatedAt?: string;
  /** Example trace id → URL in its source's UI. */
  traceLinks: Record<string, string>;
  /** Absent before the first analysis of the operation's traces. */
  analysis?: OperationCallGraph;
}

/** @public */
export type CriticalOperationUpdate = Omit<CriticalOperationInput, 'id'> & {
  /** The version the change was made on. */
  version: number;
};

/** @public */
export interface CampaignView {
  campaign: Campaign;
  progress: CampaignProgress;
  /** One entry per day with a snapshot, oldest first, today last. */
  burnUp: CampaignDay[];
  operations: Array<{
    id: string;
    name: string;
    maturity: Maturity;
    atTarget: boolean;
  }>;
}

/** @public */
export type CampaignUpdate = Omit<CampaignInput, 'id'> & { version: number };

/** @public */
export type WorkshopUpdate = WorkshopInput & { version: number };

/** @public */
export interface WaiverView extends Waiver {
  /** False once expired; expired waivers no longer count. */
  active: boolean;
}

/** @public */
export interface TeamRolloutListQuery {
  search?: string;
  /** Only teams that hold back at least one operation. */
  blocking?: boolean;
  limit?: number;
  offset?: number;
}

/** @public */
export interface TeamRolloutList {
  evaluatedAt?: string;
  items: TeamRollout[];
  totalCount: number;
}

/** One day of a team's figures. @public */
export interface TeamRolloutDay {
  day: string;
  blockingOperations: number;
  servicesOnCriticalOperations: number;
  servicesEndToEnd: number;
  complianceScore?: number | null;
}

/** @public */
export interface TeamRolloutDetail {
  evaluatedAt?: string;
  team: TeamRollout;
  /** Daily figures, oldest first. */
  history: TeamRolloutDay[];
}

/** @public */
export interface RolloutOverview {
  evaluatedAt?: string;
  campaigns: CampaignView[];
  maturityCounts: Record<Maturity, number>;
  /** Most critical first. */
  operations: CriticalOperationSummary[];
  /** Teams holding back the most operations, at most 10. */
  blockingTeams: Array<{
    teamRef: string;
    title?: string;
    blockingOperationIds: string[];
    trained: boolean;
    topAction?: string;
  }>;
  /** Teams with services on critical operations, by whether they attended a workshop. */
  training: { trained: string[]; untrained: string[] };
  staleSources: TraceSourceStatus[];
  /** Services seen in critical operations' traces that no catalog entity claims. */
  unmappedServices: Array<{ service: string; operationIds: string[] }>;
}
