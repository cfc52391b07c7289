import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import { TeamRolloutDetail } from '@internal/plugin-tracing-adoption-common';
import { fakeTracingAdoptionApi } from '../../__testUtils__/fakeApi';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import {
  checkoutDetail,
  paymentsTeam,
  TRACE_URL,
} from '../../__testUtils__/rolloutFixtures';
import { EntityTracingAdoptionCard } from './EntityTracingAdoptionCard';
import { EntityTracingAdoptionContent } from './EntityTracingAdoptionContent';

function component(name: string, owner: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', owner, lifecycle: 'production' },
  };
}

const paymentsGroup: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-payments', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

function checkoutTeam(): TeamRolloutDetail {
  return {
    evaluatedAt: '2026-11-20T10:00:00.000Z',
    team: {
      teamRef: 'group:default/team-checkout',
      title: 'Checkout',
      services: [
        {
          service: 'checkout',
          entityRef: 'component:default/checkout',
          status: 'non-compliant',
          operationIds: ['checkout'],
          complianceScore: 71.5,
          scan: {
            instrumentation: 'opentelemetry',
            outdated: false,
            findings: 4,
          },
        },
      ],
      blockingOperationIds: [],
      complianceScore: 71.5,
      nextActions: [
        {
          kind: 'fix-conventions',
          service: 'checkout',
          title: 'Fix the conventions of `checkout`: holds back Checkout',
          operationIds: ['checkout'],
          peakRequestsPerSecond: 350,
          priority: 6,
        },
        {
          kind: 'confirm',
          service: 'tax',
          title: 'Confirm `tax` takes part: blocks Checkout',
          operationIds: ['checkout'],
          peakRequestsPerSecond: 350,
          priority: 6,
        },
      ],
      training: {
        trained: true,
        lastWorkshop: { date: '2026-10-01', topic: 'Tracing 101' },
      },
    },
    history: [],
  };
}

function rolloutApi() {
  return fakeTracingAdoptionApi({
    teamDetails: {
      'group:default/team-checkout': checkoutTeam(),
      'group:default/team-payments': paymentsTeam(),
    },
    criticalOperationDetails: { checkout: checkoutDetail() },
  }).api;
}

async function renderFor(entity: Entity, element: JSX.Element) {
  const api = rolloutApi();
  await renderWithApis(
    <EntityProvider entity={entity}>{element}</EntityProvider>,
    { api },
  );
  return api;
}

describe('EntityTracingAdoptionContent', () => {
  it('gives a component its checklist, its violations with fixes and example traces, and its own next actions', async () => {
    const api = await renderFor(
      component('checkout', 'team-checkout'),
      <EntityTracingAdoptionContent />,
    );
    const checklist = await screen.findByRole('list', {
      name: 'Tracing checklist',
    });
    expect(
      within(checklist)
        .getAllByRole('listitem')
        .map(item => item.getAttribute('aria-label')),
    ).toEqual([
      'Tracer present: yes',
      'Propagates context: yes',
      'Compliant: no',
      'SDK current: yes',
    ]);
    expect(
      within(checklist).getByText(/4 error-severity convention violations/),
    ).toBeInTheDocument();
    const violation = screen.getByRole('list', {
      name: 'Violation in Checkout',
    });
    expect(
      within(violation).getByText(/Fix: Set http.route on server spans/),
    ).toBeInTheDocument();
    expect(within(violation).getByRole('link')).toHaveAttribute(
      'href',
      TRACE_URL,
    );

    const operationRow = screen
      .getAllByRole('row')
      .find(row => within(row).queryByRole('link', { name: 'Checkout' }))!;
    expect(within(operationRow).getByText('non-compliant')).toBeInTheDocument();
    expect(within(operationRow).getByText('crawl')).toBeInTheDocument();

    expect(screen.getByText('Next actions for checkout')).toBeInTheDocument();
    expect(screen.getByText(/Fix the conventions of/)).toBeInTheDocument();
    expect(screen.queryByText(/Confirm/)).toBeNull();
    expect(api.getTeamRollout).toHaveBeenCalledWith(
      'group:default/team-checkout',
    );
  });

  it('marks an uninstrumented component and its missing context', async () => {
    await renderFor(
      component('currency', 'team-payments'),
      <EntityTracingAdoptionContent />,
    );
    const checklist = await screen.findByRole('list', {
      name: 'Tracing checklist',
    });
    expect(
      within(checklist)
        .getAllByRole('listitem')
        .map(item => item.getAttribute('aria-label')),
    ).toEqual([
      'Tracer present: no',
      'Propagates context: no',
      'Compliant: unknown',
      'SDK current: yes',
    ]);
    expect(screen.getByText(/Instrument/)).toBeInTheDocument();
    expect(screen.queryByText(/Propagate the trace context/)).toBeNull();
  });

  it('says so for a component on no critical operation', async () => {
    await renderFor(
      component('newsletter', 'team-payments'),
      <EntityTracingAdoptionContent />,
    );
    expect(
      await screen.findByText('Not on any critical operation'),
    ).toBeInTheDocument();
  });

  it('gives a group its team view', async () => {
    await renderFor(paymentsGroup, <EntityTracingAdoptionContent />);
    expect(await screen.findByText('Payments')).toBeInTheDocument();
    expect(
      screen.getByText('0 of 2 on critical operations'),
    ).toBeInTheDocument();
    expect(screen.getByText('not trained')).toBeInTheDocument();
    const actions = screen
      .getAllByRole('row')
      .map(row => row.textContent)
      .filter(text => /^\d.*blocks Checkout/.test(text ?? ''));
    expect(actions).toEqual([
      expect.stringMatching(/^1Instrument currency: blocks Checkout/),
      expect.stringMatching(/^2Propagate the trace context in payments/),
    ]);
    expect(
      screen.getByRole('figure', { name: 'Rollout history of Payments' }),
    ).toBeInTheDocument();
    expect(screen.getByText('below minimum')).toBeInTheDocument();
  });

  it('explains a group the rollout knows nothing of', async () => {
    await renderFor(
      {
        ...paymentsGroup,
        metadata: { name: 'team-new', namespace: 'default' },
      },
      <EntityTracingAdoptionContent />,
    );
    expect(
      await screen.findByText('No rollout figures for this team'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/teams appear after the catalog sync/),
    ).toBeInTheDocument();
  });
});

describe('EntityTracingAdoptionCard', () => {
  it('sums up the checklist and the next action of a component', async () => {
    await renderFor(
      component('checkout', 'team-checkout'),
      <EntityTracingAdoptionCard />,
    );
    expect(
      await screen.findByRole('listitem', { name: 'Compliant: no' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/Fix the conventions of/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Team rollout/ })).toHaveAttribute(
      'href',
      '/tracing-adoption/teams/default/team-checkout',
    );
  });

  it("sums up a team's standing", async () => {
    await renderFor(paymentsGroup, <EntityTracingAdoptionCard />);
    expect(
      await screen.findByText(
        /Holds back 1 critical operation; 0 of 2 services traced end to end/,
      ),
    ).toBeInTheDocument();
  });
});
