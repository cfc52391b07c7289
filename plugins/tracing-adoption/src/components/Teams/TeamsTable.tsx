import {
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Box, FormControlLabel, Switch } from '@material-ui/core';
import { TeamRollout } from '@internal/plugin-tracing-adoption-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { tracingAdoptionApiRef } from '../../api/TracingAdoptionApi';
import { CodeSpans } from '../shared/CodeSpans';
import { OperationLinks, TeamLink } from '../shared/RolloutLinks';
import { useOperationNames } from '../shared/useOperationNames';
import { TrainingStatus } from './TeamRolloutView';

const endToEnd = (team: TeamRollout) =>
  team.services.filter(s => s.status === 'end-to-end').length;

/** Every team's part in the rollout, teams holding back the most first. */
export const TeamsTable = () => {
  const api = useApi(tracingAdoptionApiRef);
  const names = useOperationNames();
  const [blocking, setBlocking] = useState(false);
  const { value, loading, error } = useAsync(
    () => api.listTeamRollouts({ blocking: blocking || undefined, limit: 500 }),
    [api, blocking],
  );

  const columns: TableColumn<TeamRollout>[] = [
    {
      title: 'Team',
      field: 'title',
      highlight: true,
      render: t => <TeamLink teamRef={t.teamRef} title={t.title} />,
    },
    {
      title: 'Holds back',
      field: 'blockingOperationIds',
      customSort: (a, b) =>
        a.blockingOperationIds.length - b.blockingOperationIds.length,
      render: t =>
        t.blockingOperationIds.length ? (
          <>
            <strong>{t.blockingOperationIds.length}</strong>:{' '}
            <OperationLinks
              operationIds={t.blockingOperationIds}
              names={names}
            />
          </>
        ) : (
          'nothing'
        ),
    },
    {
      title: 'Services end to end',
      field: 'services',
      customSort: (a, b) => endToEnd(a) - endToEnd(b),
      render: t => `${endToEnd(t)} of ${t.services.length}`,
    },
    {
      title: 'Compliance',
      field: 'complianceScore',
      type: 'numeric',
      render: t =>
        t.complianceScore === undefined || t.complianceScore === null
          ? '—'
          : `${t.complianceScore}`,
    },
    {
      title: 'Training',
      field: 'training.trained',
      render: t => <TrainingStatus training={t.training} />,
    },
    {
      title: 'Top action',
      field: 'nextActions',
      sorting: false,
      render: t =>
        t.nextActions[0] ? <CodeSpans text={t.nextActions[0].title} /> : '—',
    },
  ];

  return (
    <>
      <FormControlLabel
        control={
          <Switch
            checked={blocking}
            onChange={(_event, checked) => setBlocking(checked)}
          />
        }
        label="Only teams holding back an operation"
      />
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && (
        <Table<TeamRollout>
          title={`Teams (${value.totalCount})`}
          subtitle="Services on critical operations, what they hold back, and the next step"
          options={{
            paging: value.items.length > 25,
            pageSize: 25,
            search: true,
          }}
          columns={columns}
          data={value.items}
          emptyContent={
            <Box p={2}>
              {blocking
                ? 'No team holds back a critical operation.'
                : 'No team yet: teams appear after the catalog sync.'}
            </Box>
          }
        />
      )}
    </>
  );
};
