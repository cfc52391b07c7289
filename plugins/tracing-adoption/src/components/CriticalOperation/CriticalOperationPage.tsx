import {
  Content,
  Header,
  InfoCard,
  Page,
  Progress,
  ResponseErrorPanel,
  StructuredMetadataTable,
  Table,
  TableColumn,
  WarningPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Box, Button, Grid, Typography } from '@material-ui/core';
import {
  CriticalOperation,
  CriticalOperationDetail,
  MATURITY_LEVELS,
  OperationCoverage,
  PARTICIPANT_STATUSES,
  ParticipantCoverage,
} from '@internal/plugin-tracing-adoption-common';
import { ReactNode, useCallback, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { tracingAdoptionApiRef } from '../../api/TracingAdoptionApi';
import { rootRouteRef } from '../../routes';
import { ConfirmDialog, DECLARED_IN_YAML } from '../Admin/FormDialog';
import { OperationFormDialog } from '../Admin/OperationFormDialog';
import { WaiverFormDialog } from '../Admin/WaiverFormDialog';
import { CodeSpans } from '../shared/CodeSpans';
import { CoverageBar } from '../shared/CoverageBar';
import { TeamLink } from '../shared/RolloutLinks';
import { MATURITY_DESCRIPTIONS, perRequest } from '../shared/rolloutLabels';
import { TraceIdLinks } from '../shared/TraceIdLinks';
import {
  MaturityChip,
  OriginBadge,
  ParticipantStatusChip,
} from '../shared/Tone';
import { useRolloutPermissions } from '../shared/useRolloutPermissions';
import { buildDiagram } from './diagramModel';
import { OperationHealthCard } from './OperationHealthCard';
import { ParticipantEvidence } from './ParticipantEvidence';
import { ServiceDiagram } from './ServiceDiagram';

function objectives(operation: CriticalOperation): string {
  const { latencyP99Ms, errorRatePercent } = operation.objectives ?? {};
  const parts = [
    latencyP99Ms !== undefined && `p99 ≤ ${latencyP99Ms} ms`,
    errorRatePercent !== undefined && `errors ≤ ${errorRatePercent} %`,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'none (run needs one)';
}

const Definition = ({
  operation,
  actions,
}: {
  operation: CriticalOperation;
  actions: ReactNode;
}) => {
  const { entry } = operation;
  return (
    <InfoCard title="Definition">
      <Box display="flex" alignItems="center" gridGap={8} mb={1}>
        <OriginBadge origin={operation.origin} />
        <Typography variant="body2" color="textSecondary">
          {operation.origin === 'config'
            ? DECLARED_IN_YAML
            : `Defined in the portal, version ${operation.version}`}
        </Typography>
      </Box>
      <StructuredMetadataTable
        dense
        metadata={{
          'entry service': entry.entryService,
          'entry span': entry.spanName ?? 'any',
          'HTTP request': `${entry.httpMethod ?? 'any method'} ${
            entry.httpRoute ?? 'any route'
          }`,
          'peak requests per second': operation.peakRequestsPerSecond,
          tier: `${operation.tier} (1 is the most critical)`,
          owner: (
            <>
              <EntityRefLink
                entityRef={operation.ownerRef}
                defaultKind="group"
              />{' '}
              (<TeamLink teamRef={operation.ownerRef} title="rollout view" />)
            </>
          ),
          campaign: operation.campaignId ?? 'none',
          'declared participants': operation.declaredParticipants.length
            ? operation.declaredParticipants.join(', ')
            : 'none',
          objectives: objectives(operation),
        }}
      />
      {actions}
    </InfoCard>
  );
};

const Maturity = ({
  coverage,
  traceLinks,
}: {
  coverage?: OperationCoverage;
  traceLinks: Record<string, string>;
}) => {
  if (!coverage) {
    return (
      <InfoCard title="Maturity">
        <Typography>
          Not evaluated yet: figures appear after the next evaluation, which
          follows every analysis run.
        </Typography>
      </InfoCard>
    );
  }
  const next = MATURITY_LEVELS[MATURITY_LEVELS.indexOf(coverage.maturity) + 1];
  return (
    <InfoCard title="Maturity">
      <Box display="flex" alignItems="center" gridGap={8} mb={1}>
        <MaturityChip maturity={coverage.maturity} />
        <Typography variant="body2">
          {MATURITY_DESCRIPTIONS[coverage.maturity]}
        </Typography>
      </Box>
      <Typography variant="subtitle2">Coverage</Typography>
      <CoverageBar coverage={coverage.coverage} />
      <Box display="flex" flexWrap="wrap" gridGap={8} my={1}>
        {PARTICIPANT_STATUSES.filter(s => coverage.statusCounts[s] > 0).map(
          status => (
            <Box key={status} display="flex" alignItems="center" gridGap={4}>
              <ParticipantStatusChip status={status} />
              <Typography variant="body2">
                {coverage.statusCounts[status]}
              </Typography>
            </Box>
          ),
        )}
      </Box>
      {next && (
        <>
          <Typography variant="subtitle2">What keeps it from {next}</Typography>
          <ul aria-label="Blockers">
            {coverage.nextLevelBlockers.map(blocker => (
              <li key={blocker}>
                <Typography variant="body2">
                  <CodeSpans text={blocker} />
                </Typography>
              </li>
            ))}
          </ul>
        </>
      )}
      {coverage.traces && (
        <Typography variant="body2" color="textSecondary">
          Analysed {new Date(coverage.traces.analyzedAt).toLocaleString()}:{' '}
          {coverage.traces.matchingTraces} sampled traces,{' '}
          {coverage.traces.tracesReachingFromEdge} reaching from the edge.
          Examples:{' '}
          <TraceIdLinks
            traceIds={coverage.traces.exampleTraceIds}
            links={traceLinks}
          />
        </Typography>
      )}
    </InfoCard>
  );
};

const participantColumns = (
  select: (service: string) => void,
): TableColumn<ParticipantCoverage>[] => [
  {
    title: 'Service',
    field: 'service',
    highlight: true,
    render: p => (
      <Button size="small" onClick={() => select(p.service)}>
        {p.service}
      </Button>
    ),
  },
  {
    title: 'Status',
    field: 'status',
    customSort: (a, b) =>
      PARTICIPANT_STATUSES.indexOf(a.status) -
      PARTICIPANT_STATUSES.indexOf(b.status),
    render: p => (
      <>
        <ParticipantStatusChip status={p.status} />
        {p.waiver && ' waived'}
      </>
    ),
  },
  {
    title: 'Calls per request',
    field: 'callsPerRequest',
    type: 'numeric',
    render: p =>
      p.callsPerRequest === undefined ? '—' : perRequest(p.callsPerRequest),
  },
  { title: 'Violations', field: 'errorViolations', type: 'numeric' },
  {
    title: 'Component',
    field: 'entityRef',
    render: p =>
      p.entityRef ? <EntityRefLink entityRef={p.entityRef} /> : 'unmapped',
  },
  {
    title: 'Owner',
    field: 'ownerRef',
    render: p => (p.ownerRef ? <TeamLink teamRef={p.ownerRef} /> : '—'),
  },
];

const OperationDetail = ({
  detail,
  onChanged,
}: {
  detail: CriticalOperationDetail;
  onChanged: () => void;
}) => {
  const api = useApi(tracingAdoptionApiRef);
  const navigate = useNavigate();
  const rootLink = useRouteRef(rootRouteRef);
  const can = useRolloutPermissions();
  const [selected, setSelected] = useState<string>();
  const [dialog, setDialog] = useState<'edit' | 'remove' | 'waiver'>();
  const { operation, coverage, traceLinks } = detail;
  const participants = useMemo(() => coverage?.participants ?? [], [coverage]);
  const model = useMemo(
    () =>
      buildDiagram(participants, detail.analysis, operation.entry.entryService),
    [participants, detail.analysis, operation.entry.entryService],
  );
  const select = useCallback((service: string) => setSelected(service), []);
  const chosen = participants.find(p => p.service === selected);
  const editable = operation.origin === 'api';
  const close = () => setDialog(undefined);

  return (
    <Grid container spacing={3}>
      {coverage?.traces?.stale && (
        <Grid item xs={12}>
          <WarningPanel
            severity="warning"
            title="These figures are stale"
            message="The traces behind them are old or their sources are not healthy; the last good analysis is shown."
          />
        </Grid>
      )}
      <Grid item xs={12} md={6}>
        <Definition
          operation={operation}
          actions={
            editable &&
            (can.updateOperation || can.deleteOperation) && (
              <Box display="flex" gridGap={8} mt={2}>
                {can.updateOperation && (
                  <Button variant="outlined" onClick={() => setDialog('edit')}>
                    Edit
                  </Button>
                )}
                {can.deleteOperation && (
                  <Button onClick={() => setDialog('remove')}>Remove</Button>
                )}
              </Box>
            )
          }
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <Maturity coverage={coverage} traceLinks={traceLinks} />
      </Grid>
      <Grid item xs={12}>
        <OperationHealthCard
          operationId={operation.id}
          traceLinks={traceLinks}
        />
      </Grid>
      <Grid item xs={12} lg={8}>
        <InfoCard
          title="Services"
          subheader={
            detail.analysis
              ? 'From the edge (left) to the deepest callee; select a service for its evidence'
              : 'No trace of the operation analysed yet: only known participants are shown'
          }
        >
          <ServiceDiagram model={model} selected={selected} onSelect={select} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} lg={4}>
        {chosen ? (
          <ParticipantEvidence
            participant={chosen}
            traceLinks={traceLinks}
            onGrantWaiver={
              can.manageWaivers ? () => setDialog('waiver') : undefined
            }
          />
        ) : (
          <InfoCard title="Service evidence">
            <Typography variant="body2">
              Select a service in the diagram or the table to see its status,
              the evidence behind it and example traces.
            </Typography>
          </InfoCard>
        )}
      </Grid>
      <Grid item xs={12}>
        <Table<ParticipantCoverage>
          title={`Participants (${participants.length})`}
          subtitle="The entry service, every service in the analysed traces and the declared participants"
          options={{ paging: false, search: true }}
          columns={participantColumns(select)}
          data={participants}
          filters={[{ column: 'Status', type: 'multiple-select' }]}
          emptyContent={<Box p={2}>Not evaluated yet.</Box>}
        />
      </Grid>
      {dialog === 'edit' && (
        <OperationFormDialog
          operation={operation}
          onClose={close}
          onSaved={() => {
            close();
            onChanged();
          }}
        />
      )}
      {dialog === 'remove' && (
        <ConfirmDialog
          title={`Remove ${operation.name}?`}
          confirmLabel="Remove"
          onClose={close}
          onConfirm={async () => {
            await api.deleteCriticalOperation(operation.id, operation.version);
            navigate(rootLink());
          }}
        >
          The operation leaves its campaign and the figures of its teams.
        </ConfirmDialog>
      )}
      {dialog === 'waiver' && chosen && (
        <WaiverFormDialog
          service={chosen.service}
          operationId={operation.id}
          onClose={close}
          onSaved={() => {
            close();
            onChanged();
          }}
        />
      )}
    </Grid>
  );
};

/**
 * One critical operation: its definition, maturity and what blocks the next
 * level, its health, and the diagram of its services with each one's evidence.
 */
export const CriticalOperationPage = () => {
  const { operationId = '' } = useParams();
  const api = useApi(tracingAdoptionApiRef);
  const rootLink = useRouteRef(rootRouteRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getCriticalOperation(operationId),
    [api, operationId],
  );
  return (
    <Page themeId="tool">
      <Header
        title={value?.operation.name ?? operationId}
        subtitle={value?.operation.description}
        type="Critical operation"
        typeLink={rootLink()}
      />
      <Content>
        {loading && !value && <Progress />}
        {error && <ResponseErrorPanel error={error} />}
        {value && <OperationDetail detail={value} onChanged={retry} />}
      </Content>
    </Page>
  );
};
