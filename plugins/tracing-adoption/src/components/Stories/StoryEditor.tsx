import {
  Content,
  Header,
  Link,
  Page,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import {
  Box,
  Button,
  FormControlLabel,
  Grid,
  IconButton,
  MenuItem,
  Switch,
  TextField,
  Typography,
} from '@material-ui/core';
import {
  STORY_CATEGORIES,
  STORY_LIMITS,
  Story,
  StoryCategory,
  StoryStatus,
} from '@internal/plugin-tracing-adoption-common';
import { useEffect, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { storiesApiRef } from '../../api/StoriesApi';
import { serverProblem } from '../shared/serverProblem';
import { StoryMarkdown } from './StoryMarkdown';
import { categoryLabel } from './StoryMeta';
import {
  ImpactRow,
  StoryForm,
  StoryFormErrors,
  emptyStoryForm,
  formToInput,
  storyToForm,
  validateStoryForm,
} from './storyForm';
import { storiesRouteRef, storyRouteRef } from './storyRoutes';

type SaveProblem =
  | { kind: 'conflict'; message: string }
  | { kind: 'rejected'; message: string };

function saveProblem(error: unknown): SaveProblem {
  const { statusCode, message } = serverProblem(error);
  return statusCode === 409
    ? { kind: 'conflict', message }
    : { kind: 'rejected', message };
}

const ImpactRows = ({
  rows,
  onChange,
  error,
}: {
  rows: ImpactRow[];
  onChange: (rows: ImpactRow[]) => void;
  error?: string;
}) => {
  const update = (index: number, change: Partial<ImpactRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <Box>
      <Typography variant="subtitle1">Impact</Typography>
      <Typography variant="body2" color="textSecondary">
        What changed, measured: e.g. checkout p99 1800 → 420 ms, or minutes to
        resolve 95 → 6.
      </Typography>
      {rows.map((row, index) => (
        <Box key={index} display="flex" gridGap={8} alignItems="center" my={1}>
          <TextField
            id={`story-impact-${index}-label`}
            label="What was measured"
            value={row.label}
            onChange={e => update(index, { label: e.target.value })}
            inputProps={{ maxLength: STORY_LIMITS.impactLabelMaxLength }}
          />
          <TextField
            id={`story-impact-${index}-before`}
            label="Before"
            value={row.before}
            onChange={e => update(index, { before: e.target.value })}
            inputProps={{ inputMode: 'decimal' }}
          />
          <TextField
            id={`story-impact-${index}-after`}
            label="After"
            value={row.after}
            onChange={e => update(index, { after: e.target.value })}
            inputProps={{ inputMode: 'decimal' }}
          />
          <TextField
            id={`story-impact-${index}-unit`}
            label="Unit"
            value={row.unit}
            onChange={e => update(index, { unit: e.target.value })}
            inputProps={{ maxLength: STORY_LIMITS.impactUnitMaxLength }}
          />
          <IconButton
            aria-label={`Remove figure ${index + 1}`}
            onClick={() => onChange(rows.filter((_, i) => i !== index))}
          >
            ×
          </IconButton>
        </Box>
      ))}
      {error && <Typography color="error">{error}</Typography>}
      <Button
        size="small"
        disabled={rows.length >= STORY_LIMITS.impactFiguresMax}
        onClick={() =>
          onChange([...rows, { label: '', before: '', after: '', unit: '' }])
        }
      >
        Add a figure
      </Button>
    </Box>
  );
};

const StoryFormFields = ({
  initial,
  story,
}: {
  initial: StoryForm;
  story?: Story;
}) => {
  const api = useApi(storiesApiRef);
  const navigate = useNavigate();
  const storyLink = useRouteRef(storyRouteRef);
  const [form, setForm] = useState(initial);
  const [version, setVersion] = useState(story?.version);
  const [errors, setErrors] = useState<StoryFormErrors>({});
  const [problem, setProblem] = useState<SaveProblem>();
  const [saving, setSaving] = useState(false);
  const [preview, setPreview] = useState(false);

  const set = (change: Partial<StoryForm>) =>
    setForm(current => ({ ...current, ...change }));

  const save = async (status: StoryStatus) => {
    const found = validateStoryForm(form, status);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      return;
    }
    setSaving(true);
    setProblem(undefined);
    try {
      const input = formToInput(form, status);
      const saved =
        story && version !== undefined
          ? await api.updateStory(story.id, { ...input, version })
          : await api.createStory(input);
      navigate(storyLink({ storyId: saved.id }));
    } catch (error) {
      setProblem(saveProblem(error));
    } finally {
      setSaving(false);
    }
  };

  // Takes the other edit's version number only, so the form (the user's
  // edit) stays as it is and the next save replaces the newer version.
  const rebaseOnLatest = async () => {
    if (!story) {
      return;
    }
    try {
      const latest = await api.getStory(story.id);
      setVersion(latest.version);
      setProblem(undefined);
    } catch (error) {
      setProblem(saveProblem(error));
    }
  };

  const published = story?.status === 'published';
  return (
    <Grid container spacing={3}>
      {problem?.kind === 'conflict' && story && (
        <Grid item xs={12}>
          <WarningPanel
            severity="error"
            title="Someone else edited this story while you were writing"
            message={problem.message}
            defaultExpanded
          >
            <Typography paragraph>
              Your text is still here. Compare with the{' '}
              <Link
                to={storyLink({ storyId: story.id })}
                target="_blank"
                rel="noopener noreferrer"
              >
                latest version
              </Link>{' '}
              (opens a new tab), bring their changes into your text, then save
              over it.
            </Typography>
            <Button variant="outlined" onClick={rebaseOnLatest}>
              I merged their changes: save over the latest version
            </Button>
          </WarningPanel>
        </Grid>
      )}
      {problem?.kind === 'rejected' && (
        <Grid item xs={12}>
          <WarningPanel
            severity="error"
            title="The story was not saved"
            message={problem.message}
            defaultExpanded
          />
        </Grid>
      )}
      <Grid item xs={12} md={8}>
        <TextField
          id="story-title"
          label="Title"
          required
          fullWidth
          value={form.title}
          onChange={e => set({ title: e.target.value })}
          error={Boolean(errors.title)}
          helperText={
            errors.title ??
            `${form.title.length}/${STORY_LIMITS.titleMaxLength}`
          }
        />
      </Grid>
      <Grid item xs={12} md={4}>
        <TextField
          select
          id="story-category"
          label="Category"
          fullWidth
          value={form.category}
          onChange={e => set({ category: e.target.value as StoryCategory })}
        >
          {STORY_CATEGORIES.map(category => (
            <MenuItem key={category} value={category}>
              {categoryLabel(category)}
            </MenuItem>
          ))}
        </TextField>
      </Grid>
      <Grid item xs={12}>
        <FormControlLabel
          control={
            <Switch
              checked={preview}
              onChange={(_e, checked) => setPreview(checked)}
            />
          }
          label="Preview"
        />
        {preview ? (
          <StoryMarkdown markdown={form.body} />
        ) : (
          <TextField
            id="story-body"
            label="Story (markdown)"
            multiline
            minRows={12}
            fullWidth
            variant="outlined"
            value={form.body}
            onChange={e => set({ body: e.target.value })}
            error={Boolean(errors.body)}
            helperText={
              errors.body ??
              `What was the problem, what did the traces show, what changed? ${form.body.length}/${STORY_LIMITS.bodyMaxLength}`
            }
          />
        )}
      </Grid>
      <Grid item xs={12}>
        <ImpactRows
          rows={form.impact}
          onChange={impact => set({ impact })}
          error={errors.impact}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <TextField
          id="story-entities"
          label="Services and other entities"
          multiline
          minRows={3}
          fullWidth
          value={form.entityRefs}
          onChange={e => set({ entityRefs: e.target.value })}
          error={Boolean(errors.entityRefs)}
          helperText={
            errors.entityRefs ??
            'One entity ref per line, e.g. component:default/pricing'
          }
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <TextField
          id="story-operations"
          label="Critical operations"
          multiline
          minRows={3}
          fullWidth
          value={form.operations}
          onChange={e => set({ operations: e.target.value })}
          error={Boolean(errors.operations)}
          helperText={
            errors.operations ?? 'One operation key per line, e.g. place-order'
          }
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <TextField
          id="story-trace-links"
          label="Trace links"
          multiline
          minRows={2}
          fullWidth
          value={form.traceLinks}
          onChange={e => set({ traceLinks: e.target.value })}
          error={Boolean(errors.traceLinks)}
          helperText={errors.traceLinks ?? 'One http(s) URL per line'}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <TextField
          id="story-team"
          label="Team"
          fullWidth
          value={form.team}
          onChange={e => set({ team: e.target.value })}
          error={Boolean(errors.team)}
          helperText={
            errors.team ??
            'Group entity ref; left empty, a new story goes to your first team'
          }
        />
      </Grid>
      <Grid item xs={12}>
        <Box display="flex" gridGap={8}>
          <Button
            variant="contained"
            color="primary"
            disabled={saving}
            onClick={() => save('published')}
          >
            {published ? 'Save' : 'Publish'}
          </Button>
          <Button
            variant="outlined"
            disabled={saving}
            onClick={() => save('draft')}
          >
            {published ? 'Move back to drafts' : 'Save draft'}
          </Button>
        </Box>
      </Grid>
    </Grid>
  );
};

/**
 * Writes a new story (`/stories/new`) or edits one (`/stories/:storyId/edit`).
 *
 * @public
 */
export const StoryEditor = () => {
  const { storyId } = useParams<{ storyId?: string }>();
  const [searchParams] = useSearchParams();
  const api = useApi(storiesApiRef);
  const storiesLink = useRouteRef(storiesRouteRef);
  const existing = useAsync(
    async () => (storyId ? api.getStory(storyId) : undefined),
    [api, storyId],
  );
  const [initial, setInitial] = useState<StoryForm>();
  useEffect(() => {
    if (!existing.loading && !existing.error) {
      setInitial(
        existing.value
          ? storyToForm(existing.value)
          : emptyStoryForm(searchParams.get('entity') ?? undefined),
      );
    }
  }, [existing.loading, existing.error, existing.value, searchParams]);

  return (
    <Page themeId="tool">
      <Header
        title={storyId ? 'Edit story' : 'Write a success story'}
        type="Success stories"
        typeLink={storiesLink()}
      />
      <Content>
        {existing.error && <ResponseErrorPanel error={existing.error} />}
        {!existing.error && !initial && <Progress />}
        {initial && (
          <StoryFormFields initial={initial} story={existing.value} />
        )}
      </Content>
    </Page>
  );
};
