import {
  JobRun,
  JobRunStatus,
  Team,
  TeamWithServiceCount,
  TrackedService,
  TrackedSystem,
} from '@internal/plugin-tracing-adoption-common';

/** The part of the catalog the rollout mirrors, read in one pass. */
export interface CatalogSnapshot {
  services: TrackedService[];
  teams: Team[];
  systems: TrackedSystem[];
}

/** Rows written and removed by one catalog replacement. */
export interface CatalogReplacementCounts {
  services: { upserted: number; removed: number };
  teams: { upserted: number; removed: number };
  systems: { upserted: number; removed: number };
}

export interface ServiceQuery {
  ownerRef?: string;
  systemRef?: string;
  /** Case-insensitive substring of the service name, entity ref or title. */
  search?: string;
  limit: number;
  offset: number;
}

export interface TracingAdoptionStore {
  /** Makes the mirror equal to the snapshot, atomically. */
  replaceCatalog(snapshot: CatalogSnapshot): Promise<CatalogReplacementCounts>;
  listServices(
    query: ServiceQuery,
  ): Promise<{ items: TrackedService[]; totalCount: number }>;
  /** Every tracked service, ordered by service name. */
  listAllServices(): Promise<TrackedService[]>;
  listTeams(): Promise<TeamWithServiceCount[]>;
  /** Distinct repositories of all tracked services, sorted. */
  listRepositories(): Promise<Array<{ host: string; slug: string }>>;
  /** Owning team of each `service.name` that has one. */
  serviceOwners(): Promise<Map<string, string>>;
  /** Distinct `service.name`s of all tracked services. */
  listServiceNames(): Promise<string[]>;
  startJobRun(job: string, startedAt: Date): Promise<number>;
  finishJobRun(
    id: number,
    outcome: {
      status: Exclude<JobRunStatus, 'running'>;
      finishedAt: Date;
      summary?: Record<string, unknown>;
      error?: string;
    },
  ): Promise<void>;
  latestJobRun(job: string): Promise<JobRun | undefined>;
}
