import { ResponseError } from '@backstage/errors';
import {
  CampaignView,
  CapacityTargets,
  CriticalOperationDetail,
  CriticalOperationSummary,
  ObservedOperation,
  ObservedOperationSummary,
  OperationHealthHistory,
  RepositoryScanSummary,
  RolloutOverview,
  ScanCycleStatus,
  ServiceList,
  TeamRollout,
  TeamRolloutDetail,
  TeamWithServiceCount,
  TraceSourceStatus,
  WaiverView,
  Workshop,
} from '@internal/plugin-tracing-adoption-common';
import {
  ServiceListQuery,
  TracingAdoptionApi,
} from '../api/TracingAdoptionApi';

/** A rejection as the client makes it from a backend error answer. */
export async function responseError(
  statusCode: number,
  message: string,
): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'Error', message },
        request: { method: 'GET', url: '/' },
        response: { statusCode },
      }),
      { status: statusCode, headers: { 'content-type': 'application/json' } },
    ),
  );
}

const emptyOverview: RolloutOverview = {
  campaigns: [],
  maturityCounts: { none: 0, crawl: 0, walk: 0, run: 0 },
  operations: [],
  blockingTeams: [],
  training: { trained: [], untrained: [] },
  staleSources: [],
  unmappedServices: [],
};

/**
 * An API whose answers a test sets; an Error answer is thrown. Every method
 * is a jest mock, so tests can assert on changes and override single answers.
 */
export function fakeTracingAdoptionApi(answers: {
  services?: ServiceList | Error;
  teams?: TeamWithServiceCount[];
  sources?: TraceSourceStatus[] | Error;
  operations?: ObservedOperationSummary[] | Error;
  operation?: ObservedOperation | Error;
  scans?: { cycle?: ScanCycleStatus; items: RepositoryScanSummary[] } | Error;
  overview?: RolloutOverview | Error;
  criticalOperations?: CriticalOperationSummary[] | Error;
  /** By operation id; others answer 404. */
  criticalOperationDetails?: Record<string, CriticalOperationDetail>;
  campaigns?: CampaignView[] | Error;
  workshops?: Workshop[] | Error;
  waivers?: WaiverView[] | Error;
  teamRollouts?: TeamRollout[] | Error;
  /** By group entity ref; others answer 404. */
  teamDetails?: Record<string, TeamRolloutDetail>;
  /** By operation id; others have no health yet. */
  health?: Record<string, OperationHealthHistory>;
  capacity?: CapacityTargets | Error;
}) {
  const serviceQueries: ServiceListQuery[] = [];
  const answer = async <T>(
    value: T | Error | undefined,
    fallback: T,
  ): Promise<T> => {
    if (value instanceof Error) {
      throw value;
    }
    return value ?? fallback;
  };
  const notFound = async (what: string) => {
    throw await responseError(404, `No ${what}`);
  };
  const detailOf = async (id: string) =>
    answers.criticalOperationDetails?.[id] ??
    notFound(`critical operation ${id}`);
  const campaignOf = async (id: string) =>
    (await answer(answers.campaigns, [])).find(c => c.campaign.id === id) ??
    notFound(`campaign ${id}`);
  const workshopOf = async (id: string) =>
    (await answer(answers.workshops, [])).find(w => w.id === id) ??
    notFound(`workshop ${id}`);
  const now = '2026-10-01T00:00:00.000Z';
  const implementation: TracingAdoptionApi = {
    listServices: async query => {
      serviceQueries.push(query ?? {});
      return answer(answers.services, { items: [], totalCount: 0 });
    },
    listTeams: async () => ({ items: answers.teams ?? [] }),
    listTraceSources: async () => ({
      items: await answer(answers.sources, []),
    }),
    listObservedOperations: async () => ({
      items: await answer(answers.operations, []),
    }),
    listRepositoryScans: async () => answer(answers.scans, { items: [] }),
    getObservedOperation: async () => {
      if (!answers.operation || answers.operation instanceof Error) {
        throw answers.operation ?? new Error('not found');
      }
      return answers.operation;
    },
    getRolloutOverview: async () => answer(answers.overview, emptyOverview),
    listCriticalOperations: async () => {
      const items = await answer(answers.criticalOperations, []);
      return { items, totalCount: items.length };
    },
    getCriticalOperation: detailOf,
    getOperationHealth: async id =>
      answers.health?.[id] ?? { operationId: id, history: [] },
    createCriticalOperation: async input => ({
      operation: {
        ...input,
        declaredParticipants: input.declaredParticipants ?? [],
        origin: 'api',
        version: 1,
        createdAt: now,
        updatedAt: now,
      },
      traceLinks: {},
    }),
    updateCriticalOperation: async id => detailOf(id),
    deleteCriticalOperation: async () => {},
    listCampaigns: async () => ({
      items: await answer(answers.campaigns, []),
    }),
    getCampaign: campaignOf,
    createCampaign: async input => ({
      campaign: {
        ...input,
        origin: 'api',
        version: 1,
        createdAt: now,
        updatedAt: now,
      },
      progress: {
        campaignId: input.id,
        status: 'at-risk',
        atTarget: 0,
        total: 0,
        daysLeft: 30,
        trendPerDay: 0,
        projectedAtDeadline: 0,
        explanation: 'The campaign has no target operations yet',
      },
      burnUp: [],
      operations: [],
    }),
    updateCampaign: async id => campaignOf(id),
    deleteCampaign: async () => {},
    listWorkshops: async () => ({
      items: await answer(answers.workshops, []),
    }),
    createWorkshop: async input => ({
      ...input,
      id: 'w-new',
      version: 1,
      createdBy: 'user:default/rollout-pm',
      createdAt: now,
    }),
    updateWorkshop: async id => workshopOf(id),
    deleteWorkshop: async () => {},
    listWaivers: async () => ({
      items: await answer(answers.waivers, []),
    }),
    createWaiver: async input => ({
      ...input,
      id: 'waiver-new',
      createdBy: 'user:default/rollout-pm',
      createdAt: now,
      active: true,
    }),
    revokeWaiver: async () => {},
    listTeamRollouts: async () => {
      const items = await answer(answers.teamRollouts, []);
      return { items, totalCount: items.length };
    },
    getTeamRollout: async teamRef =>
      answers.teamDetails?.[teamRef] ??
      notFound(
        `team ${teamRef} in the catalog mirror; teams appear after the catalog sync`,
      ),
    getCapacity: async () =>
      answer(answers.capacity, {
        safetyFactor: 1.5,
        services: [],
        datastores: [],
        operations: [],
      }),
    downloadCapacityCsv: async () =>
      new Blob(['service,kind\n'], { type: 'text/csv' }),
  };
  const api = Object.fromEntries(
    Object.entries(implementation).map(([name, method]) => [
      name,
      jest.fn(method),
    ]),
  ) as unknown as jest.Mocked<TracingAdoptionApi>;
  return { api, serviceQueries };
}
