import {
  createApiFactory,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { tracingAdoptionApiRef } from './api/TracingAdoptionApi';
import { TracingAdoptionClient } from './api/TracingAdoptionClient';
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
