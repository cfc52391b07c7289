import { ResponseError } from '@backstage/errors';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import {
  fakeStoriesApi,
  renderWithStoriesApis,
  story,
} from './__testUtils__/storiesTestApp';
import { StoryEditor } from './StoryEditor';

const routes = (
  <Routes>
    <Route path="/tracing-adoption/stories/new" element={<StoryEditor />} />
    <Route
      path="/tracing-adoption/stories/:storyId/edit"
      element={<StoryEditor />}
    />
    <Route
      path="/tracing-adoption/stories/:storyId"
      element={<p>story page</p>}
    />
  </Routes>
);

async function errorAnswer(statusCode: number, message: string) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'Error', message },
        request: { method: 'PUT', url: '/stories/s1' },
        response: { statusCode },
      }),
      { status: statusCode, headers: { 'content-type': 'application/json' } },
    ),
  );
}

function type(label: RegExp | string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('StoryEditor', () => {
  it('checks the form before sending anything', async () => {
    const api = fakeStoriesApi();
    await renderWithStoriesApis(routes, {
      api,
      routeEntries: ['/tracing-adoption/stories/new'],
    });
    type('Trace links', 'javascript:alert(1)');
    fireEvent.click(await screen.findByRole('button', { name: 'Publish' }));
    expect(
      await screen.findByText('A story needs a title'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Tell the story before publishing it'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('javascript:alert(1) is not an http or https URL'),
    ).toBeInTheDocument();
    expect(api.createStory).not.toHaveBeenCalled();
  });

  it('publishes a new story mentioning the entity it was started from', async () => {
    const api = fakeStoriesApi();
    await renderWithStoriesApis(routes, {
      api,
      routeEntries: [
        '/tracing-adoption/stories/new?entity=component%3Adefault%2Fpricing',
      ],
    });
    type(/^Title/, 'Pricing batch endpoint');
    type('Story (markdown)', 'We batched the calls.');
    type('Critical operations', 'place-order, add-to-cart');
    fireEvent.click(screen.getByRole('button', { name: 'Add a figure' }));
    type('What was measured', 'p99');
    type('Before', '2400');
    type('After', '610');
    type('Unit', 'ms');
    fireEvent.click(screen.getByRole('button', { name: 'Publish' }));

    expect(await screen.findByText('story page')).toBeInTheDocument();
    expect(api.createStory).toHaveBeenCalledWith({
      title: 'Pricing batch endpoint',
      body: 'We batched the calls.',
      category: 'latency',
      entityRefs: ['component:default/pricing'],
      operations: ['place-order', 'add-to-cart'],
      traceLinks: [],
      impact: [{ label: 'p99', before: 2400, after: 610, unit: 'ms' }],
      status: 'published',
    });
  });

  it("shows the server's reason when it refuses the story", async () => {
    const api = fakeStoriesApi();
    api.createStory.mockRejectedValue(
      await errorAnswer(400, 'Invalid story: team must be a group entity ref'),
    );
    await renderWithStoriesApis(routes, {
      api,
      routeEntries: ['/tracing-adoption/stories/new'],
    });
    type(/^Title/, 'A draft');
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(
      await screen.findByText(/The story was not saved/),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(/team must be a group entity ref/).length,
    ).toBeGreaterThan(0);
  });

  it('keeps the edit on a version conflict and saves it over the latest version once merged', async () => {
    const api = fakeStoriesApi([story({ version: 1 })]);
    api.updateStory.mockRejectedValueOnce(
      await errorAnswer(409, 'Story s1 was edited by someone else'),
    );
    await renderWithStoriesApis(routes, {
      api,
      routeEntries: ['/tracing-adoption/stories/s1/edit'],
    });
    expect(await screen.findByLabelText(/^Title/)).toHaveValue(
      'Checkout p99 was mostly pricing fan-out',
    );
    type(/^Title/, 'My better title');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(
      await screen.findByText(
        /Someone else edited this story while you were writing/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByLabelText(/^Title/)).toHaveValue('My better title');
    expect(api.updateStory).toHaveBeenLastCalledWith(
      's1',
      expect.objectContaining({ title: 'My better title', version: 1 }),
    );

    api.getStory.mockResolvedValueOnce(story({ version: 2 }));
    fireEvent.click(
      screen.getByRole('button', {
        name: 'I merged their changes: save over the latest version',
      }),
    );
    await waitFor(() =>
      expect(
        screen.queryByText(
          /Someone else edited this story while you were writing/,
        ),
      ).toBeNull(),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('story page')).toBeInTheDocument();
    expect(api.updateStory).toHaveBeenLastCalledWith(
      's1',
      expect.objectContaining({ title: 'My better title', version: 2 }),
    );
  });
});
