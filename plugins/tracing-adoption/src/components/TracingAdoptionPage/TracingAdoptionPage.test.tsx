import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  ObservedOperationSummary,
  Span,
  analyzeOperation,
} from '@internal/plugin-tracing-adoption-common';
import { tracingAdoptionApiRef } from '../../api/TracingAdoptionApi';
import { fakeTracingAdoptionApi } from '../../__testUtils__/fakeApi';
import { overview, paymentsTeam } from '../../__testUtils__/rolloutFixtures';
import { rootRouteRef } from '../../routes';
import { TracingAdoptionPage } from './TracingAdoptionPage';

const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
const resource = (service: string) => ({ 'service.name': service });
function span(
  fields: Partial<Span> &
    Pick<Span, 'spanId' | 'serviceName' | 'name' | 'kind'>,
): Span {
  return {
    traceId,
    references: [],
    startTimeUs: 1_000_000,
    durationUs: 10_000,
    attributes: {},
    resource: resource(fields.serviceName),
    events: [],
    status: { code: 'unset' },
    ...fields,
  };
}

const checkoutTrace = {
  traceId,
  spans: [
    span({
      spanId: '0000000000000001',
      serviceName: 'edge-gateway',
      name: 'POST /api/checkout',
      kind: 'server',
    }),
    span({
      spanId: '0000000000000002',
      parentSpanId: '0000000000000001',
      serviceName: 'edge-gateway',
      name: 'POST',
      kind: 'client',
      attributes: { 'peer.service': 'currency' },
      startTimeUs: 1_001_000,
      durationUs: 2_000,
    }),
  ],
};

const summary: ObservedOperationSummary = {
  operationKey: 'edge-gateway|POST /api/checkout',
  entryService: 'edge-gateway',
  spanName: 'POST /api/checkout',
  analyzedAt: '2026-11-25T10:00:00Z',
  sampleSize: 1,
  stale: true,
  staleSources: ['jaeger-prod'],
  reachesFromEdge: true,
  blockingServices: ['currency'],
  participants: 2,
};

async function renderPage(
  path: string,
  api: ReturnType<typeof fakeTracingAdoptionApi>['api'],
) {
  await renderInTestApp(
    <TestApiProvider apis={[[tracingAdoptionApiRef, api]]}>
      <TracingAdoptionPage />
    </TestApiProvider>,
    {
      routeEntries: [path],
      mountedRoutes: {
        '/': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
}

describe('TracingAdoptionPage', () => {
  it('opens on the rollout overview, with the other views as tabs', async () => {
    const { api } = fakeTracingAdoptionApi({ overview: overview() });
    await renderPage('/', api);
    expect(await screen.findByText('Cyber Week 2026')).toBeInTheDocument();
    expect(screen.getAllByRole('tab').map(tab => tab.textContent)).toEqual([
      'Rollout',
      'Teams',
      'Observed traffic',
      'Services',
      'Capacity',
      'Success stories',
      'Repositories',
      'Trace sources',
      'Admin',
    ]);
  });

  it('lists the teams, and only those holding back operations on demand', async () => {
    const { team } = paymentsTeam();
    const { api } = fakeTracingAdoptionApi({ teamRollouts: [team] });
    await renderPage('/teams', api);
    const row = (await screen.findByRole('link', { name: 'Payments' })).closest(
      'tr',
    )!;
    expect(within(row).getByText('0 of 2')).toBeInTheDocument();
    expect(within(row).getByText('not trained')).toBeInTheDocument();
    fireEvent.click(
      screen.getByRole('checkbox', {
        name: 'Only teams holding back an operation',
      }),
    );
    await waitFor(() =>
      expect(api.listTeamRollouts).toHaveBeenLastCalledWith({
        blocking: true,
        limit: 500,
      }),
    );
  });

  it('shows one team at its deep link', async () => {
    const { api } = fakeTracingAdoptionApi({
      teamDetails: { 'group:default/team-payments': paymentsTeam() },
    });
    await renderPage('/teams/default/team-payments', api);
    expect(
      await screen.findByRole('heading', { name: 'team-payments' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('Services on critical operations (2)'),
    ).toBeInTheDocument();
    expect(api.getTeamRollout).toHaveBeenCalledWith(
      'group:default/team-payments',
    );
  });

  it('lists observed operations with their end-to-end headline', async () => {
    const { api } = fakeTracingAdoptionApi({ operations: [summary] });
    await renderPage('/observed', api);
    expect(await screen.findByText('POST /api/checkout')).toBeInTheDocument();
    expect(screen.getByText('gaps')).toBeInTheDocument();
    expect(screen.getByText('currency')).toBeInTheDocument();
    expect(screen.getByText(/stale: jaeger-prod not ok/)).toBeInTheDocument();
  });

  it('shows the trace sources and their health', async () => {
    const { api } = fakeTracingAdoptionApi({
      sources: [
        {
          id: 'otlp-receiver',
          kind: 'otlp',
          health: 'ok',
          consecutiveFailures: 0,
          lastSuccessAt: '2026-11-25T10:00:00Z',
        },
        {
          id: 'jaeger-prod',
          kind: 'jaeger',
          health: 'failing',
          consecutiveFailures: 3,
          lastError: 'GET https://jaeger/api/traces answered 502 Bad Gateway',
          lastErrorAt: '2026-11-25T10:05:00Z',
        },
      ],
    });
    await renderPage('/sources', api);
    expect(await screen.findByText('jaeger-prod')).toBeInTheDocument();
    expect(screen.getByText('failing')).toBeInTheDocument();
    expect(
      screen.getByText(/answered 502 Bad Gateway .* 3 failed reads in a row/),
    ).toBeInTheDocument();
  });

  it('shows one operation: sample, uninstrumented hops and stale warning', async () => {
    const analysis = analyzeOperation({
      operation: {
        entryService: 'edge-gateway',
        spanName: 'POST /api/checkout',
      },
      traces: [checkoutTrace],
    });
    const { api } = fakeTracingAdoptionApi({
      operation: {
        summary,
        analysis,
        traceLinks: { [traceId]: `https://jaeger/trace/${traceId}` },
      },
    });
    await renderPage(
      `/observed-operations/${encodeURIComponent(summary.operationKey)}`,
      api,
    );
    expect(
      await screen.findByText(/This analysis is stale/),
    ).toBeInTheDocument();
    expect(screen.getByText('Uninstrumented hops (1)')).toBeInTheDocument();
    expect(screen.getAllByText('currency').length).toBeGreaterThan(0);
    expect(screen.getAllByText('4bf92f35…')[0].closest('a')).toHaveAttribute(
      'href',
      `https://jaeger/trace/${traceId}`,
    );
  });
});
