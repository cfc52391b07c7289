import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { tracingAdoptionApiRef } from '../../api/TracingAdoptionApi';
import { fakeTracingAdoptionApi } from '../../__testUtils__/fakeApi';
import { RepositoryScansTable } from './RepositoryScansTable';

describe('RepositoryScansTable', () => {
  it('shows the cycle progress and each repository with its instrumentation', async () => {
    const { api } = fakeTracingAdoptionApi({
      scans: {
        cycle: {
          id: 3,
          startedAt: '2026-11-25T10:00:00Z',
          targets: 25,
          done: 12,
        },
        items: [
          {
            host: 'github.com',
            slug: 'shopfront/messaging',
            scannerId: 'github',
            status: 'scanned',
            checkedAt: '2026-11-25T10:01:00Z',
            scannedAt: '2026-11-25T10:01:00Z',
            requests: 3,
            serviceDirectories: [
              {
                path: 'services/notifications',
                instrumentation: 'opentelemetry',
                outdated: false,
                findings: 3,
              },
              {
                path: 'services/email-sender',
                instrumentation: 'none',
                outdated: false,
                findings: 0,
              },
            ],
          },
          {
            host: 'github.com',
            slug: 'shopfront/promotions',
            scannerId: 'github',
            status: 'failed',
            checkedAt: '2026-11-25T10:02:00Z',
            requests: 1,
            error:
              'Reading GitHub repository github.com/shopfront/promotions failed: 502',
            serviceDirectories: [],
          },
        ],
      },
    });
    await renderInTestApp(
      <TestApiProvider apis={[[tracingAdoptionApiRef, api]]}>
        <RepositoryScansTable />
      </TestApiProvider>,
    );
    expect(
      await screen.findByText(/12 of 25 repositories done/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'services/notifications: opentelemetry; services/email-sender: none',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/promotions failed: 502/)).toBeInTheDocument();
  });
});
