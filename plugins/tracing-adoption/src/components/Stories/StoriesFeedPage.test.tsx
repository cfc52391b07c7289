import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  fakeStoriesApi,
  renderWithStoriesApis,
  story,
} from './__testUtils__/storiesTestApp';
import { StoriesFeedPage } from './StoriesFeedPage';

const featured = story({
  id: 'f1',
  title: 'Payments 502s found in 6 minutes',
  category: 'incident',
  featured: true,
  likes: 5,
});
const plain = story({ id: 'p1' });

async function selectOption(label: string, option: string) {
  fireEvent.mouseDown(screen.getByLabelText(label));
  fireEvent.click(within(await screen.findByRole('listbox')).getByText(option));
}

describe('StoriesFeedPage', () => {
  it('shows the stories in the order given, featured ones marked', async () => {
    await renderWithStoriesApis(<StoriesFeedPage />, {
      api: fakeStoriesApi([featured, plain]),
    });
    const titles = await screen.findAllByRole('heading', { level: 3 });
    expect(titles.map(title => title.textContent)).toEqual([
      'Payments 502s found in 6 minutes',
      'Checkout p99 was mostly pricing fan-out',
    ]);
    expect(screen.getByText('Featured')).toBeInTheDocument();
    expect(screen.getByText('1–2 of 2 stories')).toBeInTheDocument();
  });

  it('likes and unlikes with the count from the server', async () => {
    const api = fakeStoriesApi([plain]);
    await renderWithStoriesApis(<StoriesFeedPage />, { api });
    const like = await screen.findByRole('button', {
      name: 'Like "Checkout p99 was mostly pricing fan-out"',
    });
    expect(like).toHaveTextContent('♡ 2');
    fireEvent.click(like);
    const unlike = await screen.findByRole('button', {
      name: 'Unlike "Checkout p99 was mostly pricing fan-out"',
    });
    expect(unlike).toHaveTextContent('♥ 3');
    expect(unlike).toHaveAttribute('aria-pressed', 'true');
    fireEvent.click(unlike);
    await waitFor(() =>
      expect(screen.getByRole('button', { name: /^Like / })).toHaveTextContent(
        '♡ 2',
      ),
    );
    expect(api.setLiked.mock.calls).toEqual([
      ['p1', true],
      ['p1', false],
    ]);
  });

  it('asks for the chosen category, order, drafts and search words', async () => {
    const api = fakeStoriesApi([plain]);
    await renderWithStoriesApis(<StoriesFeedPage />, { api });
    await screen.findAllByRole('heading', { level: 3 });

    await selectOption('Category', 'Incident resolved');
    await selectOption('Order', 'Most liked');
    fireEvent.click(screen.getByLabelText('My drafts'));
    fireEvent.change(screen.getByLabelText('Search'), {
      target: { value: ' fan-out ' },
    });

    await waitFor(() =>
      expect(api.listStories).toHaveBeenLastCalledWith({
        category: 'incident',
        order: 'most-liked',
        status: 'draft',
        search: 'fan-out',
        limit: 10,
        offset: 0,
      }),
    );
    expect(screen.queryByLabelText('Deleted')).toBeNull();
  });

  it('offers the deleted stories to those who may restore them', async () => {
    const api = fakeStoriesApi([plain]);
    await renderWithStoriesApis(<StoriesFeedPage />, {
      api,
      allowedPermissions: ['tracing-adoption.story.restore'],
    });
    fireEvent.click(await screen.findByLabelText('Deleted'));
    await waitFor(() =>
      expect(api.listStories).toHaveBeenLastCalledWith(
        expect.objectContaining({ deleted: true }),
      ),
    );
  });

  it('says so when nothing matches', async () => {
    await renderWithStoriesApis(<StoriesFeedPage />, {
      api: fakeStoriesApi([]),
    });
    expect(await screen.findByText(/No stories match/)).toBeInTheDocument();
  });
});
