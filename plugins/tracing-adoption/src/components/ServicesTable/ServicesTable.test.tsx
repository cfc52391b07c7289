import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import {
  tracingAdoptionApiRef,
  TracingAdoptionApi,
} from '../../api/TracingAdoptionApi';
import { fakeTracingAdoptionApi } from '../../__testUtils__/fakeApi';
import { ServicesTable } from './ServicesTable';

async function renderTable(api: TracingAdoptionApi) {
  await renderInTestApp(
    <TestApiProvider apis={[[tracingAdoptionApiRef, api]]}>
      <ServicesTable />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('ServicesTable', () => {
  it('lists tracked services with owner, repository and sync status', async () => {
    const { api, serviceQueries } = fakeTracingAdoptionApi({
      services: {
        totalCount: 1,
        items: [
          {
            entityRef: 'component:default/customer-profile',
            serviceName: 'profile-svc',
            ownerRef: 'group:default/team-customer',
            systemRef: 'system:default/customer',
            repository: {
              host: 'github.com',
              slug: 'shopfront/messaging',
              path: 'services/email-sender',
            },
          },
        ],
        catalogSync: {
          id: 1,
          job: 'catalog-sync',
          status: 'succeeded',
          startedAt: '2026-11-25T10:00:00Z',
          finishedAt: '2026-11-25T10:00:01Z',
          summary: { services: 26, teams: 8, systems: 6, skippedEntities: 0 },
        },
      },
    });
    await renderTable(api);

    expect(await screen.findByText('profile-svc')).toBeInTheDocument();
    expect(screen.getByText('Tracked services (1)')).toBeInTheDocument();
    expect(screen.getByText('team-customer')).toBeInTheDocument();
    expect(
      screen.getByText('shopfront/messaging / services/email-sender'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/26 services, 8 teams, 6 systems/),
    ).toBeInTheDocument();
    expect(serviceQueries[0]).toMatchObject({ limit: 25, offset: 0 });
  });

  it('warns when the last catalog sync failed', async () => {
    const { api } = fakeTracingAdoptionApi({
      services: {
        totalCount: 0,
        items: [],
        catalogSync: {
          id: 2,
          job: 'catalog-sync',
          status: 'failed',
          startedAt: '2026-11-25T10:00:00Z',
          error: 'catalog unavailable',
        },
      },
    });
    await renderTable(api);
    expect(
      await screen.findByText(/last catalog sync failed/),
    ).toBeInTheDocument();
    expect(screen.getByText(/catalog unavailable/)).toBeInTheDocument();
  });

  it('shows the backend error instead of an empty table', async () => {
    const { api } = fakeTracingAdoptionApi({
      services: new Error('backend unreachable'),
    });
    await renderTable(api);
    expect(await screen.findByText(/backend unreachable/)).toBeInTheDocument();
  });
});
