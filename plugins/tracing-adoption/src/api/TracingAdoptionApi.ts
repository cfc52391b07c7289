import { createApiRef } from '@backstage/core-plugin-api';
import {
  ServiceList,
  TeamWithServiceCount,
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
}

/** @public */
export const tracingAdoptionApiRef = createApiRef<TracingAdoptionApi>({
  id: 'plugin.tracing-adoption.service',
});
