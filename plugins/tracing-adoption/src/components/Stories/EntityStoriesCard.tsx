import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { List, ListItem, ListItemText, Typography } from '@material-ui/core';
import useAsync from 'react-use/esm/useAsync';
import { storiesApiRef } from '../../api/StoriesApi';
import { categoryLabel } from './StoryMeta';
import {
  newStoryRouteRef,
  storiesRouteRef,
  storyRouteRef,
} from './storyRoutes';

const CARD_SIZE = 5;

/**
 * Published success stories that mention the current catalog entity, most
 * liked first.
 *
 * @public
 */
export const EntityStoriesCard = () => {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(storiesApiRef);
  const storyLink = useRouteRef(storyRouteRef);
  const storiesLink = useRouteRef(storiesRouteRef);
  const newStoryLink = useRouteRef(newStoryRouteRef);
  const { value, loading, error } = useAsync(
    () =>
      api.listStories({
        entity: entityRef,
        order: 'most-liked',
        limit: CARD_SIZE,
      }),
    [api, entityRef],
  );
  const writeLink = `${newStoryLink()}?${new URLSearchParams({
    entity: entityRef,
  })}`;

  return (
    <InfoCard
      title="Tracing success stories"
      subheader={value ? `${value.totalCount} mention this entity` : undefined}
      deepLink={{ title: 'All stories', link: storiesLink() }}
    >
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && value.items.length === 0 && (
        <Typography variant="body2">
          No story mentions this entity yet.{' '}
          <Link to={writeLink}>Write the first one</Link>.
        </Typography>
      )}
      {value && value.items.length > 0 && (
        <List dense>
          {value.items.map(story => (
            <ListItem key={story.id} disableGutters>
              <ListItemText
                primary={
                  <Link to={storyLink({ storyId: story.id })}>
                    {story.title}
                  </Link>
                }
                secondary={`${categoryLabel(story.category)} · ${story.likes} ${
                  story.likes === 1 ? 'like' : 'likes'
                }${story.featured ? ' · featured' : ''}`}
              />
            </ListItem>
          ))}
        </List>
      )}
    </InfoCard>
  );
};
