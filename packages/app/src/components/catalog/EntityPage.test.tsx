import { Entity } from '@backstage/catalog-model';
import {
  EntityPresentationApi,
  EntityProvider,
  MockStarredEntitiesApi,
  catalogApiRef,
  defaultEntityPresentation,
  entityPresentationApiRef,
  entityRouteRef,
  starredEntitiesApiRef,
} from '@backstage/plugin-catalog-react';
import { catalogPlugin } from '@backstage/plugin-catalog';
import {
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import {
  TracingAdoptionApi,
  tracingAdoptionApiRef,
  tracingAdoptionPlugin,
} from '@internal/plugin-tracing-adoption';
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { entityPage } from './EntityPage';

const team: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-payments', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

const tracingAdoptionApi: Partial<TracingAdoptionApi> = {
  getTeamRollout: async teamRef => ({
    team: {
      teamRef,
      title: 'Payments',
      services: [
        {
          service: 'currency',
          entityRef: 'component:default/currency',
          status: 'uninstrumented',
          operationIds: ['checkout'],
        },
      ],
      blockingOperationIds: ['checkout'],
      nextActions: [
        {
          kind: 'instrument',
          service: 'currency',
          title: 'Instrument `currency`: blocks Checkout',
          operationIds: ['checkout'],
          peakRequestsPerSecond: 350,
          priority: 12,
        },
      ],
      training: { trained: false },
    },
    history: [],
  }),
  listCriticalOperations: async () => ({ items: [], totalCount: 0 }),
};

const entityPresentationApi: EntityPresentationApi = {
  forEntity: entityOrRef => {
    const snapshot = defaultEntityPresentation(entityOrRef);
    return { snapshot, promise: Promise.resolve(snapshot) };
  },
};

// The entity page's menu asks for permissions; the ref comes with the mock's
// factory, as the app itself depends on no permission package.
const permissionApiRef = mockApis.permission.factory().api;

describe('entityPage', () => {
  it("shows a team's rollout in the Tracing tab of its group page", async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [tracingAdoptionApiRef, tracingAdoptionApi],
          [catalogApiRef, {}],
          [entityPresentationApiRef, entityPresentationApi],
          [permissionApiRef, mockApis.permission()],
          [starredEntitiesApiRef, new MockStarredEntitiesApi()],
        ]}
      >
        <Routes>
          <Route
            path="/catalog/:namespace/:kind/:name/*"
            element={
              <EntityProvider entity={team}>{entityPage}</EntityProvider>
            }
          />
        </Routes>
      </TestApiProvider>,
      {
        routeEntries: ['/catalog/default/group/team-payments/tracing'],
        mountedRoutes: {
          '/catalog': catalogPlugin.routes.catalogIndex,
          '/catalog/:namespace/:kind/:name': entityRouteRef,
          '/tracing-adoption': tracingAdoptionPlugin.routes.root,
        },
      },
    );
    expect(await screen.findByRole('tab', { name: 'Tracing' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(
      await screen.findByText('Services on critical operations (1)'),
    ).toBeInTheDocument();
  });
});
