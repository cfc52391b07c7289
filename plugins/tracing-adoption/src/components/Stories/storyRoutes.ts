import { createSubRouteRef } from '@backstage/core-plugin-api';
import { rootRouteRef } from '../../routes';

/** The stories feed: a tab of the rollout portal. */
export const storiesRouteRef = createSubRouteRef({
  id: 'tracing-adoption/stories',
  parent: rootRouteRef,
  path: '/stories',
});

/** Writing a new story; `?entity=` prefills a mentioned entity. */
export const newStoryRouteRef = createSubRouteRef({
  id: 'tracing-adoption/new-story',
  parent: rootRouteRef,
  path: '/stories/new',
});

export const storyRouteRef = createSubRouteRef({
  id: 'tracing-adoption/story',
  parent: rootRouteRef,
  path: '/stories/:storyId',
});

export const editStoryRouteRef = createSubRouteRef({
  id: 'tracing-adoption/edit-story',
  parent: rootRouteRef,
  path: '/stories/:storyId/edit',
});
