import { screen } from '@testing-library/react';
import {
  fakeTracingAdoptionApi,
  responseError,
} from '../../__testUtils__/fakeApi';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import {
  checkoutHealth,
  TRACE_ID,
  TRACE_URL,
} from '../../__testUtils__/rolloutFixtures';
import { OperationHealthCard } from './OperationHealthCard';

const card = (
  <OperationHealthCard
    operationId="checkout"
    traceLinks={{ [TRACE_ID]: TRACE_URL }}
  />
);

describe('OperationHealthCard', () => {
  it('shows latency, errors, which objectives are missed and the services behind them', async () => {
    const { api } = fakeTracingAdoptionApi({
      health: { checkout: checkoutHealth() },
    });
    await renderWithApis(card, { api });

    expect(await screen.findByText('objectives missed')).toBeInTheDocument();
    expect(screen.getByText('210 ms / 980 ms / 1820 ms')).toBeInTheDocument();
    expect(
      screen.getByText('0.5 % (1 of 200 requests failed)'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('≤ 1500 ms: missed (now 1820 ms)'),
    ).toBeInTheDocument();
    expect(screen.getByText('≤ 1 %: met (now 0.5 %)')).toBeInTheDocument();
    expect(
      screen.getByText(
        'payments: 42 % of the critical path, 310 ms per request',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/fraud-check: 3 errors started there/),
    ).toBeVisible();
    expect(
      screen.getByRole('figure', { name: 'Daily p99 latency' }),
    ).toHaveTextContent('2026-11-20: p99 1820 ms');
    expect(
      screen.getByRole('figure', { name: 'Daily error rate' }),
    ).toHaveTextContent('2026-11-20: 0.5 % errors');
    expect(api.getOperationHealth).toHaveBeenCalledWith('checkout');
  });

  it('says when there is no health yet', async () => {
    const { api } = fakeTracingAdoptionApi({});
    await renderWithApis(card, { api });
    expect(await screen.findByText(/No health yet/)).toBeInTheDocument();
  });

  it('reports a server error', async () => {
    const { api } = fakeTracingAdoptionApi({});
    api.getOperationHealth.mockRejectedValue(
      await responseError(500, 'Health store unreachable'),
    );
    await renderWithApis(card, { api });
    expect(
      (await screen.findAllByText(/Health store unreachable/)).length,
    ).toBeGreaterThan(0);
  });
});
