/**
 * Where a service's code lives.
 *
 * @public
 */
export interface RepositoryRef {
  /** Host of the source control system, e.g. `github.com`. */
  host: string;
  /** `owner/name` of the repository. */
  slug: string;
  /** Directory of the service inside the repository; empty for the root. */
  path: string;
}

/**
 * A catalog Component that takes part in the tracing rollout.
 *
 * @public
 */
export interface TrackedService {
  entityRef: string;
  /** The `service.name` the component emits in its spans. */
  serviceName: string;
  title?: string;
  description?: string;
  type?: string;
  lifecycle?: string;
  ownerRef?: string;
  systemRef?: string;
  repository?: RepositoryRef;
}

/**
 * A catalog Group that owns services.
 *
 * @public
 */
export interface Team {
  entityRef: string;
  name: string;
  title?: string;
  type?: string;
  parentRef?: string;
}

/**
 * A catalog System grouping services.
 *
 * @public
 */
export interface TrackedSystem {
  entityRef: string;
  name: string;
  title?: string;
  ownerRef?: string;
  domainRef?: string;
}

/**
 * A team with the number of tracked services it owns.
 *
 * @public
 */
export interface TeamWithServiceCount extends Team {
  serviceCount: number;
}

/** @public */
export type JobRunStatus = 'running' | 'succeeded' | 'failed';

/**
 * One run of a scheduled job (catalog sync, trace pulls, scans), as recorded
 * by whichever replica ran it.
 *
 * @public
 */
export interface JobRun {
  id: number;
  job: string;
  status: JobRunStatus;
  startedAt: string;
  finishedAt?: string;
  summary?: Record<string, unknown>;
  error?: string;
}

/**
 * A page of tracked services with the state of the catalog mirror they come from.
 *
 * @public
 */
export interface ServiceList {
  items: TrackedService[];
  /** Services matching the filters, across all pages. */
  totalCount: number;
  catalogSync?: JobRun;
}
