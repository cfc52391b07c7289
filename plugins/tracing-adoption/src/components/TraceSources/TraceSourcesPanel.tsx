import {
  Progress,
  ResponseErrorPanel,
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  SourceHealth,
  TraceSourceStatus,
} from '@internal/plugin-tracing-adoption-common';
import useAsync from 'react-use/esm/useAsync';
import { tracingAdoptionApiRef } from '../../api/TracingAdoptionApi';

export const HealthStatus = ({ health }: { health: SourceHealth }) => {
  switch (health) {
    case 'ok':
      return <StatusOK>ok</StatusOK>;
    case 'stale':
      return <StatusWarning>stale</StatusWarning>;
    case 'failing':
      return <StatusError>failing</StatusError>;
    default:
      return <StatusPending>not read yet</StatusPending>;
  }
};

const when = (iso?: string) => (iso ? new Date(iso).toLocaleString() : '—');

const columns: TableColumn<TraceSourceStatus>[] = [
  { title: 'Source', field: 'id', highlight: true },
  { title: 'Kind', field: 'kind' },
  {
    title: 'Health',
    field: 'health',
    render: source => <HealthStatus health={source.health} />,
  },
  {
    title: 'Last successful read',
    field: 'lastSuccessAt',
    render: source => when(source.lastSuccessAt),
  },
  {
    title: 'Last error',
    field: 'lastError',
    render: source =>
      source.lastError
        ? `${source.lastError} (${when(source.lastErrorAt)}, ${
            source.consecutiveFailures
          } failed reads in a row)`
        : '—',
  },
];

/** Where traces come from, and whether each source is current. */
export const TraceSourcesPanel = () => {
  const api = useApi(tracingAdoptionApiRef);
  const { value, loading, error } = useAsync(
    () => api.listTraceSources(),
    [api],
  );
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  return (
    <Table<TraceSourceStatus>
      title="Trace sources"
      options={{ paging: false, search: false }}
      columns={columns}
      data={value?.items ?? []}
      emptyContent={
        <div style={{ padding: 16 }}>
          No trace source is configured and the OTLP receiver is disabled.
        </div>
      }
    />
  );
};
