import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { tracingAdoptionApiRef } from './api/TracingAdoptionApi';
import { TracingAdoptionClient } from './api/TracingAdoptionClient';
import { storiesApiRef } from './api/StoriesApi';
import { StoriesClient } from './api/StoriesClient';
import { rootRouteRef } from './routes';

/** @public */
export const tracingAdoptionPlugin = createPlugin({
  id: 'tracing-adoption',
  apis: [
    createApiFactory({
      api: tracingAdoptionApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new TracingAdoptionClient({ discoveryApi, fetchApi }),
    }),
    createApiFactory({
      api: storiesApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new StoriesClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
  },
});

/**
 * The rollout portal page.
 *
 * @public
 */
export const TracingAdoptionPage = tracingAdoptionPlugin.provide(
  createRoutableExtension({
    name: 'TracingAdoptionPage',
    component: () =>
      import('./components/TracingAdoptionPage').then(
        m => m.TracingAdoptionPage,
      ),
    mountPoint: rootRouteRef,
  }),
);

/**
 * Success stories that mention the current catalog entity.
 *
 * @public
 */
export const EntityStoriesCard = tracingAdoptionPlugin.provide(
  createComponentExtension({
    name: 'EntityStoriesCard',
    component: {
      lazy: () =>
        import('./components/Stories/EntityStoriesCard').then(
          m => m.EntityStoriesCard,
        ),
    },
  }),
);
