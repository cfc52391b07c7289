import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { Box, Grid, Typography } from '@material-ui/core';
import { EvidenceList } from '../CriticalOperation/ParticipantEvidence';
import { OperationLink, TeamLink } from '../shared/RolloutLinks';
import { perRequest } from '../shared/rolloutLabels';
import { MaturityChip, ParticipantStatusChip } from '../shared/Tone';
import { NextActionsTable } from '../Teams/NextActionsTable';
import { componentChecklist } from './checklist';
import { CheckList } from './CheckList';
import { ComponentRollout, useComponentRollout } from './useComponentRollout';

type OperationRow = ComponentRollout['operations'][number];

const operationColumns: TableColumn<OperationRow>[] = [
  {
    title: 'Operation',
    field: 'detail.operation.name',
    highlight: true,
    render: o => (
      <OperationLink
        operationId={o.detail.operation.id}
        name={o.detail.operation.name}
      />
    ),
  },
  { title: 'Tier', field: 'detail.operation.tier', type: 'numeric' },
  {
    title: 'Status here',
    field: 'participant.status',
    render: o =>
      o.participant ? (
        <>
          <ParticipantStatusChip status={o.participant.status} />
          {o.participant.waiver && ' waived'}
        </>
      ) : (
        'not evaluated'
      ),
  },
  {
    title: 'Calls per request',
    field: 'participant.callsPerRequest',
    type: 'numeric',
    render: o =>
      o.participant?.callsPerRequest === undefined
        ? '—'
        : perRequest(o.participant.callsPerRequest),
  },
  {
    title: 'Operation maturity',
    field: 'detail.coverage.maturity',
    render: o => (
      <MaturityChip maturity={o.detail.coverage?.maturity ?? 'none'} />
    ),
  },
];

/**
 * A component's tracing checklist: tracer, propagation, conventions and SDK
 * version, the critical operations it takes part in, and what to do next.
 */
export const ComponentChecklist = ({ entity }: { entity: Entity }) => {
  const { value, loading, error } = useComponentRollout(entity);
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!value?.service) {
    return (
      <EmptyState
        missing="content"
        title="Not on any critical operation"
        description={`${stringifyEntityRef(
          entity,
        )} takes part in no critical operation of the rollout${
          value?.ownerRef ? ` (its owner is ${value.ownerRef})` : ''
        }. Services appear here once a critical operation's traces or definition include them.`}
      />
    );
  }
  const { service, team, operations } = value;
  const { items, violations } = componentChecklist(service, operations);
  const actions = (team?.nextActions ?? []).filter(
    a => a.service === service.service,
  );
  const names = new Map(
    operations.map(o => [o.detail.operation.id, o.detail.operation.name]),
  );
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={6}>
        <InfoCard
          title="Tracing checklist"
          subheader={`${service.service} on ${operations.length} critical ${
            operations.length === 1 ? 'operation' : 'operations'
          }`}
        >
          <CheckList items={items} />
          {violations.length > 0 && (
            <>
              <Typography variant="subtitle2">
                Convention violations to fix
              </Typography>
              {violations.map(({ operationName, evidence, traceLinks }, i) => (
                <Box key={i}>
                  <Typography variant="caption" color="textSecondary">
                    in {operationName}
                  </Typography>
                  <EvidenceList
                    evidence={[evidence]}
                    traceLinks={traceLinks}
                    label={`Violation in ${operationName}`}
                  />
                </Box>
              ))}
            </>
          )}
          {value.ownerRef && (
            <Typography variant="body2">
              Owner: <TeamLink teamRef={value.ownerRef} title={team?.title} />
            </Typography>
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <Table<OperationRow>
          title="Critical operations"
          subtitle="Its status on each operation it takes part in"
          options={{ paging: false, search: false }}
          columns={operationColumns}
          data={operations}
        />
      </Grid>
      <Grid item xs={12}>
        <NextActionsTable
          title={`Next actions for ${service.service}`}
          actions={actions}
          names={names}
        />
      </Grid>
    </Grid>
  );
};
