import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import {
  fakeStoriesApi,
  renderWithStoriesApis,
  story,
} from './__testUtils__/storiesTestApp';
import { EntityStoriesCard } from './EntityStoriesCard';

const pricing: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'Pricing', namespace: 'default' },
  spec: { type: 'service', owner: 'team-cart-checkout' },
};

describe('EntityStoriesCard', () => {
  it('lists the most liked stories mentioning the entity', async () => {
    const api = fakeStoriesApi([story({ featured: true, likes: 1 })]);
    await renderWithStoriesApis(
      <EntityProvider entity={pricing}>
        <EntityStoriesCard />
      </EntityProvider>,
      { api },
    );
    expect(
      await screen.findByRole('link', {
        name: 'Checkout p99 was mostly pricing fan-out',
      }),
    ).toHaveAttribute('href', '/tracing-adoption/stories/s1');
    expect(
      screen.getByText('Latency found · 1 like · featured'),
    ).toBeInTheDocument();
    expect(api.listStories).toHaveBeenCalledWith({
      entity: 'component:default/pricing',
      order: 'most-liked',
      limit: 5,
    });
  });

  it('invites the first story, naming the entity in the editor link', async () => {
    await renderWithStoriesApis(
      <EntityProvider entity={pricing}>
        <EntityStoriesCard />
      </EntityProvider>,
      { api: fakeStoriesApi([]) },
    );
    expect(
      await screen.findByRole('link', { name: 'Write the first one' }),
    ).toHaveAttribute(
      'href',
      '/tracing-adoption/stories/new?entity=component%3Adefault%2Fpricing',
    );
  });
});
