import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  Box,
  Card,
  CardActions,
  CardContent,
  Typography,
} from '@material-ui/core';
import { Story } from '@internal/plugin-tracing-adoption-common';
import { ImpactFigures } from './ImpactFigures';
import { LikeButton } from './LikeButton';
import { StoryMeta } from './StoryMeta';
import { storyRouteRef } from './storyRoutes';

const EXCERPT_LENGTH = 280;

/** The first lines of a story, with markdown punctuation left out. */
function excerpt(body: string): string {
  const text = body
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/[#>*_`[\]()!-]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > EXCERPT_LENGTH
    ? `${text.slice(0, EXCERPT_LENGTH).trimEnd()}…`
    : text;
}

/** One story in the feed. */
export const StoryCard = ({ story }: { story: Story }) => {
  const storyLink = useRouteRef(storyRouteRef);
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="h5" component="h3" gutterBottom>
          <Link to={storyLink({ storyId: story.id })}>{story.title}</Link>
        </Typography>
        <StoryMeta story={story} />
        <ImpactFigures impact={story.impact} />
        <Typography variant="body2">{excerpt(story.body)}</Typography>
      </CardContent>
      <CardActions>
        <Box flexGrow={1} />
        <LikeButton story={story} />
      </CardActions>
    </Card>
  );
};
