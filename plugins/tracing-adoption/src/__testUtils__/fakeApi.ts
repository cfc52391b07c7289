import {
  ObservedOperation,
  ObservedOperationSummary,
  RepositoryScanSummary,
  ScanCycleStatus,
  ServiceList,
  TraceSourceStatus,
} from '@internal/plugin-tracing-adoption-common';
import {
  ServiceListQuery,
  TracingAdoptionApi,
} from '../api/TracingAdoptionApi';

/** An API whose answers a test sets; an Error answer is thrown. */
export function fakeTracingAdoptionApi(answers: {
  services?: ServiceList | Error;
  sources?: TraceSourceStatus[] | Error;
  operations?: ObservedOperationSummary[] | Error;
  operation?: ObservedOperation | Error;
  scans?: { cycle?: ScanCycleStatus; items: RepositoryScanSummary[] } | Error;
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
  const api: TracingAdoptionApi = {
    listServices: async query => {
      serviceQueries.push(query ?? {});
      return answer(answers.services, { items: [], totalCount: 0 });
    },
    listTeams: async () => ({ items: [] }),
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
  };
  return { api, serviceQueries };
}
