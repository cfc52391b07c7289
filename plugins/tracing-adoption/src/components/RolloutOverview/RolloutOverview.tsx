import {
  EmptyState,
  Gauge,
  InfoCard,
  LinkButton,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
  WarningPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import {
  Box,
  Grid,
  List,
  ListItem,
  ListItemText,
  Typography,
} from '@material-ui/core';
import {
  CriticalOperationSummary,
  MATURITY_LEVELS,
  PARTICIPANT_STATUSES,
  RolloutOverview as Overview,
} from '@internal/plugin-tracing-adoption-common';
import useAsync from 'react-use/esm/useAsync';
import { tracingAdoptionApiRef } from '../../api/TracingAdoptionApi';
import { adminRouteRef, rootRouteRef } from '../../routes';
import { HealthStatus } from '../TraceSources/TraceSourcesPanel';
import { CodeSpans } from '../shared/CodeSpans';
import { CoverageBar } from '../shared/CoverageBar';
import {
  OperationLink,
  OperationLinks,
  TeamLink,
} from '../shared/RolloutLinks';
import { STATUS_LABELS } from '../shared/rolloutLabels';
import { MaturityChip, ToneChip } from '../shared/Tone';
import { CampaignCard } from './CampaignCard';

type BlockingTeam = Overview['blockingTeams'][number];
type UnmappedService = Overview['unmappedServices'][number];

function gaps(summary: CriticalOperationSummary): string {
  const counts = summary.statusCounts;
  if (!counts) {
    return 'not evaluated';
  }
  const open = PARTICIPANT_STATUSES.filter(
    status => status !== 'end-to-end' && counts[status] > 0,
  ).map(status => `${counts[status]} ${STATUS_LABELS[status]}`);
  return open.length ? open.join(', ') : 'none';
}

const operationColumns: TableColumn<CriticalOperationSummary>[] = [
  {
    title: 'Operation',
    field: 'operation.name',
    highlight: true,
    render: s => (
      <OperationLink operationId={s.operation.id} name={s.operation.name} />
    ),
  },
  { title: 'Tier', field: 'operation.tier', type: 'numeric', width: '80px' },
  {
    title: 'Owner',
    field: 'operation.ownerRef',
    render: s => <TeamLink teamRef={s.operation.ownerRef} />,
  },
  {
    title: 'Maturity',
    field: 'maturity',
    customSort: (a, b) =>
      MATURITY_LEVELS.indexOf(a.maturity) - MATURITY_LEVELS.indexOf(b.maturity),
    render: s => <MaturityChip maturity={s.maturity} />,
  },
  {
    title: 'Coverage',
    field: 'coverage.ratio',
    customSort: (a, b) => (a.coverage?.ratio ?? 0) - (b.coverage?.ratio ?? 0),
    render: s => <CoverageBar coverage={s.coverage} />,
  },
  {
    title: 'Gaps',
    field: 'statusCounts',
    sorting: false,
    render: s => gaps(s),
  },
  {
    title: 'Traces',
    field: 'stale',
    render: s =>
      s.stale ? (
        <ToneChip
          tone="warning"
          label="stale"
          title="The traces are old or their sources are not healthy; the last good figures are shown"
        />
      ) : (
        'current'
      ),
  },
];

const MaturityCounts = ({ counts }: { counts: Overview['maturityCounts'] }) => (
  <Box display="flex" gridGap={16} flexWrap="wrap" mb={2}>
    {MATURITY_LEVELS.map(level => (
      <Box key={level} display="flex" alignItems="center" gridGap={8}>
        <MaturityChip maturity={level} />
        <Typography
          variant="h6"
          component="span"
          aria-label={`${level} operations`}
        >
          {counts[level]}
        </Typography>
      </Box>
    ))}
  </Box>
);

const TrainingCard = ({ training }: { training: Overview['training'] }) => {
  const teams = training.trained.length + training.untrained.length;
  const list = (title: string, refs: string[]) => (
    <Grid item xs={6}>
      <Typography variant="subtitle2">
        {title} ({refs.length})
      </Typography>
      <List dense disablePadding aria-label={`${title} teams`}>
        {refs.map(ref => (
          <ListItem key={ref} disableGutters>
            <ListItemText primary={<TeamLink teamRef={ref} />} />
          </ListItem>
        ))}
      </List>
    </Grid>
  );
  return (
    <InfoCard
      title="Training"
      subheader="Teams with services on critical operations, by whether they attended a workshop"
    >
      {teams === 0 ? (
        <Typography variant="body2">
          No team has services on critical operations yet.
        </Typography>
      ) : (
        <Grid container spacing={2}>
          <Grid item xs={12}>
            <Box maxWidth={160} mx="auto">
              <Gauge value={training.trained.length / teams} />
            </Box>
            <Typography variant="body2" align="center">
              {training.trained.length} of {teams} teams trained
            </Typography>
          </Grid>
          {list('Trained', training.trained)}
          {list('Untrained', training.untrained)}
        </Grid>
      )}
    </InfoCard>
  );
};

const StaleSources = ({ sources }: { sources: Overview['staleSources'] }) => {
  const rootLink = useRouteRef(rootRouteRef);
  return (
    <WarningPanel
      severity="warning"
      title={`${sources.length} trace ${
        sources.length === 1 ? 'source is' : 'sources are'
      } not healthy: figures from their traces may be stale`}
      defaultExpanded
    >
      <List dense disablePadding>
        {sources.map(source => (
          <ListItem key={source.id} disableGutters>
            <ListItemText
              primary={
                <Box display="flex" gridGap={8} alignItems="center">
                  <strong>{source.id}</strong>
                  <HealthStatus health={source.health} />
                </Box>
              }
              secondary={source.lastError}
            />
          </ListItem>
        ))}
      </List>
      <LinkButton to={`${rootLink()}/sources`} variant="outlined" size="small">
        Trace sources
      </LinkButton>
    </WarningPanel>
  );
};

/**
 * What a rollout PM looks at first: campaign countdowns and burn-up, the
 * maturity of every critical operation, the teams holding them back, training
 * and the data problems that make figures doubtful.
 */
export const RolloutOverview = () => {
  const api = useApi(tracingAdoptionApiRef);
  const adminLink = useRouteRef(adminRouteRef);
  const { value, loading, error } = useAsync(
    () => api.getRolloutOverview(),
    [api],
  );
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!value) {
    return null;
  }
  if (value.operations.length === 0 && value.campaigns.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No critical operations yet"
        description="Define the user operations that matter during the event, and a campaign with its deadline, through the admin tab or the rollout definitions file."
        action={
          <LinkButton to={adminLink()} variant="contained" color="primary">
            Define critical operations
          </LinkButton>
        }
      />
    );
  }

  const names = new Map(
    value.operations.map(s => [s.operation.id, s.operation.name]),
  );
  const teamColumns: TableColumn<BlockingTeam>[] = [
    {
      title: 'Team',
      field: 'title',
      highlight: true,
      render: t => <TeamLink teamRef={t.teamRef} title={t.title} />,
    },
    {
      title: 'Operations held back',
      field: 'blockingOperationIds',
      customSort: (a, b) =>
        a.blockingOperationIds.length - b.blockingOperationIds.length,
      render: t => (
        <>
          <strong>{t.blockingOperationIds.length}</strong>:{' '}
          <OperationLinks operationIds={t.blockingOperationIds} names={names} />
        </>
      ),
    },
    {
      title: 'Trained',
      field: 'trained',
      render: t =>
        t.trained ? (
          <ToneChip tone="ok" label="trained" />
        ) : (
          <ToneChip tone="warning" label="not trained" />
        ),
    },
    {
      title: 'Top action',
      field: 'topAction',
      render: t => (t.topAction ? <CodeSpans text={t.topAction} /> : '—'),
    },
  ];
  const unmappedColumns: TableColumn<UnmappedService>[] = [
    { title: 'Service (in traces)', field: 'service', highlight: true },
    {
      title: 'Seen in',
      field: 'operationIds',
      render: u => (
        <OperationLinks operationIds={u.operationIds} names={names} />
      ),
    },
  ];

  return (
    <Grid container spacing={3}>
      {value.evaluatedAt && (
        <Grid item xs={12}>
          <Typography variant="body2" color="textSecondary">
            Figures as of {new Date(value.evaluatedAt).toLocaleString()}
          </Typography>
        </Grid>
      )}
      {value.staleSources.length > 0 && (
        <Grid item xs={12}>
          <StaleSources sources={value.staleSources} />
        </Grid>
      )}
      {value.campaigns.map(view => (
        <Grid item xs={12} key={view.campaign.id}>
          <CampaignCard view={view} />
        </Grid>
      ))}
      <Grid item xs={12}>
        <MaturityCounts counts={value.maturityCounts} />
        <Table<CriticalOperationSummary>
          title={`Critical operations (${value.operations.length})`}
          subtitle="Maturity and coverage of each operation, most critical first"
          options={{
            paging: value.operations.length > 20,
            pageSize: 20,
            search: true,
          }}
          columns={operationColumns}
          data={value.operations}
          filters={[
            { column: 'Maturity', type: 'multiple-select' },
            { column: 'Owner', type: 'select' },
          ]}
        />
      </Grid>
      <Grid item xs={12} lg={8}>
        <Table<BlockingTeam>
          title="Teams blocking the most operations"
          subtitle="Their services keep these operations from walk"
          options={{ paging: false, search: false }}
          columns={teamColumns}
          data={value.blockingTeams}
          emptyContent={
            <Box p={2}>No team holds back a critical operation.</Box>
          }
        />
      </Grid>
      <Grid item xs={12} lg={4}>
        <TrainingCard training={value.training} />
      </Grid>
      <Grid item xs={12}>
        <Table<UnmappedService>
          title={`Unmapped services (${value.unmappedServices.length})`}
          subtitle="Seen in critical operations' traces, but no catalog entity claims them: add the tracing-adoption/service-name annotation to their component"
          options={{
            paging: false,
            search: value.unmappedServices.length > 10,
          }}
          columns={unmappedColumns}
          data={value.unmappedServices}
          emptyContent={
            <Box p={2}>Every service in the traces has a catalog entity.</Box>
          }
        />
      </Grid>
    </Grid>
  );
};
