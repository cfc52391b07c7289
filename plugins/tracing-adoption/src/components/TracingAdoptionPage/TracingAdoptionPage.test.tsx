import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { ServiceList } from '@internal/plugin-tracing-adoption-common';
import {
  ServiceListQuery,
  TracingAdoptionApi,
  tracingAdoptionApiRef,
} from '../../api/TracingAdoptionApi';
import { TracingAdoptionPage } from './TracingAdoptionPage';

function fakeApi(list: ServiceList | Error) {
  const queries: ServiceListQuery[] = [];
  const api: TracingAdoptionApi = {
    listServices: async query => {
      queries.push(query ?? {});
      if (list instanceof Error) {
        throw list;
      }
      return list;
    },
    listTeams: async () => ({ items: [] }),
  };
  return { api, queries };
}

async function renderPage(api: TracingAdoptionApi) {
  await renderInTestApp(
    <TestApiProvider apis={[[tracingAdoptionApiRef, api]]}>
      <TracingAdoptionPage />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('TracingAdoptionPage', () => {
  it('lists tracked services with owner, repository and sync status', async () => {
    const { api, queries } = fakeApi({
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
    });
    await renderPage(api);

    expect(await screen.findByText('profile-svc')).toBeInTheDocument();
    expect(screen.getByText('Tracked services (1)')).toBeInTheDocument();
    expect(screen.getByText('team-customer')).toBeInTheDocument();
    expect(
      screen.getByText('shopfront/messaging / services/email-sender'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/26 services, 8 teams, 6 systems/),
    ).toBeInTheDocument();
    expect(queries[0]).toMatchObject({ limit: 25, offset: 0 });
  });

  it('warns when the last catalog sync failed', async () => {
    const { api } = fakeApi({
      totalCount: 0,
      items: [],
      catalogSync: {
        id: 2,
        job: 'catalog-sync',
        status: 'failed',
        startedAt: '2026-11-25T10:00:00Z',
        error: 'catalog unavailable',
      },
    });
    await renderPage(api);
    expect(
      await screen.findByText(/last catalog sync failed/),
    ).toBeInTheDocument();
    expect(screen.getByText(/catalog unavailable/)).toBeInTheDocument();
  });

  it('shows the backend error instead of an empty table', async () => {
    const { api } = fakeApi(new Error('backend unreachable'));
    await renderPage(api);
    expect(await screen.findByText(/backend unreachable/)).toBeInTheDocument();
  });
});
