import { useApi } from '@backstage/core-plugin-api';
import { Grid, MenuItem } from '@material-ui/core';
import {
  Campaign,
  CampaignView,
  MATURITY_LEVELS,
  TargetMaturity,
} from '@internal/plugin-tracing-adoption-common';
import { useState } from 'react';
import { tracingAdoptionApiRef } from '../../api/TracingAdoptionApi';
import { MATURITY_DESCRIPTIONS } from '../shared/rolloutLabels';
import { DECLARED_IN_YAML, FormDialog, useServerAction } from './FormDialog';
import { missing, useFormFields } from './useFormFields';

function toForm(campaign?: Campaign) {
  return {
    id: campaign?.id ?? '',
    name: campaign?.name ?? '',
    description: campaign?.description ?? '',
    startDate: campaign?.startDate ?? '',
    deadline: campaign?.deadline ?? '',
    targetMaturity: campaign?.targetMaturity ?? 'walk',
  };
}

/** Starts a campaign, or changes one defined through the API. */
export const CampaignFormDialog = ({
  campaign,
  onClose,
  onSaved,
}: {
  /** The campaign to change; a new one is started without it. */
  campaign?: Campaign;
  onClose: () => void;
  onSaved: (view: CampaignView) => void;
}) => {
  const api = useApi(tracingAdoptionApiRef);
  const [current, setCurrent] = useState(campaign);
  const { form, setForm, field, check } = useFormFields('campaign', () =>
    toForm(campaign),
  );
  const { saving, problem, run } = useServerAction();
  const creating = current === undefined;

  const save = () => {
    const required: Array<keyof typeof form> = [
      'name',
      'startDate',
      'deadline',
    ];
    if (!check(missing(form, creating ? ['id', ...required] : required))) {
      return;
    }
    run(async () => {
      const fields = {
        name: form.name.trim(),
        description: form.description.trim() || undefined,
        startDate: form.startDate,
        deadline: form.deadline,
        targetMaturity: form.targetMaturity as TargetMaturity,
      };
      onSaved(
        current
          ? await api.updateCampaign(current.id, {
              ...fields,
              version: current.version,
            })
          : await api.createCampaign({ id: form.id.trim(), ...fields }),
      );
    });
  };

  const reload = current
    ? () =>
        run(async () => {
          const latest = await api.getCampaign(current.id);
          setCurrent(latest.campaign);
          setForm(toForm(latest.campaign));
        })
    : undefined;

  const dates = { type: 'date', InputLabelProps: { shrink: true } };
  return (
    <FormDialog
      title={creating ? 'Start a campaign' : `Change ${current.name}`}
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
          helperText: 'Lowercase words joined by -, e.g. cyber-week-2026',
        })}
      </Grid>
      <Grid item xs={12} md={8}>
        {field('name', 'Name', { required: true })}
      </Grid>
      <Grid item xs={12}>
        {field('description', 'Description', { multiline: true, minRows: 2 })}
      </Grid>
      <Grid item xs={12} md={4}>
        {field('startDate', 'Start date', { ...dates, required: true })}
      </Grid>
      <Grid item xs={12} md={4}>
        {field('deadline', 'Deadline', {
          ...dates,
          required: true,
          helperText: 'e.g. the start of Cyber Week',
        })}
      </Grid>
      <Grid item xs={12} md={4}>
        {field('targetMaturity', 'Target maturity', {
          select: true,
          helperText: MATURITY_DESCRIPTIONS[form.targetMaturity],
          children: MATURITY_LEVELS.filter(level => level !== 'none').map(
            level => (
              <MenuItem key={level} value={level}>
                {level}
              </MenuItem>
            ),
          ),
        })}
      </Grid>
    </FormDialog>
  );
};
