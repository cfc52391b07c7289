import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { tracingAdoptionApiRef } from '../../api/TracingAdoptionApi';

/**
 * Names of the critical operations by id, for views that only carry ids.
 * Until (or unless) they load, links show the ids.
 */
export function useOperationNames(): ReadonlyMap<string, string> | undefined {
  const api = useApi(tracingAdoptionApiRef);
  const { value } = useAsync(async () => {
    const { items } = await api.listCriticalOperations({ limit: 500 });
    return new Map(items.map(s => [s.operation.id, s.operation.name]));
  }, [api]);
  return value;
}
