import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  MockSearchApi,
  SearchContextProvider,
  searchApiRef,
} from '@backstage/plugin-search-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { SearchPageContent } from './SearchPage';

describe('SearchPageContent', () => {
  it('shows stories with their category and team, and other results as default items', async () => {
    const searchApi = new MockSearchApi({
      results: [
        {
          type: 'tracing-adoption-story',
          document: {
            title: 'Pricing fan-out was most of checkout p99',
            text: 'The trace showed **40 sequential** calls to `pricing`.',
            location: '/tracing-adoption/stories/s1',
            category: 'latency',
            team: 'group:default/team-cart-checkout',
          } as never,
        },
        {
          type: 'software-catalog',
          document: {
            title: 'pricing',
            text: 'Prices every basket',
            location: '/catalog/default/component/pricing',
          },
        },
      ],
    });
    await renderInTestApp(
      <TestApiProvider apis={[[searchApiRef, searchApi]]}>
        <SearchContextProvider
          initialState={{ term: 'pricing', types: [], filters: {} }}
        >
          <SearchPageContent />
        </SearchContextProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );

    expect(
      await screen.findByRole('link', {
        name: 'Pricing fan-out was most of checkout p99',
      }),
    ).toHaveAttribute('href', '/tracing-adoption/stories/s1');
    expect(screen.getByText('latency')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /team-cart-checkout/ }),
    ).toHaveAttribute('href', '/catalog/default/group/team-cart-checkout');

    expect(screen.getByRole('link', { name: 'pricing' })).toHaveAttribute(
      'href',
      '/catalog/default/component/pricing',
    );
    expect(screen.getByText('Prices every basket')).toBeInTheDocument();
    expect(screen.getAllByText('Success story')).toHaveLength(1);
  });
});
