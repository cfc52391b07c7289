import {
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Box, Button, Grid, Typography } from '@material-ui/core';
import {
  CampaignView,
  CriticalOperation,
  CriticalOperationSummary,
  WaiverView,
  Workshop,
} from '@internal/plugin-tracing-adoption-common';
import { ReactNode, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { tracingAdoptionApiRef } from '../../api/TracingAdoptionApi';
import { OperationLink, TeamLink } from '../shared/RolloutLinks';
import {
  CampaignStatusChip,
  MaturityChip,
  OriginBadge,
  ToneChip,
} from '../shared/Tone';
import {
  RolloutPermissions,
  useRolloutPermissions,
} from '../shared/useRolloutPermissions';
import { CampaignFormDialog } from './CampaignFormDialog';
import { ConfirmDialog, DECLARED_IN_YAML } from './FormDialog';
import { OperationFormDialog } from './OperationFormDialog';
import { WaiverFormDialog } from './WaiverFormDialog';
import { WorkshopFormDialog } from './WorkshopFormDialog';

/** A loaded list with its own loading and error state, and an add button. */
function Section<T extends object>({
  title,
  subtitle,
  state,
  columns,
  addLabel,
  onAdd,
  emptyText,
  dialogs,
}: {
  title: string;
  subtitle: string;
  state: { loading: boolean; error?: Error; value?: T[] };
  columns: TableColumn<T>[];
  addLabel: string;
  onAdd?: () => void;
  emptyText: string;
  dialogs: ReactNode;
}) {
  let body: ReactNode;
  if (state.loading && !state.value) {
    body = <Progress />;
  } else if (state.error) {
    body = <ResponseErrorPanel error={state.error} />;
  } else {
    body = (
      <Table<T>
        title={title}
        subtitle={subtitle}
        options={{
          paging: (state.value?.length ?? 0) > 20,
          pageSize: 20,
          search: true,
        }}
        columns={columns}
        data={state.value ?? []}
        emptyContent={<Box p={2}>{emptyText}</Box>}
      />
    );
  }
  return (
    <Grid item xs={12}>
      {onAdd && (
        <Box display="flex" justifyContent="flex-end" mb={1}>
          <Button variant="contained" color="primary" onClick={onAdd}>
            {addLabel}
          </Button>
        </Box>
      )}
      {body}
      {dialogs}
    </Grid>
  );
}

/** Edit and remove buttons, or why a declared definition has none. */
const RowActions = ({
  name,
  origin,
  onEdit,
  onRemove,
  removeLabel = 'Remove',
}: {
  name: string;
  origin?: string;
  onEdit?: () => void;
  onRemove?: () => void;
  removeLabel?: string;
}) => {
  if (origin === 'config') {
    return (
      <Typography variant="caption" title={DECLARED_IN_YAML}>
        read-only: declared in YAML
      </Typography>
    );
  }
  return (
    <Box display="flex" gridGap={4}>
      {onEdit && (
        <Button size="small" onClick={onEdit} aria-label={`Edit ${name}`}>
          Edit
        </Button>
      )}
      {onRemove && (
        <Button
          size="small"
          onClick={onRemove}
          aria-label={`${removeLabel} ${name}`}
        >
          {removeLabel}
        </Button>
      )}
    </Box>
  );
};

const OperationsSection = ({ can }: { can: RolloutPermissions }) => {
  const api = useApi(tracingAdoptionApiRef);
  const state = useAsyncRetry(
    async () => (await api.listCriticalOperations({ limit: 500 })).items,
    [api],
  );
  const [editing, setEditing] = useState<CriticalOperation | 'new'>();
  const [removing, setRemoving] = useState<CriticalOperation>();
  const columns: TableColumn<CriticalOperationSummary>[] = [
    {
      title: 'Operation',
      field: 'operation.name',
      highlight: true,
      render: s => (
        <OperationLink operationId={s.operation.id} name={s.operation.name} />
      ),
    },
    { title: 'Id', field: 'operation.id' },
    { title: 'Tier', field: 'operation.tier', type: 'numeric' },
    {
      title: 'Owner',
      field: 'operation.ownerRef',
      render: s => <TeamLink teamRef={s.operation.ownerRef} />,
    },
    { title: 'Campaign', field: 'operation.campaignId' },
    {
      title: 'Maturity',
      field: 'maturity',
      render: s => <MaturityChip maturity={s.maturity} />,
    },
    {
      title: 'Origin',
      field: 'operation.origin',
      render: s =>
        s.operation.origin === 'config' ? (
          <OriginBadge origin="config" />
        ) : (
          'portal'
        ),
    },
    {
      title: 'Actions',
      sorting: false,
      render: s => (
        <RowActions
          name={s.operation.name}
          origin={s.operation.origin}
          onEdit={
            can.updateOperation ? () => setEditing(s.operation) : undefined
          }
          onRemove={
            can.deleteOperation ? () => setRemoving(s.operation) : undefined
          }
        />
      ),
    },
  ];
  return (
    <Section
      title="Critical operations"
      subtitle="The user operations the rollout traces end to end"
      state={state}
      columns={columns}
      addLabel="Define an operation"
      onAdd={can.createOperation ? () => setEditing('new') : undefined}
      emptyText="No critical operation is defined yet."
      dialogs={
        <>
          {editing && (
            <OperationFormDialog
              operation={editing === 'new' ? undefined : editing}
              onClose={() => setEditing(undefined)}
              onSaved={() => {
                setEditing(undefined);
                state.retry();
              }}
            />
          )}
          {removing && (
            <ConfirmDialog
              title={`Remove ${removing.name}?`}
              confirmLabel="Remove"
              onClose={() => setRemoving(undefined)}
              onConfirm={async () => {
                await api.deleteCriticalOperation(
                  removing.id,
                  removing.version,
                );
                setRemoving(undefined);
                state.retry();
              }}
            >
              The operation leaves its campaign and the figures of its teams.
            </ConfirmDialog>
          )}
        </>
      }
    />
  );
};

const CampaignsSection = ({ can }: { can: RolloutPermissions }) => {
  const api = useApi(tracingAdoptionApiRef);
  const state = useAsyncRetry(
    async () => (await api.listCampaigns()).items,
    [api],
  );
  const [editing, setEditing] = useState<CampaignView['campaign'] | 'new'>();
  const [removing, setRemoving] = useState<CampaignView['campaign']>();
  const columns: TableColumn<CampaignView>[] = [
    { title: 'Campaign', field: 'campaign.name', highlight: true },
    { title: 'Id', field: 'campaign.id' },
    { title: 'Start', field: 'campaign.startDate' },
    { title: 'Deadline', field: 'campaign.deadline' },
    { title: 'Target', field: 'campaign.targetMaturity' },
    {
      title: 'Status',
      field: 'progress.status',
      render: v => <CampaignStatusChip status={v.progress.status} />,
    },
    {
      title: 'At target',
      field: 'progress.atTarget',
      render: v => `${v.progress.atTarget} of ${v.progress.total}`,
    },
    {
      title: 'Origin',
      field: 'campaign.origin',
      render: v =>
        v.campaign.origin === 'config' ? (
          <OriginBadge origin="config" />
        ) : (
          'portal'
        ),
    },
    {
      title: 'Actions',
      sorting: false,
      render: v => (
        <RowActions
          name={v.campaign.name}
          origin={v.campaign.origin}
          onEdit={
            can.manageCampaigns ? () => setEditing(v.campaign) : undefined
          }
          onRemove={
            can.manageCampaigns ? () => setRemoving(v.campaign) : undefined
          }
        />
      ),
    },
  ];
  return (
    <Section
      title="Campaigns"
      subtitle="Deadlines and the maturity their target operations must reach"
      state={state}
      columns={columns}
      addLabel="Start a campaign"
      onAdd={can.manageCampaigns ? () => setEditing('new') : undefined}
      emptyText="No campaign yet."
      dialogs={
        <>
          {editing && (
            <CampaignFormDialog
              campaign={editing === 'new' ? undefined : editing}
              onClose={() => setEditing(undefined)}
              onSaved={() => {
                setEditing(undefined);
                state.retry();
              }}
            />
          )}
          {removing && (
            <ConfirmDialog
              title={`Remove ${removing.name}?`}
              confirmLabel="Remove"
              onClose={() => setRemoving(undefined)}
              onConfirm={async () => {
                await api.deleteCampaign(removing.id, removing.version);
                setRemoving(undefined);
                state.retry();
              }}
            >
              Only a campaign no operation names can be removed; its burn-up
              history goes with it.
            </ConfirmDialog>
          )}
        </>
      }
    />
  );
};

const WorkshopsSection = ({ can }: { can: RolloutPermissions }) => {
  const api = useApi(tracingAdoptionApiRef);
  const state = useAsyncRetry(
    async () => (await api.listWorkshops()).items,
    [api],
  );
  const [editing, setEditing] = useState<Workshop | 'new'>();
  const [removing, setRemoving] = useState<Workshop>();
  const columns: TableColumn<Workshop>[] = [
    { title: 'Date', field: 'date' },
    { title: 'Topic', field: 'topic', highlight: true },
    {
      title: 'Teams',
      field: 'teamRefs',
      render: w => (
        <>
          {w.teamRefs.map((ref, index) => (
            <span key={ref}>
              {index > 0 && ', '}
              <TeamLink teamRef={ref} />
            </span>
          ))}
        </>
      ),
    },
    { title: 'Notes', field: 'notes' },
    { title: 'Recorded by', field: 'createdBy' },
    {
      title: 'Actions',
      sorting: false,
      render: w =>
        can.manageWorkshops ? (
          <RowActions
            name={w.topic}
            onEdit={() => setEditing(w)}
            onRemove={() => setRemoving(w)}
          />
        ) : null,
    },
  ];
  return (
    <Section
      title="Workshops"
      subtitle="A team counts as trained once it attended one"
      state={state}
      columns={columns}
      addLabel="Record a workshop"
      onAdd={can.manageWorkshops ? () => setEditing('new') : undefined}
      emptyText="No workshop recorded yet."
      dialogs={
        <>
          {editing && (
            <WorkshopFormDialog
              workshop={editing === 'new' ? undefined : editing}
              onClose={() => setEditing(undefined)}
              onSaved={() => {
                setEditing(undefined);
                state.retry();
              }}
            />
          )}
          {removing && (
            <ConfirmDialog
              title={`Remove the workshop ${removing.topic}?`}
              confirmLabel="Remove"
              onClose={() => setRemoving(undefined)}
              onConfirm={async () => {
                await api.deleteWorkshop(removing.id);
                setRemoving(undefined);
                state.retry();
              }}
            >
              Teams it alone trained count as untrained again.
            </ConfirmDialog>
          )}
        </>
      }
    />
  );
};

function describeWaiverScope(scope: WaiverView['scope']): string {
  return scope.kind === 'service'
    ? `${scope.service} need not be traced on ${
        scope.operationId ?? 'any operation'
      }`
    : `${scope.service ?? 'every service'} need not follow ${scope.ruleId}`;
}

const WaiversSection = ({ can }: { can: RolloutPermissions }) => {
  const api = useApi(tracingAdoptionApiRef);
  const state = useAsyncRetry(
    async () => (await api.listWaivers()).items,
    [api],
  );
  const [granting, setGranting] = useState(false);
  const [revoking, setRevoking] = useState<WaiverView>();
  const columns: TableColumn<WaiverView>[] = [
    {
      title: 'Exempts',
      field: 'scope',
      highlight: true,
      render: w => describeWaiverScope(w.scope),
    },
    { title: 'Reason', field: 'reason' },
    { title: 'Approved by', field: 'approvedBy' },
    {
      title: 'Expires',
      field: 'expiresAt',
      render: w => new Date(w.expiresAt).toLocaleDateString(),
    },
    {
      title: 'Counts',
      field: 'active',
      render: w =>
        w.active ? (
          <ToneChip tone="ok" label="active" />
        ) : (
          <ToneChip tone="neutral" label="expired" />
        ),
    },
    { title: 'Granted by', field: 'createdBy' },
    {
      title: 'Actions',
      sorting: false,
      render: w =>
        can.manageWaivers ? (
          <RowActions
            name={describeWaiverScope(w.scope)}
            onRemove={() => setRevoking(w)}
            removeLabel="Revoke"
          />
        ) : null,
    },
  ];
  return (
    <Section
      title="Waivers"
      subtitle="Exempted services and convention rules; revoked waivers stay on record in the backend"
      state={state}
      columns={columns}
      addLabel="Grant a waiver"
      onAdd={can.manageWaivers ? () => setGranting(true) : undefined}
      emptyText="No waiver granted."
      dialogs={
        <>
          {granting && (
            <WaiverFormDialog
              onClose={() => setGranting(false)}
              onSaved={() => {
                setGranting(false);
                state.retry();
              }}
            />
          )}
          {revoking && (
            <ConfirmDialog
              title="Revoke the waiver?"
              confirmLabel="Revoke"
              onClose={() => setRevoking(undefined)}
              onConfirm={async () => {
                await api.revokeWaiver(revoking.id);
                setRevoking(undefined);
                state.retry();
              }}
            >
              {describeWaiverScope(revoking.scope)}: from the next evaluation it
              counts again.
            </ConfirmDialog>
          )}
        </>
      }
    />
  );
};

/**
 * The rollout's definitions: critical operations, campaigns, workshops and
 * waivers. Everyone may read them; the forms appear only with the matching
 * permission.
 */
export const RolloutAdmin = () => {
  const can = useRolloutPermissions();
  const mayChange = Object.values(can).some(Boolean);
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Typography variant="body2" color="textSecondary">
          Definitions marked “declared in YAML” come from the rollout
          definitions file (<code>tracingAdoption.rollout.definitions</code>)
          and are read-only here: change them in that file.{' '}
          {!mayChange &&
            'Changing definitions needs the tracing-adoption rollout permissions.'}
        </Typography>
      </Grid>
      <OperationsSection can={can} />
      <CampaignsSection can={can} />
      <WorkshopsSection can={can} />
      <WaiversSection can={can} />
    </Grid>
  );
};
