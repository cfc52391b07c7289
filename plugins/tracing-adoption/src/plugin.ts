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

/**
 * The Tracing tab of an entity page: the team view for a Group, the tracing
 * checklist for a Component.
 *
 * @public
 */
export const EntityTracingAdoptionContent = tracingAdoptionPlugin.provide(
  createComponentExtension({
    name: 'EntityTracingAdoptionContent',
    component: {
      lazy: () =>
        import(
          './components/EntityTracingAdoption/EntityTracingAdoptionContent'
        ).then(m => m.EntityTracingAdoptionContent),
    },
  }),
);

/**
 * The rollout at a glance on an entity's overview page.
 *
 * @public
 */
export const EntityTracingAdoptionCard = tracingAdoptionPlugin.provide(
  createComponentExtension({
    name: 'EntityTracingAdoptionCard',
    component: {
      lazy: () =>
        import(
          './components/EntityTracingAdoption/EntityTracingAdoptionCard'
        ).then(m => m.EntityTracingAdoptionCard),
    },
  }),
);
