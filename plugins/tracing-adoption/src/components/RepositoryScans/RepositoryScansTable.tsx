import {
  Progress,
  ResponseErrorPanel,
  StatusError,
  StatusOK,
  StatusWarning,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  RepositoryScanSummary,
  ScanCycleStatus,
} from '@internal/plugin-tracing-adoption-common';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { tracingAdoptionApiRef } from '../../api/TracingAdoptionApi';

function CycleProgress({ cycle }: { cycle?: ScanCycleStatus }) {
  if (!cycle) {
    return (
      <Typography variant="body2" paragraph>
        No repository has been scanned yet; the first scan cycle starts shortly
        after the catalog sync.
      </Typography>
    );
  }
  return (
    <Typography variant="body2" paragraph>
      {cycle.finishedAt
        ? `Last scan cycle finished ${new Date(
            cycle.finishedAt,
          ).toLocaleString()}: ${cycle.targets} repositories.`
        : `Scan cycle in progress since ${new Date(
            cycle.startedAt,
          ).toLocaleString()}: ${cycle.done} of ${
            cycle.targets
          } repositories done.`}
    </Typography>
  );
}

const instrumentationOf = (scan: RepositoryScanSummary) =>
  scan.serviceDirectories.length === 0
    ? '—'
    : scan.serviceDirectories
        .map(
          d =>
            `${d.path || '(root)'}: ${d.instrumentation}${
              d.outdated ? ' (outdated)' : ''
            }`,
        )
        .join('; ');

const columns: TableColumn<RepositoryScanSummary>[] = [
  { title: 'Repository', field: 'slug', highlight: true },
  {
    title: 'Status',
    field: 'status',
    render: scan => {
      switch (scan.status) {
        case 'scanned':
          return <StatusOK>scanned</StatusOK>;
        case 'failed':
        case 'no-scanner':
          return <StatusError>{scan.status}</StatusError>;
        default:
          return <StatusWarning>{scan.status}</StatusWarning>;
      }
    },
  },
  {
    title: 'Instrumentation per service directory',
    field: 'serviceDirectories',
    render: instrumentationOf,
  },
  {
    title: 'Last successful scan',
    field: 'scannedAt',
    render: scan =>
      scan.scannedAt ? new Date(scan.scannedAt).toLocaleString() : '—',
  },
  {
    title: 'Last error',
    field: 'error',
    render: scan => scan.error ?? '—',
  },
];

/** What the repository scans found, and how far the current cycle is. */
export const RepositoryScansTable = () => {
  const api = useApi(tracingAdoptionApiRef);
  const { value, loading, error } = useAsync(
    () => api.listRepositoryScans(),
    [api],
  );
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  return (
    <>
      <CycleProgress cycle={value?.cycle} />
      <Table<RepositoryScanSummary>
        title={`Repositories (${value?.items.length ?? 0})`}
        options={{ paging: true, pageSize: 25, search: true }}
        columns={columns}
        data={value?.items ?? []}
      />
    </>
  );
};
