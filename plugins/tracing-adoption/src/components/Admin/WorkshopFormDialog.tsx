import { useApi } from '@backstage/core-plugin-api';
import { Grid } from '@material-ui/core';
import { Workshop } from '@internal/plugin-tracing-adoption-common';
import { useState } from 'react';
import { tracingAdoptionApiRef } from '../../api/TracingAdoptionApi';
import { listEntries } from '../shared/formText';
import { FormDialog, useServerAction } from './FormDialog';
import { missing, useFormFields } from './useFormFields';

function toForm(workshop?: Workshop) {
  return {
    date: workshop?.date ?? '',
    topic: workshop?.topic ?? '',
    teamRefs: (workshop?.teamRefs ?? []).join('\n'),
    notes: workshop?.notes ?? '',
  };
}

/** Records a workshop and the teams that attended, or corrects one. */
export const WorkshopFormDialog = ({
  workshop,
  onClose,
  onSaved,
}: {
  workshop?: Workshop;
  onClose: () => void;
  onSaved: (workshop: Workshop) => void;
}) => {
  const api = useApi(tracingAdoptionApiRef);
  const [current, setCurrent] = useState(workshop);
  const { form, setForm, field, check } = useFormFields('workshop', () =>
    toForm(workshop),
  );
  const { saving, problem, run } = useServerAction();

  const save = () => {
    if (!check(missing(form, ['date', 'topic', 'teamRefs']))) {
      return;
    }
    run(async () => {
      const input = {
        date: form.date,
        topic: form.topic.trim(),
        teamRefs: listEntries(form.teamRefs),
        notes: form.notes.trim() || undefined,
      };
      onSaved(
        current
          ? await api.updateWorkshop(current.id, {
              ...input,
              version: current.version,
            })
          : await api.createWorkshop(input),
      );
    });
  };

  const reload = current
    ? () =>
        run(async () => {
          const { items } = await api.listWorkshops();
          const latest = items.find(w => w.id === current.id);
          if (!latest) {
            throw new Error('The workshop was removed in the meantime');
          }
          setCurrent(latest);
          setForm(toForm(latest));
        })
    : undefined;

  return (
    <FormDialog
      title={current ? `Change workshop ${current.topic}` : 'Record a workshop'}
      onClose={onClose}
      onSubmit={save}
      saving={saving}
      problem={problem}
      onReload={reload}
    >
      <Grid item xs={12} md={4}>
        {field('date', 'Date', {
          type: 'date',
          required: true,
          InputLabelProps: { shrink: true },
        })}
      </Grid>
      <Grid item xs={12} md={8}>
        {field('topic', 'Topic', { required: true })}
      </Grid>
      <Grid item xs={12} md={6}>
        {field('teamRefs', 'Teams that attended', {
          required: true,
          multiline: true,
          minRows: 3,
          helperText:
            'Group entity refs, one per line, e.g. group:default/team-payments',
        })}
      </Grid>
      <Grid item xs={12} md={6}>
        {field('notes', 'Notes', { multiline: true, minRows: 3 })}
      </Grid>
    </FormDialog>
  );
};
