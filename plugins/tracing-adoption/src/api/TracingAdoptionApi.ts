import { createApiRef } from '@backstage/core-plugin-api';
import {
  ObservedOperation,
  ObservedOperationSummary,
  RepositoryScanSummary,
  ScanCycleStatus,
  ServiceList,
  TeamWithServiceCount,
  TraceSourceStatus,
} from '@internal/plugin-tracing-adoption-common';

/** @public */
export interface ServiceListQuery {
  owner?: string;
  system?: string;
  search?: string;
  limit?: number;
  offset?: number;
}

/**
 * Reads the Tracing Adoption backend.
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
}

/** @public */
export const tracingAdoptionApiRef = createApiRef<TracingAdoptionApi>({
  id: 'plugin.tracing-adoption.service',
});
