import {
  EmptyState,
  Gauge,
  InfoCard,
  Progress,
  ResponseErrorPanel,
  StructuredMetadataTable,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Box, Grid, Typography } from '@material-ui/core';
import {
  PARTICIPANT_STATUSES,
  TeamRollout,
} from '@internal/plugin-tracing-adoption-common';
import useAsync from 'react-use/esm/useAsync';
import { tracingAdoptionApiRef } from '../../api/TracingAdoptionApi';
import { CodeSpans } from '../shared/CodeSpans';
import { DailyChart } from '../shared/DailyChart';
import { OperationLinks } from '../shared/RolloutLinks';
import { ParticipantStatusChip, ToneChip } from '../shared/Tone';
import { useOperationNames } from '../shared/useOperationNames';
import { NextActionsTable } from './NextActionsTable';

type TeamService = TeamRollout['services'][number];

export const TrainingStatus = ({
  training,
}: {
  training: TeamRollout['training'];
}) =>
  training.trained ? (
    <Box display="flex" alignItems="center" gridGap={8}>
      <ToneChip tone="ok" label="trained" />
      {training.lastWorkshop && (
        <Typography variant="body2">
          last workshop {training.lastWorkshop.date}:{' '}
          {training.lastWorkshop.topic}
        </Typography>
      )}
    </Box>
  ) : (
    <ToneChip
      tone="warning"
      label="not trained"
      title="The team attended no workshop yet"
    />
  );

const serviceColumns = (
  names?: ReadonlyMap<string, string>,
): TableColumn<TeamService>[] => [
  {
    title: 'Service',
    field: 'service',
    highlight: true,
    render: s => <EntityRefLink entityRef={s.entityRef} title={s.service} />,
  },
  {
    title: 'Worst status',
    field: 'status',
    customSort: (a, b) =>
      PARTICIPANT_STATUSES.indexOf(a.status ?? 'unknown') -
      PARTICIPANT_STATUSES.indexOf(b.status ?? 'unknown'),
    render: s => (s.status ? <ParticipantStatusChip status={s.status} /> : '—'),
  },
  {
    title: 'Critical operations',
    field: 'operationIds',
    sorting: false,
    render: s => <OperationLinks operationIds={s.operationIds} names={names} />,
  },
  {
    title: 'Compliance',
    field: 'complianceScore',
    type: 'numeric',
    render: s =>
      s.complianceScore === undefined || s.complianceScore === null
        ? '—'
        : `${s.complianceScore}`,
  },
  {
    title: 'Tracer (repository scan)',
    field: 'scan.instrumentation',
    render: s => s.scan?.instrumentation ?? 'not scanned',
  },
  {
    title: 'SDK',
    field: 'scan.outdated',
    render: s => {
      if (!s.scan) {
        return '—';
      }
      return s.scan.outdated ? (
        <ToneChip tone="warning" label="below minimum" />
      ) : (
        'current'
      );
    },
  },
];

/**
 * A team's part in the rollout: what it holds back, its services and their
 * statuses, its ranked next actions, training and daily history.
 */
export const TeamRolloutView = ({ teamRef }: { teamRef: string }) => {
  const api = useApi(tracingAdoptionApiRef);
  const names = useOperationNames();
  const { value, loading, error } = useAsync(
    () => api.getTeamRollout(teamRef),
    [api, teamRef],
  );
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return ResponseError.is(error) && error.statusCode === 404 ? (
      <EmptyState
        missing="data"
        title="No rollout figures for this team"
        description={error.body.error.message}
      />
    ) : (
      <ResponseErrorPanel error={error} />
    );
  }
  if (!value) {
    return null;
  }
  const { team, history } = value;
  if (team.services.length === 0) {
    return (
      <EmptyState
        missing="content"
        title="No services on critical operations"
        description="None of this team's services takes part in a critical operation, so the rollout asks nothing of it."
      />
    );
  }
  const endToEnd = team.services.filter(s => s.status === 'end-to-end').length;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={8}>
        <InfoCard
          title={team.title ?? 'Rollout'}
          subheader={
            value.evaluatedAt
              ? `As of ${new Date(value.evaluatedAt).toLocaleString()}`
              : undefined
          }
        >
          <StructuredMetadataTable
            metadata={{
              'holds back from walk': team.blockingOperationIds.length ? (
                <>
                  {team.blockingOperationIds.length}:{' '}
                  <OperationLinks
                    operationIds={team.blockingOperationIds}
                    names={names}
                  />
                </>
              ) : (
                'no operation'
              ),
              'services traced end to end': `${endToEnd} of ${team.services.length} on critical operations`,
              training: <TrainingStatus training={team.training} />,
              'top action': team.nextActions[0] ? (
                <CodeSpans text={team.nextActions[0].title} />
              ) : (
                'none'
              ),
            }}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={4}>
        <InfoCard title="Convention compliance">
          {team.complianceScore === undefined ||
          team.complianceScore === null ? (
            <Typography variant="body2">
              No span of the team was evaluated yet.
            </Typography>
          ) : (
            <>
              <Box maxWidth={180} mx="auto">
                <Gauge value={team.complianceScore / 100} />
              </Box>
              <Typography variant="body2" align="center">
                Share of the team's sampled spans that follow the conventions,
                weighted by severity
              </Typography>
            </>
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <NextActionsTable actions={team.nextActions} names={names} />
      </Grid>
      <Grid item xs={12}>
        <Table<TeamService>
          title={`Services on critical operations (${team.services.length})`}
          subtitle="Each service's worst status over the operations it takes part in"
          options={{ paging: false, search: team.services.length > 10 }}
          columns={serviceColumns(names)}
          data={team.services}
          filters={[{ column: 'Worst status', type: 'multiple-select' }]}
        />
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="History">
          <DailyChart
            title={`Rollout history of ${team.title ?? teamRef}`}
            caption={`Today: ${team.blockingOperationIds.length} operations held back, ${endToEnd} of ${team.services.length} services end to end.`}
            data={history}
            series={[
              {
                key: 'blockingOperations',
                name: 'Operations held back',
                color: 'error',
              },
              {
                key: 'servicesEndToEnd',
                name: 'Services end to end',
                color: 'ok',
              },
              {
                key: 'servicesOnCriticalOperations',
                name: 'Services on critical operations',
                color: 'muted',
                dashed: true,
              },
            ]}
          />
        </InfoCard>
      </Grid>
    </Grid>
  );
};
