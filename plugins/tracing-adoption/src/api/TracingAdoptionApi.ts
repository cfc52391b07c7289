import { createApiRef } from '@backstage/core-plugin-api';
import {
  CampaignInput,
  CampaignUpdate,
  CampaignView,
  CapacityTargets,
  CriticalOperationDetail,
  CriticalOperationInput,
  CriticalOperationList,
  CriticalOperationListQuery,
  CriticalOperationUpdate,
  ObservedOperation,
  ObservedOperationSummary,
  OperationHealthHistory,
  RepositoryScanSummary,
  RolloutOverview,
  ScanCycleStatus,
  ServiceList,
  TeamRolloutDetail,
  TeamRolloutList,
  TeamRolloutListQuery,
  TeamWithServiceCount,
  TraceSourceStatus,
  WaiverInput,
  WaiverView,
  Workshop,
  WorkshopInput,
  WorkshopUpdate,
} from '@internal/plugin-tracing-adoption-common';

/** @public */
export interface ServiceListQuery {
  owner?: string;
  system?: string;
  search?: string;
  limit?: number;
  offset?: number;
}

/** @public */
export interface CapacityQuery {
  /** The backend's configured factor when absent. */
  safetyFactor?: number;
  /** Peak requests/s by operation id, replacing the operations' estimates. */
  whatIf?: Readonly<Record<string, number>>;
}

/**
 * Reads the Tracing Adoption backend and changes its rollout definitions.
 * Refusals reject with a ResponseError that carries the server's message
 * (400 names the bad fields, 403 the missing permission, 409 a stale version
 * or a definition declared in the rollout file).
 *
 * @public
 */
export interface TracingAdoptionApi {
  listServices(query?: ServiceListQuery): Promise<ServiceList>;
  listTeams(): Promise<{ items: TeamWithServiceCount[] }>;
  listTraceSources(): Promise<{ items: TraceSourceStatus[] }>;
  listObservedOperations(): Promise<{ items: ObservedOperationSummary[] }>;
  getObservedOperation(operationKey: string): Promise<ObservedOperation>;
  listRepositoryScans(): Promise<{
    cycle?: ScanCycleStatus;
    items: RepositoryScanSummary[];
  }>;

  getRolloutOverview(): Promise<RolloutOverview>;
  listCriticalOperations(
    query?: CriticalOperationListQuery,
  ): Promise<CriticalOperationList>;
  getCriticalOperation(id: string): Promise<CriticalOperationDetail>;
  /** `days` of history before today; the backend's 30 when absent. */
  getOperationHealth(
    id: string,
    query?: { days?: number },
  ): Promise<OperationHealthHistory>;
  createCriticalOperation(
    input: CriticalOperationInput,
  ): Promise<CriticalOperationDetail>;
  updateCriticalOperation(
    id: string,
    update: CriticalOperationUpdate,
  ): Promise<CriticalOperationDetail>;
  deleteCriticalOperation(id: string, version: number): Promise<void>;

  listCampaigns(): Promise<{ items: CampaignView[] }>;
  getCampaign(id: string): Promise<CampaignView>;
  createCampaign(input: CampaignInput): Promise<CampaignView>;
  updateCampaign(id: string, update: CampaignUpdate): Promise<CampaignView>;
  deleteCampaign(id: string, version: number): Promise<void>;

  /** Newest first; `team` keeps the workshops that group attended. */
  listWorkshops(query?: { team?: string }): Promise<{ items: Workshop[] }>;
  createWorkshop(input: WorkshopInput): Promise<Workshop>;
  updateWorkshop(id: string, update: WorkshopUpdate): Promise<Workshop>;
  deleteWorkshop(id: string): Promise<void>;

  listWaivers(): Promise<{ items: WaiverView[] }>;
  createWaiver(input: WaiverInput): Promise<WaiverView>;
  revokeWaiver(id: string): Promise<void>;

  listTeamRollouts(query?: TeamRolloutListQuery): Promise<TeamRolloutList>;
  /** `teamRef` is a group entity ref such as `group:default/team-cart`. */
  getTeamRollout(teamRef: string): Promise<TeamRolloutDetail>;

  getCapacity(query?: CapacityQuery): Promise<CapacityTargets>;
  /**
   * The same targets as `capacity-targets.csv`; fetched rather than linked
   * because the backend wants the user's token, which a plain link lacks.
   */
  downloadCapacityCsv(query?: CapacityQuery): Promise<Blob>;
}

/** @public */
export const tracingAdoptionApiRef = createApiRef<TracingAdoptionApi>({
  id: 'plugin.tracing-adoption.service',
});
