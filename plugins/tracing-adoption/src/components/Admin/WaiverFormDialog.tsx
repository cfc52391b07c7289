import { useApi } from '@backstage/core-plugin-api';
import { Grid, MenuItem } from '@material-ui/core';
import {
  WaiverInput,
  WaiverView,
} from '@internal/plugin-tracing-adoption-common';
import useAsync from 'react-use/esm/useAsync';
import { tracingAdoptionApiRef } from '../../api/TracingAdoptionApi';
import { FormDialog, useServerAction } from './FormDialog';
import { missing, useFormFields } from './useFormFields';

/**
 * Grants a waiver: a service that need not be traced (on one operation or
 * everywhere), or a convention rule a service (or everyone) need not follow.
 */
export const WaiverFormDialog = ({
  service = '',
  operationId = '',
  onClose,
  onSaved,
}: {
  /** Prefills a service waiver, e.g. from the operation view. */
  service?: string;
  operationId?: string;
  onClose: () => void;
  onSaved: (waiver: WaiverView) => void;
}) => {
  const api = useApi(tracingAdoptionApiRef);
  const { form, field, check } = useFormFields('waiver', () => ({
    kind: 'service',
    service,
    operationId,
    ruleId: '',
    reason: '',
    approvedBy: '',
    expiresOn: '',
  }));
  const { saving, problem, run } = useServerAction();
  const operations = useAsync(
    () => api.listCriticalOperations({ limit: 500 }),
    [api],
  );

  const save = () => {
    const required: Array<keyof typeof form> = [
      form.kind === 'service' ? 'service' : 'ruleId',
      'reason',
      'approvedBy',
      'expiresOn',
    ];
    if (!check(missing(form, required))) {
      return;
    }
    const scope: WaiverInput['scope'] =
      form.kind === 'service'
        ? {
            kind: 'service',
            service: form.service.trim(),
            operationId: form.operationId || undefined,
          }
        : {
            kind: 'rule',
            ruleId: form.ruleId.trim(),
            service: form.service.trim() || undefined,
          };
    run(async () =>
      onSaved(
        await api.createWaiver({
          scope,
          reason: form.reason.trim(),
          approvedBy: form.approvedBy.trim(),
          // the waiver holds through the whole last day, in UTC
          expiresAt: `${form.expiresOn}T23:59:59Z`,
        }),
      ),
    );
  };

  const defined = (operations.value?.items ?? []).map(s => s.operation);
  return (
    <FormDialog
      title="Grant a waiver"
      submitLabel="Grant"
      onClose={onClose}
      onSubmit={save}
      saving={saving}
      problem={problem}
    >
      <Grid item xs={12} md={4}>
        {field('kind', 'Exempts', {
          select: true,
          children: [
            <MenuItem key="service" value="service">
              a service from being traced
            </MenuItem>,
            <MenuItem key="rule" value="rule">
              from a convention rule
            </MenuItem>,
          ],
        })}
      </Grid>
      {form.kind === 'rule' && (
        <Grid item xs={12} md={8}>
          {field('ruleId', 'Rule id', { required: true })}
        </Grid>
      )}
      <Grid item xs={12} md={form.kind === 'rule' ? 12 : 4}>
        {field('service', 'Service', {
          required: form.kind === 'service',
          helperText:
            form.kind === 'rule'
              ? 'service.name; empty exempts every service from the rule'
              : 'service.name as it appears in traces',
        })}
      </Grid>
      {form.kind === 'service' && (
        <Grid item xs={12} md={4}>
          {field('operationId', 'Operation', {
            select: true,
            children: [
              <MenuItem key="" value="">
                Every operation
              </MenuItem>,
              ...defined.map(operation => (
                <MenuItem key={operation.id} value={operation.id}>
                  {operation.name}
                </MenuItem>
              )),
              ...(form.operationId &&
              !defined.some(o => o.id === form.operationId)
                ? [
                    <MenuItem key={form.operationId} value={form.operationId}>
                      {form.operationId}
                    </MenuItem>,
                  ]
                : []),
            ],
          })}
        </Grid>
      )}
      <Grid item xs={12}>
        {field('reason', 'Reason', { required: true, multiline: true })}
      </Grid>
      <Grid item xs={12} md={6}>
        {field('approvedBy', 'Approved by', {
          required: true,
          helperText: 'User entity ref, e.g. user:default/jane',
        })}
      </Grid>
      <Grid item xs={12} md={6}>
        {field('expiresOn', 'Expires after', {
          type: 'date',
          required: true,
          InputLabelProps: { shrink: true },
          helperText: 'The waiver counts until the end of this day (UTC)',
        })}
      </Grid>
    </FormDialog>
  );
};
