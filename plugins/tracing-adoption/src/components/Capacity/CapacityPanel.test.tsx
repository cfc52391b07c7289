import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  fakeTracingAdoptionApi,
  responseError,
} from '../../__testUtils__/fakeApi';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { capacityTargets } from '../../__testUtils__/rolloutFixtures';
import { CapacityPanel } from './CapacityPanel';

function row(name: string): HTMLElement {
  return screen.getByText(name, { selector: 'td' }).closest('tr')!;
}

describe('CapacityPanel', () => {
  it('shows services and datastores apart, with their figures and drivers', async () => {
    const { api } = fakeTracingAdoptionApi({ capacity: capacityTargets() });
    await renderWithApis(<CapacityPanel />, { api });

    expect(await screen.findByText('Services (2)')).toBeInTheDocument();
    const cart = row('cart');
    expect(cart).toHaveTextContent('625');
    expect(cart).toHaveTextContent('937.5');
    expect(cart).toHaveTextContent('±σ 400–850');
    expect(cart).toHaveTextContent('seen 450–900');
    expect(
      within(
        within(cart).getByRole('list', { name: 'Operations driving cart' }),
      )
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual(['Checkout 84 %', 'Search 16 %']);
    expect(within(row('currency')).getByText('unknown load')).toBeVisible();
    expect(within(cart).queryByText('unknown load')).toBeNull();

    expect(screen.getByText('Datastores (1)')).toBeInTheDocument();
    expect(row('orders-db')).toHaveTextContent('1,575');

    expect(
      within(
        screen.getByRole('list', { name: 'Operations not traced' }),
      ).getByText(/not traced yet, 5 rps unaccounted for/),
    ).toBeInTheDocument();
    expect(api.getCapacity).toHaveBeenCalledWith({});
  });

  it('re-queries with the what-if rates and safety factor entered, and downloads the same scenario', async () => {
    const { api } = fakeTracingAdoptionApi({ capacity: capacityTargets() });
    await renderWithApis(<CapacityPanel />, { api });

    fireEvent.change(
      await screen.findByRole('textbox', { name: 'What-if rps of Checkout' }),
      { target: { value: '600' } },
    );
    fireEvent.change(screen.getByRole('textbox', { name: 'Safety factor' }), {
      target: { value: '2' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() =>
      expect(api.getCapacity).toHaveBeenLastCalledWith({
        safetyFactor: 2,
        whatIf: { checkout: 600 },
      }),
    );

    URL.createObjectURL = jest.fn(() => 'blob:capacity');
    URL.revokeObjectURL = jest.fn();
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    fireEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(api.downloadCapacityCsv).toHaveBeenCalledWith({
      safetyFactor: 2,
      whatIf: { checkout: 600 },
    });
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:capacity');
    click.mockRestore();
  });

  it('keeps invalid figures from the backend', async () => {
    const { api } = fakeTracingAdoptionApi({ capacity: capacityTargets() });
    await renderWithApis(<CapacityPanel />, { api });

    fireEvent.change(
      await screen.findByRole('textbox', { name: 'What-if rps of Search' }),
      { target: { value: '-5' } },
    );
    expect(screen.getByText('A number of requests/s ≥ 0')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Apply' })).toBeDisabled();
  });

  it("shows the backend's refusal", async () => {
    const { api } = fakeTracingAdoptionApi({
      capacity: await responseError(
        400,
        'request/query/safetyFactor must be >= 1',
      ),
    });
    await renderWithApis(<CapacityPanel />, { api });
    expect(
      (await screen.findAllByText(/safetyFactor must be >= 1/)).length,
    ).toBeGreaterThan(0);
  });

  it('says so when there are no critical operations', async () => {
    const { api } = fakeTracingAdoptionApi({});
    await renderWithApis(<CapacityPanel />, { api });
    expect(
      await screen.findByText('No critical operations'),
    ).toBeInTheDocument();
  });
});
