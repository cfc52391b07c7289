import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  ObservedOperation,
  ObservedOperationSummary,
  RepositoryScanSummary,
  ScanCycleStatus,
  ServiceList,
  TeamWithServiceCount,
  TraceSourceStatus,
} from '@internal/plugin-tracing-adoption-common';
import { ServiceListQuery, TracingAdoptionApi } from './TracingAdoptionApi';

/**
 * Talks to the tracing-adoption backend with the signed-in user's credentials.
 *
 * @public
 */
export class TracingAdoptionClient implements TracingAdoptionApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async listServices(query: ServiceListQuery = {}): Promise<ServiceList> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') {
        params.set(key, String(value));
      }
    }
    const suffix = params.size > 0 ? `?${params}` : '';
    return this.request<ServiceList>(`/services${suffix}`);
  }

  async listTeams(): Promise<{ items: TeamWithServiceCount[] }> {
    return this.request(`/teams`);
  }

  async listTraceSources(): Promise<{ items: TraceSourceStatus[] }> {
    return this.request('/trace-sources');
  }

  async listObservedOperations(): Promise<{
    items: ObservedOperationSummary[];
  }> {
    return this.request('/observed-operations');
  }

  async getObservedOperation(operationKey: string): Promise<ObservedOperation> {
    return this.request(
      `/observed-operations/${encodeURIComponent(operationKey)}`,
    );
  }

  async listRepositoryScans(): Promise<{
    cycle?: ScanCycleStatus;
    items: RepositoryScanSummary[];
  }> {
    return this.request('/repository-scans');
  }

  private async request<T>(path: string): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('tracing-adoption');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
