import { MockFetchApi } from '@backstage/test-utils';
import { StoriesClient } from './StoriesClient';

const discoveryApi = {
  getBaseUrl: async (pluginId: string) => `http://backend.test/api/${pluginId}`,
};

function clientAnswering(status: number, body?: unknown) {
  const calls: Array<{ url: string; method?: string; body?: unknown }> = [];
  const fetchApi = new MockFetchApi({
    baseImplementation: async (
      input: RequestInfo | URL,
      init?: RequestInit,
    ) => {
      calls.push({
        url: String(input),
        method: init?.method,
        body: init?.body ? JSON.parse(String(init.body)) : undefined,
      });
      return new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      });
    },
  });
  return { client: new StoriesClient({ discoveryApi, fetchApi }), calls };
}

describe('StoriesClient', () => {
  it('passes only the given filters', async () => {
    const { client, calls } = clientAnswering(200, {
      items: [],
      totalCount: 0,
    });
    await client.listStories({
      entity: 'component:default/pricing',
      search: '',
      order: 'most-liked',
      limit: 5,
    });
    expect(calls[0].url).toBe(
      'http://backend.test/api/tracing-adoption/stories?entity=component%3Adefault%2Fpricing&order=most-liked&limit=5',
    );
  });

  it('sends edits as JSON with their version', async () => {
    const { client, calls } = clientAnswering(200, { id: 'a/b' });
    await client.updateStory('a/b', {
      title: 't',
      body: 'b',
      category: 'cost',
      version: 4,
    });
    expect(calls).toEqual([
      {
        url: 'http://backend.test/api/tracing-adoption/stories/a%2Fb',
        method: 'PUT',
        body: { title: 't', body: 'b', category: 'cost', version: 4 },
      },
    ]);
  });

  it('likes with PUT, unlikes with DELETE and deletes without a body', async () => {
    const { client, calls } = clientAnswering(204);
    await client.deleteStory('s1');
    await client.setLiked('s1', true);
    await client.setLiked('s1', false);
    expect(calls.map(call => `${call.method} ${call.url}`)).toEqual([
      'DELETE http://backend.test/api/tracing-adoption/stories/s1',
      'PUT http://backend.test/api/tracing-adoption/stories/s1/like',
      'DELETE http://backend.test/api/tracing-adoption/stories/s1/like',
    ]);
  });

  it('turns a version conflict into a ResponseError carrying the message', async () => {
    const { client } = clientAnswering(409, {
      error: { name: 'ConflictError', message: 'it is at version 3' },
      request: { method: 'PUT', url: '/stories/s1' },
      response: { statusCode: 409 },
    });
    await expect(
      client.updateStory('s1', {
        title: 't',
        body: 'b',
        category: 'cost',
        version: 2,
      }),
    ).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 409,
      body: { error: { message: 'it is at version 3' } },
    });
  });
});
