import {
  Link,
  Progress,
  ResponseErrorPanel,
  StatusOK,
  StatusWarning,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { ObservedOperationSummary } from '@internal/plugin-tracing-adoption-common';
import useAsync from 'react-use/esm/useAsync';
import { tracingAdoptionApiRef } from '../../api/TracingAdoptionApi';
import { observedOperationRouteRef } from '../../routes';

/** Operations seen as trace roots, with their end-to-end headline. */
export const ObservedOperationsTable = () => {
  const api = useApi(tracingAdoptionApiRef);
  const operationLink = useRouteRef(observedOperationRouteRef);
  const { value, loading, error } = useAsync(
    () => api.listObservedOperations(),
    [api],
  );
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }

  const columns: TableColumn<ObservedOperationSummary>[] = [
    {
      title: 'Operation',
      field: 'spanName',
      highlight: true,
      render: op => (
        <Link to={operationLink({ operationKey: op.operationKey })}>
          {op.spanName ?? '(any span)'}
        </Link>
      ),
    },
    { title: 'Entry service', field: 'entryService' },
    {
      title: 'End to end from the edge',
      field: 'reachesFromEdge',
      render: op =>
        op.reachesFromEdge && op.blockingServices.length === 0 ? (
          <StatusOK>yes</StatusOK>
        ) : (
          <StatusWarning>
            {op.reachesFromEdge ? 'gaps' : 'no trace from the edge'}
          </StatusWarning>
        ),
    },
    {
      title: 'Blocking services',
      field: 'blockingServices',
      render: op =>
        op.blockingServices.length ? op.blockingServices.join(', ') : 'none',
    },
    { title: 'Services', field: 'participants', type: 'numeric' },
    {
      title: 'Sampled traces',
      field: 'sampleSize',
      type: 'numeric',
    },
    {
      title: 'Analysed',
      field: 'analyzedAt',
      render: op =>
        `${new Date(op.analyzedAt).toLocaleString()}${
          op.stale
            ? ` (stale${
                op.staleSources.length
                  ? `: ${op.staleSources.join(', ')} not ok`
                  : ''
              })`
            : ''
        }`,
    },
  ];

  return (
    <Table<ObservedOperationSummary>
      title="Operations observed in traces"
      subtitle="Each distinct root span of the sampled traces; figures are over the sampled traces of the analysis lookback"
      options={{ paging: true, pageSize: 20, search: true }}
      columns={columns}
      data={value?.items ?? []}
      emptyContent={
        <div style={{ padding: 16 }}>
          No traces analysed yet. Send OTLP to /api/tracing-adoption/v1/traces
          or configure a trace source; operations appear after the next
          analysis.
        </div>
      }
    />
  );
};
