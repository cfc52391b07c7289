import { useApi } from '@backstage/core-plugin-api';
import { Grid, MenuItem } from '@material-ui/core';
import {
  CriticalOperation,
  CriticalOperationDetail,
  CriticalOperationInput,
  OPERATION_TIERS,
  OperationTier,
} from '@internal/plugin-tracing-adoption-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { tracingAdoptionApiRef } from '../../api/TracingAdoptionApi';
import { listEntries, optionalNumber } from '../shared/formText';
import { DECLARED_IN_YAML, FormDialog, useServerAction } from './FormDialog';
import { missing, useFormFields } from './useFormFields';

const HTTP_METHODS = [
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
];

/** The fields as typed; numbers stay text until saved. */
type OperationForm = {
  id: string;
  name: string;
  description: string;
  entryService: string;
  spanName: string;
  httpRoute: string;
  httpMethod: string;
  peakRequestsPerSecond: string;
  tier: string;
  ownerRef: string;
  campaignId: string;
  declaredParticipants: string;
  latencyP99Ms: string;
  errorRatePercent: string;
};

type OperationFormErrors = Partial<Record<keyof OperationForm, string>>;

function toForm(operation?: CriticalOperation): OperationForm {
  const text = (value?: string | number) =>
    value === undefined ? '' : String(value);
  return {
    id: text(operation?.id),
    name: text(operation?.name),
    description: text(operation?.description),
    entryService: text(operation?.entry.entryService),
    spanName: text(operation?.entry.spanName),
    httpRoute: text(operation?.entry.httpRoute),
    httpMethod: text(operation?.entry.httpMethod),
    peakRequestsPerSecond: text(operation?.peakRequestsPerSecond),
    tier: text(operation?.tier ?? 2),
    ownerRef: text(operation?.ownerRef),
    campaignId: text(operation?.campaignId),
    declaredParticipants: (operation?.declaredParticipants ?? []).join('\n'),
    latencyP99Ms: text(operation?.objectives?.latencyP99Ms),
    errorRatePercent: text(operation?.objectives?.errorRatePercent),
  };
}

/** Required fields and numbers; the server checks the rest and names what it refuses. */
function validate(form: OperationForm, creating: boolean): OperationFormErrors {
  const errors = missing(form, [
    ...(creating ? (['id'] as const) : []),
    'name',
    'entryService',
    'peakRequestsPerSecond',
    'ownerRef',
  ]);
  for (const name of [
    'peakRequestsPerSecond',
    'latencyP99Ms',
    'errorRatePercent',
  ] as const) {
    if (!errors[name] && Number.isNaN(optionalNumber(form[name]))) {
      errors[name] = 'Must be a number';
    }
  }
  return errors;
}

function toInput(form: OperationForm): Omit<CriticalOperationInput, 'id'> {
  const optional = (value: string) => value.trim() || undefined;
  const latencyP99Ms = optionalNumber(form.latencyP99Ms);
  const errorRatePercent = optionalNumber(form.errorRatePercent);
  return {
    name: form.name.trim(),
    description: optional(form.description),
    entry: {
      entryService: form.entryService.trim(),
      spanName: optional(form.spanName),
      httpRoute: optional(form.httpRoute),
      httpMethod: optional(form.httpMethod),
    },
    peakRequestsPerSecond: Number(form.peakRequestsPerSecond),
    tier: Number(form.tier) as OperationTier,
    ownerRef: form.ownerRef.trim(),
    campaignId: optional(form.campaignId),
    declaredParticipants: listEntries(form.declaredParticipants),
    objectives:
      latencyP99Ms === undefined && errorRatePercent === undefined
        ? undefined
        : { latencyP99Ms, errorRatePercent },
  };
}

/**
 * Defines a critical operation, or changes one defined through the API.
 * Edits send the version they started from; a 409 offers to reload it.
 */
export const OperationFormDialog = ({
  operation,
  onClose,
  onSaved,
}: {
  /** The operation to change; a new one is defined without it. */
  operation?: CriticalOperation;
  onClose: () => void;
  onSaved: (detail: CriticalOperationDetail) => void;
}) => {
  const api = useApi(tracingAdoptionApiRef);
  const [current, setCurrent] = useState(operation);
  const { form, setForm, field, check } = useFormFields('operation', () =>
    toForm(operation),
  );
  const { saving, problem, run } = useServerAction();
  const choices = useAsync(async () => {
    const [teams, campaigns] = await Promise.all([
      api.listTeams(),
      api.listCampaigns(),
    ]);
    return { teams: teams.items, campaigns: campaigns.items };
  }, [api]);
  const creating = current === undefined;

  const save = () => {
    if (!check(validate(form, creating))) {
      return;
    }
    run(async () => {
      const input = toInput(form);
      const saved = current
        ? await api.updateCriticalOperation(current.id, {
            ...input,
            version: current.version,
          })
        : await api.createCriticalOperation({ id: form.id.trim(), ...input });
      onSaved(saved);
    });
  };

  const reload = current
    ? () =>
        run(async () => {
          const latest = await api.getCriticalOperation(current.id);
          setCurrent(latest.operation);
          setForm(toForm(latest.operation));
        })
    : undefined;

  const teams = choices.value?.teams ?? [];
  const campaigns = choices.value?.campaigns ?? [];
  const owners = teams.map(team => ({
    ref: team.entityRef,
    label: `${team.title ?? team.name} (${team.entityRef})`,
  }));
  if (form.ownerRef && !owners.some(owner => owner.ref === form.ownerRef)) {
    owners.push({ ref: form.ownerRef, label: form.ownerRef });
  }

  return (
    <FormDialog
      title={
        creating ? 'Define a critical operation' : `Change ${current.name}`
      }
      onClose={onClose}
      onSubmit={save}
      saving={saving}
      problem={problem}
      onReload={reload}
      readOnly={current?.origin === 'config' ? DECLARED_IN_YAML : undefined}
    >
      <Grid item xs={12} md={4}>
        {field('id', 'Id', {
          required: creating,
          disabled: !creating,
          helperText: 'Lowercase words joined by -, used in URLs',
        })}
      </Grid>
      <Grid item xs={12} md={8}>
        {field('name', 'Name', { required: true })}
      </Grid>
      <Grid item xs={12}>
        {field('description', 'Description', { multiline: true, minRows: 2 })}
      </Grid>
      <Grid item xs={12} md={6}>
        {field('entryService', 'Entry service', {
          required: true,
          helperText:
            'service.name of the edge service that receives the request',
        })}
      </Grid>
      <Grid item xs={12} md={6}>
        {field('spanName', 'Entry span name', {
          helperText: 'Exact name or glob with *; empty matches any',
        })}
      </Grid>
      <Grid item xs={12} md={3}>
        {field('httpMethod', 'HTTP method', {
          select: true,
          children: [
            <MenuItem key="" value="">
              Any
            </MenuItem>,
            ...HTTP_METHODS.map(method => (
              <MenuItem key={method} value={method}>
                {method}
              </MenuItem>
            )),
          ],
        })}
      </Grid>
      <Grid item xs={12} md={9}>
        {field('httpRoute', 'HTTP route', {
          helperText: 'e.g. /api/checkout, or a glob such as /api/cart/*',
        })}
      </Grid>
      <Grid item xs={12} md={4}>
        {field('peakRequestsPerSecond', 'Peak requests per second', {
          required: true,
          inputProps: { inputMode: 'decimal' },
          helperText: 'Expected at the edge during the event',
        })}
      </Grid>
      <Grid item xs={12} md={2}>
        {field('tier', 'Tier', {
          select: true,
          children: OPERATION_TIERS.map(tier => (
            <MenuItem key={tier} value={String(tier)}>
              {tier}
            </MenuItem>
          )),
          helperText: '1 is the most critical',
        })}
      </Grid>
      <Grid item xs={12} md={6}>
        {teams.length > 0
          ? field('ownerRef', 'Owner', {
              select: true,
              required: true,
              children: owners.map(owner => (
                <MenuItem key={owner.ref} value={owner.ref}>
                  {owner.label}
                </MenuItem>
              )),
            })
          : field('ownerRef', 'Owner', {
              required: true,
              helperText: 'Group entity ref, e.g. group:default/team-checkout',
            })}
      </Grid>
      <Grid item xs={12} md={6}>
        {field('campaignId', 'Campaign', {
          select: true,
          children: [
            <MenuItem key="" value="">
              None
            </MenuItem>,
            ...campaigns.map(({ campaign }) => (
              <MenuItem key={campaign.id} value={campaign.id}>
                {campaign.name}
              </MenuItem>
            )),
            ...(form.campaignId &&
            !campaigns.some(c => c.campaign.id === form.campaignId)
              ? [
                  <MenuItem key={form.campaignId} value={form.campaignId}>
                    {form.campaignId}
                  </MenuItem>,
                ]
              : []),
          ],
        })}
      </Grid>
      <Grid item xs={12} md={6}>
        {field('declaredParticipants', 'Declared participants', {
          multiline: true,
          minRows: 2,
          helperText:
            'service.names known to take part even when no trace shows them, one per line',
        })}
      </Grid>
      <Grid item xs={12} md={3}>
        {field('latencyP99Ms', 'p99 latency objective (ms)', {
          inputProps: { inputMode: 'decimal' },
        })}
      </Grid>
      <Grid item xs={12} md={3}>
        {field('errorRatePercent', 'Error rate objective (%)', {
          inputProps: { inputMode: 'decimal' },
          helperText: 'run needs at least one objective',
        })}
      </Grid>
    </FormDialog>
  );
};
