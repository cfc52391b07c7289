import { Table, TableColumn } from '@backstage/core-components';
import { Box, Typography } from '@material-ui/core';
import {
  RequestRateRange,
  ServiceCapacityTarget,
} from '@internal/plugin-tracing-adoption-common';
import { ReactNode } from 'react';
import { percent, requestsPerSecond } from '../shared/rolloutLabels';
import { ToneChip } from '../shared/Tone';

function range({ lowRps, highRps }: RequestRateRange): string {
  return `${requestsPerSecond(lowRps)}–${requestsPerSecond(highRps)}`;
}

const baseColumns: TableColumn<ServiceCapacityTarget>[] = [
  { title: 'Service', field: 'service', highlight: true },
  { title: 'Kind', field: 'kind' },
  {
    title: 'Expected rps',
    field: 'expectedRps',
    type: 'numeric',
    render: t => requestsPerSecond(t.expectedRps),
  },
  {
    title: 'Target rps',
    field: 'targetRps',
    type: 'numeric',
    render: t => requestsPerSecond(t.targetRps),
  },
  {
    title: 'Range (rps)',
    sorting: false,
    render: t => (
      <>
        <Typography
          variant="body2"
          title="Mean calls per request ± one standard deviation"
        >
          ±σ {range(t.stdDevRange)}
        </Typography>
        <Typography
          variant="body2"
          color="textSecondary"
          title="Fewest and most calls seen in one request"
        >
          seen {range(t.observedRange)}
        </Typography>
      </>
    ),
  },
];

const loadColumn: TableColumn<ServiceCapacityTarget> = {
  title: 'Load',
  field: 'unknownLoad',
  render: t => (
    <Box display="flex" flexWrap="wrap" gridGap={4}>
      {t.unknownLoad && (
        <ToneChip
          tone="warning"
          label="unknown load"
          title="Emits no spans: its calls are counted from its callers' client spans, and what it calls in turn is unseen"
        />
      )}
      {t.estimatedFromClientSpans && !t.unknownLoad && (
        <ToneChip
          tone="info"
          label="partly from client spans"
          title="Some of its calls are counted from its callers' client spans"
        />
      )}
    </Box>
  ),
};

const driversColumn: TableColumn<ServiceCapacityTarget> = {
  title: 'Driven by',
  sorting: false,
  render: t => (
    <ul aria-label={`Operations driving ${t.service}`} style={{ margin: 0 }}>
      {t.drivers.map(d => (
        <li key={d.operationId}>
          <Typography variant="body2">
            {d.operationName} {percent(d.share)}
          </Typography>
        </li>
      ))}
    </ul>
  ),
};

/**
 * Expected and target load per service or datastore, with the operations
 * behind it. Datastores never get the unknown-load column: only services can
 * be uninstrumented.
 */
export const CapacityTargetsTable = ({
  title,
  subtitle,
  targets,
  kind,
  emptyContent,
}: {
  title: string;
  subtitle: string;
  targets: ServiceCapacityTarget[];
  kind: 'service' | 'datastore';
  emptyContent: ReactNode;
}) => (
  <Table<ServiceCapacityTarget>
    title={title}
    subtitle={subtitle}
    options={{ paging: false, search: targets.length > 10, padding: 'dense' }}
    columns={[
      ...baseColumns,
      ...(kind === 'service' ? [loadColumn] : []),
      driversColumn,
    ]}
    data={targets}
    emptyContent={<Box p={2}>{emptyContent}</Box>}
  />
);
