import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  fakeTracingAdoptionApi,
  responseError,
} from '../../__testUtils__/fakeApi';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import {
  checkoutDetail,
  cyberWeek,
  overview,
} from '../../__testUtils__/rolloutFixtures';
import { RolloutAdmin } from './RolloutAdmin';

const EVERY_PERMISSION = [
  'tracing-adoption.operation.create',
  'tracing-adoption.operation.update',
  'tracing-adoption.operation.delete',
  'tracing-adoption.campaign.manage',
  'tracing-adoption.workshop.manage',
  'tracing-adoption.waiver.manage',
];

async function renderAdmin(allowedPermissions: string[] = EVERY_PERMISSION) {
  const { api } = fakeTracingAdoptionApi({
    criticalOperations: overview().operations,
    criticalOperationDetails: { checkout: checkoutDetail() },
    campaigns: [cyberWeek()],
    workshops: [
      {
        id: 'w1',
        date: '2026-10-01',
        topic: 'Tracing 101',
        teamRefs: ['group:default/team-search'],
        version: 1,
        createdBy: 'user:default/rollout-pm',
        createdAt: '2026-10-01T12:00:00.000Z',
      },
    ],
    waivers: [
      {
        id: 'v1',
        scope: {
          kind: 'service',
          service: 'legacy-fx',
          operationId: 'checkout',
        },
        reason: 'Replaced in December',
        approvedBy: 'user:default/sre-lead',
        expiresAt: '2026-12-31T23:59:59Z',
        createdBy: 'user:default/rollout-pm',
        createdAt: '2026-10-01T12:00:00.000Z',
        active: true,
      },
    ],
  });
  await renderWithApis(<RolloutAdmin />, { api, allowedPermissions });
  await screen.findByText('Refund');
  return api;
}

function type(label: RegExp, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('RolloutAdmin', () => {
  it('lists every definition but offers no change without permission', async () => {
    await renderAdmin([]);
    expect(screen.getByText('Cyber Week 2026')).toBeInTheDocument();
    expect(screen.getByText('Tracing 101')).toBeInTheDocument();
    expect(
      screen.getByText('legacy-fx need not be traced on checkout'),
    ).toBeInTheDocument();
    for (const name of [
      'Define an operation',
      'Start a campaign',
      'Record a workshop',
      'Grant a waiver',
      'Edit Checkout',
      'Remove Checkout',
      'Edit Tracing 101',
    ]) {
      expect(screen.queryByRole('button', { name })).toBeNull();
    }
    expect(
      screen.getByText(/Changing definitions needs the tracing-adoption/),
    ).toBeInTheDocument();
  });

  it('offers changes with permission, except for definitions declared in YAML', async () => {
    await renderAdmin();
    expect(
      await screen.findByRole('button', { name: 'Define an operation' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Edit Checkout' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', {
        name: 'Revoke legacy-fx need not be traced on checkout',
      }),
    ).toBeInTheDocument();
    const refund = screen
      .getAllByRole('row')
      .find(row => within(row).queryByText('Refund'))!;
    expect(within(refund).getByText('declared in YAML')).toBeInTheDocument();
    expect(
      within(refund).getByText('read-only: declared in YAML'),
    ).toBeInTheDocument();
    expect(within(refund).queryByRole('button')).toBeNull();
    expect(
      screen.queryByRole('button', { name: 'Edit Cyber Week 2026' }),
    ).toBeNull();
  });

  it('checks the required fields before sending anything', async () => {
    const api = await renderAdmin();
    fireEvent.click(
      await screen.findByRole('button', { name: 'Define an operation' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Define a critical operation',
    });
    type(/^Peak requests per second/, 'lots');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(dialog).getAllByText('Required')).toHaveLength(4);
    expect(within(dialog).getByText('Must be a number')).toBeInTheDocument();
    expect(api.createCriticalOperation).not.toHaveBeenCalled();
  });

  it("shows the server's reason when it refuses a new operation", async () => {
    const api = await renderAdmin();
    api.createCriticalOperation.mockRejectedValueOnce(
      await responseError(
        400,
        'Invalid operation: entry.httpRoute must be at most 200 characters',
      ),
    );
    fireEvent.click(
      await screen.findByRole('button', { name: 'Define an operation' }),
    );
    const dialog = await screen.findByRole('dialog');
    type(/^Id/, 'add-to-cart');
    type(/^Name/, 'Add to cart');
    type(/^Entry service/, 'edge-gateway');
    type(/^Peak requests per second/, '120');
    type(/^Owner/, 'group:default/team-cart');
    type(/^Declared participants/, 'cart\npricing');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(
      await within(dialog).findByText(/The server refused these values/),
    ).toBeInTheDocument();
    expect(
      within(dialog).getAllByText(/entry.httpRoute must be at most 200/).length,
    ).toBeGreaterThan(0);
    expect(api.createCriticalOperation).toHaveBeenCalledWith({
      id: 'add-to-cart',
      name: 'Add to cart',
      entry: { entryService: 'edge-gateway' },
      peakRequestsPerSecond: 120,
      tier: 2,
      ownerRef: 'group:default/team-cart',
      declaredParticipants: ['cart', 'pricing'],
    });
  });

  it('sends the version edited and advises a reload on a conflict', async () => {
    const api = await renderAdmin();
    api.updateCriticalOperation.mockRejectedValueOnce(
      await responseError(
        409,
        'Operation checkout is at version 4; reload it and apply the change again',
      ),
    );
    fireEvent.click(
      await screen.findByRole('button', { name: 'Edit Checkout' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Change Checkout',
    });
    expect(within(dialog).getByLabelText(/^Id/)).toBeDisabled();
    type(/^Name/, 'Checkout and pay');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(
      await within(dialog).findByText(/Conflict: nothing was saved/),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText(/Reload the latest version, then make your/),
    ).toBeInTheDocument();
    expect(api.updateCriticalOperation).toHaveBeenCalledWith(
      'checkout',
      expect.objectContaining({ name: 'Checkout and pay', version: 3 }),
    );

    fireEvent.click(
      within(dialog).getByRole('button', { name: 'Reload the latest version' }),
    );
    await waitFor(() =>
      expect(within(dialog).getByLabelText(/^Name/)).toHaveValue('Checkout'),
    );
    expect(api.getCriticalOperation).toHaveBeenCalledWith('checkout');
    expect(
      within(dialog).queryByText(/Conflict: nothing was saved/),
    ).toBeNull();
  });

  it('names the missing permission the server insists on', async () => {
    const api = await renderAdmin();
    api.createWorkshop.mockRejectedValueOnce(
      await responseError(
        403,
        'Recording workshops needs the tracing-adoption.workshop.manage permission',
      ),
    );
    fireEvent.click(
      await screen.findByRole('button', { name: 'Record a workshop' }),
    );
    const dialog = await screen.findByRole('dialog');
    type(/^Date/, '2026-11-02');
    type(/^Topic/, 'Context propagation');
    type(
      /^Teams that attended/,
      'group:default/team-payments, group:default/team-cart',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(
      await within(dialog).findByText(/You may not make this change/),
    ).toBeInTheDocument();
    expect(api.createWorkshop).toHaveBeenCalledWith({
      date: '2026-11-02',
      topic: 'Context propagation',
      teamRefs: ['group:default/team-payments', 'group:default/team-cart'],
    });
  });

  it('grants a waiver until the end of the chosen day', async () => {
    const api = await renderAdmin();
    fireEvent.click(
      await screen.findByRole('button', { name: 'Grant a waiver' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Grant a waiver',
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Grant' }));
    expect(within(dialog).getAllByText('Required')).toHaveLength(4);

    type(/^Service/, 'currency');
    type(/^Reason/, 'Replaced before Cyber Week');
    type(/^Approved by/, 'user:default/sre-lead');
    type(/^Expires after/, '2026-12-01');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Grant' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.createWaiver).toHaveBeenCalledWith({
      scope: { kind: 'service', service: 'currency' },
      reason: 'Replaced before Cyber Week',
      approvedBy: 'user:default/sre-lead',
      expiresAt: '2026-12-01T23:59:59Z',
    });
    expect(api.listWaivers).toHaveBeenCalledTimes(2);
  });

  it('shows each list’s own error', async () => {
    const { api } = fakeTracingAdoptionApi({
      waivers: await responseError(500, 'Waiver table locked'),
    });
    await renderWithApis(<RolloutAdmin />, { api });
    expect(
      (await screen.findAllByText(/Waiver table locked/)).length,
    ).toBeGreaterThan(0);
    expect(
      screen.getByText('No critical operation is defined yet.'),
    ).toBeInTheDocument();
  });
});
