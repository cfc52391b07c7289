import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { TestPipeline } from '@backstage/plugin-search-backend-node';
import {
  FakeAnswer,
  FakeRequest,
  startFakeStoriesServer,
} from '../__testUtils__/fakeStoriesServer';
import { TracingAdoptionStoriesCollatorFactory } from './TracingAdoptionStoriesCollatorFactory';

function story(id: string, overrides: object = {}) {
  return {
    id,
    title: `Story ${id}`,
    body: `The trace of **${id}** showed 40 sequential calls to \`pricing\`.`,
    author: 'user:default/hannah-okafor',
    team: 'group:default/team-cart-checkout',
    category: 'latency',
    entityRefs: ['component:default/pricing'],
    operations: ['place-order'],
    impact: [{ label: 'checkout p99', before: 1800, after: 420, unit: 'ms' }],
    traceLinks: [],
    status: 'published',
    featured: false,
    likes: 3,
    likedByMe: false,
    version: 1,
    createdAt: '2025-03-01T09:00:00.000Z',
    updatedAt: '2025-03-01T09:00:00.000Z',
    publishedAt: '2025-03-01T09:00:00.000Z',
    deleted: false,
    ...overrides,
  };
}

type Server = Awaited<ReturnType<typeof startFakeStoriesServer>>;

describe('TracingAdoptionStoriesCollatorFactory', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  /** Serves `pages` by offset, each page being a full `GET /stories` answer. */
  async function collate(
    pages: Record<number, FakeAnswer>,
    pageSize = 2,
  ): Promise<{
    documents: unknown[];
    error: unknown;
    requests: FakeRequest[];
  }> {
    await server?.close();
    server = await startFakeStoriesServer(
      ({ query }) =>
        pages[Number(query.get('offset'))] ?? {
          status: 500,
          body: { error: { name: 'Error', message: 'no such page' } },
        },
    );
    const { baseUrl } = server;
    const factory = TracingAdoptionStoriesCollatorFactory.create({
      auth: mockServices.auth({ pluginId: 'search' }),
      discovery: mockServices.discovery.mock({
        getBaseUrl: async pluginId => {
          expect(pluginId).toBe('tracing-adoption');
          return baseUrl;
        },
      }),
      pageSize,
    });
    const result = await TestPipeline.fromCollator(
      await factory.getCollator(),
    ).execute();
    return { ...result, requests: server.requests };
  }

  it('indexes every published story page by page with a service token for tracing-adoption', async () => {
    const { documents, error, requests } = await collate({
      0: {
        status: 200,
        body: { items: [story('s1'), story('s2')], totalCount: 3 },
      },
      2: {
        status: 200,
        body: {
          items: [
            story('s/3', {
              category: 'incident',
              team: 'group:default/team-payments',
              entityRefs: [],
              operations: [],
            }),
          ],
          totalCount: 3,
        },
      },
    });

    expect(error).toBeUndefined();
    expect(documents).toEqual([
      {
        title: 'Story s1',
        text: 'The trace of **s1** showed 40 sequential calls to `pricing`.',
        location: '/tracing-adoption/stories/s1',
        category: 'latency',
        team: 'group:default/team-cart-checkout',
        author: 'user:default/hannah-okafor',
        entityRefs: ['component:default/pricing'],
        operations: ['place-order'],
        publishedAt: '2025-03-01T09:00:00.000Z',
      },
      expect.objectContaining({ location: '/tracing-adoption/stories/s2' }),
      expect.objectContaining({
        title: 'Story s/3',
        location: '/tracing-adoption/stories/s%2F3',
        category: 'incident',
        team: 'group:default/team-payments',
        entityRefs: [],
      }),
    ]);

    expect(requests.map(r => [r.path, Object.fromEntries(r.query)])).toEqual([
      [
        '/api/tracing-adoption/stories',
        { status: 'published', order: 'newest', limit: '2', offset: '0' },
      ],
      [
        '/api/tracing-adoption/stories',
        { status: 'published', order: 'newest', limit: '2', offset: '2' },
      ],
    ]);
    const expectedAuthorization = mockCredentials.service.header({
      onBehalfOf: mockCredentials.service('plugin:search'),
      targetPluginId: 'tracing-adoption',
    });
    expect(requests.map(r => r.authorization)).toEqual([
      expectedAuthorization,
      expectedAuthorization,
    ]);
  });

  it('asks once when there are no stories', async () => {
    const { documents, error, requests } = await collate({
      0: { status: 200, body: { items: [], totalCount: 0 } },
    });
    expect(error).toBeUndefined();
    expect(documents).toEqual([]);
    expect(requests).toHaveLength(1);
  });

  it('never indexes drafts or deleted stories, and a story shifted onto the next page once', async () => {
    const { documents, error } = await collate({
      0: {
        status: 200,
        body: {
          items: [story('s1'), story('draft', { status: 'draft' })],
          totalCount: 4,
        },
      },
      2: {
        status: 200,
        body: {
          items: [story('s1'), story('gone', { deleted: true })],
          totalCount: 4,
        },
      },
    });
    expect(error).toBeUndefined();
    expect(documents).toEqual([
      expect.objectContaining({ location: '/tracing-adoption/stories/s1' }),
    ]);
  });

  it('fails naming the page when a page is malformed', async () => {
    const { documents, error } = await collate({
      0: { status: 200, body: { items: [story('s1'), story('s2')] } },
    });
    expect(documents).toEqual([]);
    expect(String(error)).toContain(
      'Malformed stories page at offset 0: totalCount: Required',
    );

    const notJson = await collate({
      0: { status: 200, body: { items: [story('s1')], totalCount: 3 } },
      1: { status: 200, body: '<html>proxy error</html>' },
    });
    expect(String(notJson.error)).toContain(
      'Malformed stories page at offset 1: not JSON',
    );
  });

  it('fails naming the story and page when a story is malformed', async () => {
    const { error } = await collate({
      0: {
        status: 200,
        body: { items: [story('s1'), story('s2')], totalCount: 4 },
      },
      2: {
        status: 200,
        body: {
          items: [story('s3', { title: undefined }), story('s4')],
          totalCount: 4,
        },
      },
    });
    expect(String(error)).toContain(
      'Malformed story s3 on the stories page at offset 2: title: Required',
    );

    const anonymous = await collate({
      0: { status: 200, body: { items: [story('s1'), 42], totalCount: 2 } },
    });
    expect(String(anonymous.error)).toContain(
      'Malformed story at index 1 on the stories page at offset 0: Expected object, received number',
    );
  });

  it('fails naming the page when the backend answers with an error', async () => {
    const { error } = await collate({
      0: {
        status: 200,
        body: { items: [story('s1'), story('s2')], totalCount: 3 },
      },
    });
    expect(String(error)).toContain(
      'Could not read the stories page at offset 2',
    );
    expect(String(error)).toContain('500');
  });
});
