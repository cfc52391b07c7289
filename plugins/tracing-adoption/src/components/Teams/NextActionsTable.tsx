import { Table, TableColumn } from '@backstage/core-components';
import { Box } from '@material-ui/core';
import { NextAction } from '@internal/plugin-tracing-adoption-common';
import { CodeSpans } from '../shared/CodeSpans';
import { OperationLinks } from '../shared/RolloutLinks';
import { Tone, ToneChip } from '../shared/Tone';

const ACTION_TONES: Record<NextAction['kind'], Tone> = {
  instrument: 'error',
  propagate: 'error',
  confirm: 'info',
  'fix-conventions': 'warning',
  upgrade: 'neutral',
};

type RankedAction = NextAction & { rank: number };

/** Next actions in the backend's ranking: tier-weighted gaps first. */
export const NextActionsTable = ({
  actions,
  title = 'Next actions',
  names,
}: {
  actions: NextAction[];
  title?: string;
  names?: ReadonlyMap<string, string>;
}) => {
  const columns: TableColumn<RankedAction>[] = [
    { title: '#', field: 'rank', type: 'numeric', width: '48px' },
    {
      title: 'Action',
      field: 'title',
      highlight: true,
      render: a => <CodeSpans text={a.title} />,
    },
    {
      title: 'Kind',
      field: 'kind',
      render: a => <ToneChip tone={ACTION_TONES[a.kind]} label={a.kind} />,
    },
    { title: 'Service', field: 'service' },
    {
      title: 'Unblocks',
      field: 'operationIds',
      sorting: false,
      render: a => (
        <OperationLinks operationIds={a.operationIds} names={names} />
      ),
    },
    {
      title: 'Peak req/s',
      field: 'peakRequestsPerSecond',
      type: 'numeric',
    },
    { title: 'Priority', field: 'priority', type: 'numeric' },
  ];
  return (
    <Table<RankedAction>
      title={title}
      subtitle="Ranked by weight × Σ (4 − tier) of the operations each unblocks, then by their peak traffic"
      options={{
        paging: actions.length > 10,
        pageSize: 10,
        search: actions.length > 10,
      }}
      columns={columns}
      data={actions.map((action, index) => ({ ...action, rank: index + 1 }))}
      emptyContent={
        <Box p={2}>Nothing to do: every service is traced end to end.</Box>
      }
    />
  );
};
