import { parseEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
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
import {
  CapacityQuery,
  ServiceListQuery,
  TracingAdoptionApi,
} from './TracingAdoptionApi';

/** `path` with the set, non-empty values of `query` as its query string. */
function withQuery(path: string, query: object = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') {
      params.set(key, String(value));
    }
  }
  return params.size > 0 ? `${path}?${params}` : path;
}

/** `/capacity…` with what-if rates as the backend reads them: `checkout:500,cart:900`. */
function capacityPath(path: string, query: CapacityQuery): string {
  return withQuery(path, {
    safetyFactor: query.safetyFactor,
    whatIf: Object.entries(query.whatIf ?? {})
      .map(([operationId, rps]) => `${operationId}:${rps}`)
      .join(','),
  });
}

function itemPath(collection: string, id: string): string {
  return `/${collection}/${encodeURIComponent(id)}`;
}

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
    return this.request(withQuery('/services', query));
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
    return this.request(itemPath('observed-operations', operationKey));
  }

  async listRepositoryScans(): Promise<{
    cycle?: ScanCycleStatus;
    items: RepositoryScanSummary[];
  }> {
    return this.request('/repository-scans');
  }

  async getRolloutOverview(): Promise<RolloutOverview> {
    return this.request('/rollout/overview');
  }

  async listCriticalOperations(
    query: CriticalOperationListQuery = {},
  ): Promise<CriticalOperationList> {
    return this.request(withQuery('/critical-operations', query));
  }

  async getCriticalOperation(id: string): Promise<CriticalOperationDetail> {
    return this.request(itemPath('critical-operations', id));
  }

  async getOperationHealth(
    id: string,
    query: { days?: number } = {},
  ): Promise<OperationHealthHistory> {
    return this.request(
      withQuery(`${itemPath('critical-operations', id)}/health`, query),
    );
  }

  async createCriticalOperation(
    input: CriticalOperationInput,
  ): Promise<CriticalOperationDetail> {
    return this.request('/critical-operations', {
      method: 'POST',
      body: input,
    });
  }

  async updateCriticalOperation(
    id: string,
    update: CriticalOperationUpdate,
  ): Promise<CriticalOperationDetail> {
    return this.request(itemPath('critical-operations', id), {
      method: 'PUT',
      body: update,
    });
  }

  async deleteCriticalOperation(id: string, version: number): Promise<void> {
    await this.request(
      withQuery(itemPath('critical-operations', id), { version }),
      { method: 'DELETE' },
    );
  }

  async listCampaigns(): Promise<{ items: CampaignView[] }> {
    return this.request('/campaigns');
  }

  async getCampaign(id: string): Promise<CampaignView> {
    return this.request(itemPath('campaigns', id));
  }

  async createCampaign(input: CampaignInput): Promise<CampaignView> {
    return this.request('/campaigns', { method: 'POST', body: input });
  }

  async updateCampaign(
    id: string,
    update: CampaignUpdate,
  ): Promise<CampaignView> {
    return this.request(itemPath('campaigns', id), {
      method: 'PUT',
      body: update,
    });
  }

  async deleteCampaign(id: string, version: number): Promise<void> {
    await this.request(withQuery(itemPath('campaigns', id), { version }), {
      method: 'DELETE',
    });
  }

  async listWorkshops(
    query: { team?: string } = {},
  ): Promise<{ items: Workshop[] }> {
    return this.request(withQuery('/workshops', query));
  }

  async createWorkshop(input: WorkshopInput): Promise<Workshop> {
    return this.request('/workshops', { method: 'POST', body: input });
  }

  async updateWorkshop(id: string, update: WorkshopUpdate): Promise<Workshop> {
    return this.request(itemPath('workshops', id), {
      method: 'PUT',
      body: update,
    });
  }

  async deleteWorkshop(id: string): Promise<void> {
    await this.request(itemPath('workshops', id), { method: 'DELETE' });
  }

  async listWaivers(): Promise<{ items: WaiverView[] }> {
    return this.request('/waivers');
  }

  async createWaiver(input: WaiverInput): Promise<WaiverView> {
    return this.request('/waivers', { method: 'POST', body: input });
  }

  async revokeWaiver(id: string): Promise<void> {
    await this.request(itemPath('waivers', id), { method: 'DELETE' });
  }

  async listTeamRollouts(
    query: TeamRolloutListQuery = {},
  ): Promise<TeamRolloutList> {
    return this.request(withQuery('/rollout/teams', query));
  }

  async getTeamRollout(teamRef: string): Promise<TeamRolloutDetail> {
    const { namespace, name } = parseEntityRef(teamRef, {
      defaultKind: 'group',
    });
    return this.request(
      `/rollout/teams/${encodeURIComponent(namespace)}/${encodeURIComponent(
        name,
      )}`,
    );
  }

  async getCapacity(query: CapacityQuery = {}): Promise<CapacityTargets> {
    return this.request(capacityPath('/capacity', query));
  }

  async downloadCapacityCsv(query: CapacityQuery = {}): Promise<Blob> {
    const response = await this.send(capacityPath('/capacity.csv', query));
    return response.blob();
  }

  private async request<T>(
    path: string,
    options: { method?: string; body?: unknown } = {},
  ): Promise<T> {
    const response = await this.send(path, options);
    if (response.status === 204) {
      return undefined as T;
    }
    return (await response.json()) as T;
  }

  private async send(
    path: string,
    options: { method?: string; body?: unknown } = {},
  ): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('tracing-adoption');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      method: options.method ?? 'GET',
      ...(options.body === undefined
        ? {}
        : {
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(options.body),
          }),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}
