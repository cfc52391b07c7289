import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import {
  fakeTracingAdoptionApi,
  responseError,
} from '../../__testUtils__/fakeApi';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { checkoutDetail, TRACE_URL } from '../../__testUtils__/rolloutFixtures';
import { CriticalOperationPage } from './CriticalOperationPage';

const page = (
  <Routes>
    <Route
      path="/tracing-adoption/critical-operations/:operationId"
      element={<CriticalOperationPage />}
    />
  </Routes>
);

async function renderCheckout(
  options: { allowedPermissions?: string[]; origin?: 'api' | 'config' } = {},
) {
  const { api } = fakeTracingAdoptionApi({
    criticalOperationDetails: {
      checkout: checkoutDetail({ origin: options.origin ?? 'api' }),
    },
  });
  await renderWithApis(page, {
    api,
    routeEntries: ['/tracing-adoption/critical-operations/checkout'],
    allowedPermissions: options.allowedPermissions,
  });
  return api;
}

describe('CriticalOperationPage', () => {
  it('draws the services with the uninstrumented one set apart, laid out by elk', async () => {
    await renderCheckout();
    expect(
      await screen.findByRole('heading', { name: 'Checkout' }),
    ).toBeInTheDocument();
    const diagram = screen.getByTestId('service-diagram');
    await waitFor(() => expect(diagram).toHaveAttribute('data-layout', 'done'));
    expect(diagram.querySelector('.react-flow')).not.toBeNull();

    const currency = within(diagram).getByRole('button', {
      name: 'currency: uninstrumented',
    });
    expect(currency).toHaveAttribute('data-status', 'uninstrumented');
    expect(currency).toHaveTextContent('no spans');
    expect(currency.style.border).toContain('dashed');
    expect(
      within(diagram).getByRole('button', { name: 'edge-gateway: end to end' }),
    ).toHaveTextContent('entry · end to end');
    expect(
      within(diagram).getByRole('button', {
        name: 'payments: broken propagation',
      }).style.border,
    ).toContain('dashed');
    expect(
      within(diagram).getByRole('button', { name: 'tax: unknown' }),
    ).toHaveTextContent('not seen in traces');
    expect(
      within(diagram).getByRole('img', { name: 'orders-db: datastore' }),
    ).toHaveAttribute('data-status', 'datastore');

    expect(screen.getByText('crawl', { selector: 'span' })).toBeInTheDocument();
    expect(screen.getByText('2/5')).toBeInTheDocument();
    expect(
      within(screen.getByRole('list', { name: 'Blockers' })).getByText(
        /currency \(uninstrumented\), payments \(broken-propagation\)/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('POST /api/checkout')).toBeInTheDocument();
  });

  it('shows the evidence of the service clicked, with example trace links', async () => {
    await renderCheckout();
    const diagram = await screen.findByTestId('service-diagram');
    fireEvent.click(
      within(diagram).getByRole('button', { name: 'checkout: non-compliant' }),
    );
    const evidence = await screen.findByRole('list', {
      name: 'Evidence for checkout',
    });
    expect(
      within(evidence).getByText(/Fix: Set http.route on server spans/),
    ).toBeInTheDocument();
    expect(
      within(evidence).getAllByRole('link', { name: /4bf92f35…/ })[0],
    ).toHaveAttribute('href', TRACE_URL);
    const panel = screen.getByRole('region', {
      name: 'checkout on this operation',
    });
    expect(
      within(panel).getByRole('link', { name: 'checkout' }),
    ).toHaveAttribute('href', '/catalog/default/component/checkout');

    fireEvent.click(
      within(diagram).getByRole('button', { name: 'currency: uninstrumented' }),
    );
    const currency = await screen.findByRole('list', {
      name: 'Evidence for currency',
    });
    expect(
      within(currency).getByText(/but emits no spans of its own/),
    ).toBeInTheDocument();
    expect(within(currency).getByText('repository scan')).toBeInTheDocument();
    expect(
      within(currency).getByText('· github.com/shop/currency', {
        exact: false,
      }),
    ).toBeInTheDocument();
    expect(
      within(diagram).getByRole('button', { name: 'currency: uninstrumented' }),
    ).toHaveAttribute('aria-pressed', 'true');
  });

  it('offers edits only with permission, and none for operations declared in YAML', async () => {
    await renderCheckout();
    await screen.findByRole('heading', { name: 'Checkout' });
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
  });

  it('opens the edit form for a permitted user', async () => {
    await renderCheckout({
      allowedPermissions: [
        'tracing-adoption.operation.update',
        'tracing-adoption.operation.delete',
      ],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    expect(
      await screen.findByRole('dialog', { name: 'Change Checkout' }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText(/^Name/)).toHaveValue('Checkout');
  });

  it('shows a declared operation read-only, with its origin', async () => {
    await renderCheckout({
      origin: 'config',
      allowedPermissions: ['tracing-adoption.operation.update'],
    });
    expect(await screen.findByText('declared in YAML')).toBeInTheDocument();
    expect(
      screen.getByText(/Declared in the rollout definitions file/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
  });

  it("shows the server's answer for an unknown operation", async () => {
    const { api } = fakeTracingAdoptionApi({});
    await renderWithApis(page, {
      api,
      routeEntries: ['/tracing-adoption/critical-operations/nope'],
    });
    expect(
      (await screen.findAllByText(/No critical operation nope/)).length,
    ).toBeGreaterThan(0);
  });

  it('shows progress while loading', async () => {
    const { api } = fakeTracingAdoptionApi({});
    api.getCriticalOperation.mockReturnValue(new Promise(() => {}));
    await renderWithApis(page, {
      api,
      routeEntries: ['/tracing-adoption/critical-operations/checkout'],
    });
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('reports a server error', async () => {
    const { api } = fakeTracingAdoptionApi({});
    api.getCriticalOperation.mockRejectedValue(
      await responseError(500, 'Evaluation store unreachable'),
    );
    await renderWithApis(page, {
      api,
      routeEntries: ['/tracing-adoption/critical-operations/checkout'],
    });
    expect(
      (await screen.findAllByText(/Evaluation store unreachable/)).length,
    ).toBeGreaterThan(0);
  });
});
