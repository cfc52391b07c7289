import { screen, waitFor, within } from '@testing-library/react';
import {
  fakeTracingAdoptionApi,
  responseError,
} from '../../__testUtils__/fakeApi';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { overview } from '../../__testUtils__/rolloutFixtures';
import { RolloutOverview } from './RolloutOverview';

describe('RolloutOverview', () => {
  it('shows the campaign countdown, status, burn-up and every figure of the rollout', async () => {
    const { api } = fakeTracingAdoptionApi({ overview: overview() });
    await renderWithApis(<RolloutOverview />, { api });

    expect(await screen.findByText('Cyber Week 2026')).toBeInTheDocument();
    expect(screen.getByText('7 days to the deadline')).toBeInTheDocument();
    expect(screen.getByText('at risk')).toBeInTheDocument();
    expect(
      screen.getByText(/1 of 4 at target; at 0.10 operations per day/),
    ).toBeInTheDocument();

    const burnUp = screen.getByRole('figure', {
      name: 'Burn-up of Cyber Week 2026',
    });
    expect(within(burnUp).getByText(/today 1 of 4\./)).toBeInTheDocument();
    await waitFor(() =>
      expect(burnUp.querySelectorAll('.recharts-line-curve')).toHaveLength(2),
    );
    expect(within(burnUp).getByText('At walk')).toBeInTheDocument();
    expect(within(burnUp).getByText('Target operations')).toBeInTheDocument();

    expect(screen.getByLabelText('crawl operations')).toHaveTextContent('1');
    expect(screen.getByLabelText('run operations')).toHaveTextContent('0');
    const checkoutRow = screen
      .getAllByRole('row')
      .find(row => within(row).queryByRole('link', { name: 'Checkout' }))!;
    expect(within(checkoutRow).getByText('2/5')).toBeInTheDocument();
    expect(
      within(checkoutRow).getByText(
        '1 non-compliant, 1 broken propagation, 1 uninstrumented, 1 unknown',
      ),
    ).toBeInTheDocument();
    expect(
      within(checkoutRow).getByRole('link', { name: 'Checkout' }),
    ).toHaveAttribute('href', '/tracing-adoption/critical-operations/checkout');
    expect(screen.getAllByText('stale').length).toBeGreaterThan(0);

    expect(screen.getByRole('link', { name: 'Payments' })).toHaveAttribute(
      'href',
      '/tracing-adoption/teams/default/team-payments',
    );
    expect(
      screen.getByText('currency', { selector: 'code' }),
    ).toBeInTheDocument();

    const untrained = screen.getByRole('list', { name: 'Untrained teams' });
    expect(within(untrained).getAllByRole('link')).toHaveLength(2);
    expect(screen.getByText('1 of 3 teams trained')).toBeInTheDocument();

    expect(
      screen.getByText(/1 trace source is not healthy/),
    ).toBeInTheDocument();
    expect(screen.getByText('jaeger-prod')).toBeInTheDocument();
    expect(screen.getByText('legacy-fx')).toBeInTheDocument();
  });

  it('invites the first definitions when there is nothing to show', async () => {
    const { api } = fakeTracingAdoptionApi({});
    await renderWithApis(<RolloutOverview />, { api });
    expect(
      await screen.findByText('No critical operations yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Define critical operations' }),
    ).toHaveAttribute('href', '/tracing-adoption/admin');
  });

  it("shows the server's error", async () => {
    const { api } = fakeTracingAdoptionApi({
      overview: await responseError(503, 'Database unavailable'),
    });
    await renderWithApis(<RolloutOverview />, { api });
    expect(
      (await screen.findAllByText(/Database unavailable/)).length,
    ).toBeGreaterThan(0);
  });
});
