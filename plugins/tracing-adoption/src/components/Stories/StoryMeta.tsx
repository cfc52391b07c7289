import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Box, Chip, Typography } from '@material-ui/core';
import { Story } from '@internal/plugin-tracing-adoption-common';

const CATEGORY_LABELS: Record<Story['category'], string> = {
  latency: 'Latency found',
  errors: 'Errors uncovered',
  incident: 'Incident resolved',
  cost: 'Resources saved',
  other: 'Other',
};

/** How a category reads in the UI. */
export function categoryLabel(category: Story['category']): string {
  return CATEGORY_LABELS[category];
}

function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  });
}

/** Category, state, author, team and date of a story, in one line. */
export const StoryMeta = ({ story }: { story: Story }) => (
  <Box display="flex" flexWrap="wrap" alignItems="center" gridGap={8}>
    {story.featured && <Chip size="small" color="primary" label="Featured" />}
    {story.status === 'draft' && <Chip size="small" label="Draft" />}
    {story.deleted && <Chip size="small" color="secondary" label="Deleted" />}
    <Chip
      size="small"
      variant="outlined"
      label={categoryLabel(story.category)}
    />
    <Typography variant="body2" color="textSecondary" component="span">
      by <EntityRefLink entityRef={story.author} defaultKind="user" hideIcon />{' '}
      · <EntityRefLink entityRef={story.team} defaultKind="group" hideIcon /> ·{' '}
      {formatDate(story.publishedAt ?? story.updatedAt)}
    </Typography>
  </Box>
);
