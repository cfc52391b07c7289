import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import {
  fakeStoriesApi,
  renderWithStoriesApis,
  story,
} from './__testUtils__/storiesTestApp';
import { StoryPage } from './StoryPage';

const page = (
  <Routes>
    <Route path="/tracing-adoption/stories/:storyId" element={<StoryPage />} />
  </Routes>
);

describe('StoryPage', () => {
  it('renders the story with its impact, mentions and trace links', async () => {
    await renderWithStoriesApis(page, {
      api: fakeStoriesApi(),
      routeEntries: ['/tracing-adoption/stories/s1'],
    });
    expect(
      await screen.findByText('Checkout p99 was mostly pricing fan-out', {
        selector: 'h1',
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('14 sequential').tagName).toBe('STRONG');
    expect(screen.getByText('2400 → 610 ms')).toBeInTheDocument();
    expect(screen.getByText('place-order')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /jaeger\.example\.com\/trace\/7a3c/ }),
    ).toHaveAttribute('href', 'https://jaeger.example.com/trace/7a3c');
  });

  it('keeps script, event-handler and javascript: payloads in the body inert', async () => {
    const hostile = story({
      body: [
        '<script>window.pwned = true</script>',
        '<img src="x" onerror="window.pwned = true">',
        '[x](javascript:alert(1))',
      ].join('\n\n'),
    });
    const { container } = await renderWithStoriesApis(page, {
      api: fakeStoriesApi([hostile]),
      routeEntries: ['/tracing-adoption/stories/s1'],
    });
    await screen.findByText('Checkout p99 was mostly pricing fan-out', {
      selector: 'h1',
    });
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('[onerror]')).toBeNull();
    for (const link of Array.from(container.querySelectorAll('a'))) {
      expect(link.getAttribute('href') ?? '').not.toMatch(/javascript:/i);
    }
    expect((window as { pwned?: boolean }).pwned).toBeUndefined();
  });

  it('offers edit to the author but feature and delete only with permission', async () => {
    await renderWithStoriesApis(page, {
      api: fakeStoriesApi(),
      routeEntries: ['/tracing-adoption/stories/s1'],
    });
    expect(await screen.findByRole('button', { name: 'Edit' })).toHaveAttribute(
      'href',
      '/tracing-adoption/stories/s1/edit',
    );
    expect(screen.queryByRole('button', { name: 'Feature' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
  });

  it('lets an admin feature a story of someone else', async () => {
    const api = fakeStoriesApi();
    await renderWithStoriesApis(page, {
      api,
      routeEntries: ['/tracing-adoption/stories/s1'],
      userRef: 'user:default/jonas-lindqvist',
      allowedPermissions: [
        'tracing-adoption.story.update',
        'tracing-adoption.story.feature',
        'tracing-adoption.story.delete',
      ],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Feature' }));
    await waitFor(() =>
      expect(api.setFeatured).toHaveBeenCalledWith('s1', true),
    );
    expect(screen.getByRole('button', { name: 'Edit' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Delete' })).toBeInTheDocument();
  });

  it('hides edit from other users without the update permission', async () => {
    await renderWithStoriesApis(page, {
      api: fakeStoriesApi(),
      routeEntries: ['/tracing-adoption/stories/s1'],
      userRef: 'user:default/lukas-berger',
    });
    await screen.findByText('Checkout p99 was mostly pricing fan-out', {
      selector: 'h1',
    });
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
  });
});
