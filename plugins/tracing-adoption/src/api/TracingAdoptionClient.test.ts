import { MockFetchApi } from '@backstage/test-utils';
import { TracingAdoptionClient } from './TracingAdoptionClient';

const discoveryApi = {
  getBaseUrl: async (pluginId: string) => `http://backend.test/api/${pluginId}`,
};

function clientAnswering(status: number, body: unknown) {
  const calls: string[] = [];
  const fetchApi = new MockFetchApi({
    baseImplementation: async (input: RequestInfo | URL) => {
      calls.push(String(input));
      return new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      });
    },
  });
  return {
    client: new TracingAdoptionClient({ discoveryApi, fetchApi }),
    calls,
  };
}

describe('TracingAdoptionClient', () => {
  it('passes only the given filters to the backend', async () => {
    const { client, calls } = clientAnswering(200, {
      items: [],
      totalCount: 0,
    });
    await client.listServices({
      search: 'cart & co',
      limit: 25,
      offset: 50,
      owner: '',
    });
    expect(calls).toEqual([
      'http://backend.test/api/tracing-adoption/services?search=cart+%26+co&limit=25&offset=50',
    ]);
  });

  it('turns backend errors into a ResponseError carrying the message', async () => {
    const { client } = clientAnswering(400, {
      error: { name: 'InputError', message: 'limit must be <= 1000' },
      request: { method: 'GET', url: '/services' },
      response: { statusCode: 400 },
    });
    await expect(client.listTeams()).rejects.toMatchObject({
      name: 'ResponseError',
      body: { error: { message: 'limit must be <= 1000' } },
    });
  });
});
