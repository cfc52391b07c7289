import { MockFetchApi } from '@backstage/test-utils';
import { TracingAdoptionClient } from './TracingAdoptionClient';

const discoveryApi = {
  getBaseUrl: async (pluginId: string) => `http://backend.test/api/${pluginId}`,
};

function clientAnswering(status: number, body?: unknown) {
  const calls: string[] = [];
  const requests: Array<{ method: string; url: string; body?: unknown }> = [];
  const fetchApi = new MockFetchApi({
    baseImplementation: async (
      input: RequestInfo | URL,
      init?: RequestInit,
    ) => {
      calls.push(String(input));
      requests.push({
        method: init?.method ?? 'GET',
        url: String(input),
        body: init?.body ? JSON.parse(String(init.body)) : undefined,
      });
      return new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      });
    },
  });
  return {
    client: new TracingAdoptionClient({ discoveryApi, fetchApi }),
    calls,
    requests,
  };
}

const base = 'http://backend.test/api/tracing-adoption';

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

  it('sends changes as JSON with the version they were made on', async () => {
    const { client, requests } = clientAnswering(200, {});
    await client.updateCriticalOperation('add to cart', {
      name: 'Add to cart',
      entry: { entryService: 'edge-gateway' },
      peakRequestsPerSecond: 120,
      tier: 2,
      ownerRef: 'group:default/team-cart',
      version: 4,
    });
    expect(requests).toEqual([
      {
        method: 'PUT',
        url: `${base}/critical-operations/add%20to%20cart`,
        body: {
          name: 'Add to cart',
          entry: { entryService: 'edge-gateway' },
          peakRequestsPerSecond: 120,
          tier: 2,
          ownerRef: 'group:default/team-cart',
          version: 4,
        },
      },
    ]);
  });

  it('removes with the version in the query and expects no body back', async () => {
    const { client, requests } = clientAnswering(204);
    await expect(
      client.deleteCriticalOperation('checkout', 3),
    ).resolves.toBeUndefined();
    await client.deleteCampaign('cyber-week', 1);
    await client.revokeWaiver('w-1');
    expect(requests.map(r => `${r.method} ${r.url}`)).toEqual([
      `DELETE ${base}/critical-operations/checkout?version=3`,
      `DELETE ${base}/campaigns/cyber-week?version=1`,
      `DELETE ${base}/waivers/w-1`,
    ]);
  });

  it('reads rollout views by their routes', async () => {
    const { client, calls } = clientAnswering(200, { items: [] });
    await client.getRolloutOverview();
    await client.listCriticalOperations({ tier: 1, maturity: 'crawl' });
    await client.listTeamRollouts({ blocking: true, limit: 50 });
    await client.getTeamRollout('group:default/team-payments');
    await client.getTeamRollout('team-cart');
    await client.listWorkshops({ team: 'group:default/team-cart' });
    expect(calls).toEqual([
      `${base}/rollout/overview`,
      `${base}/critical-operations?tier=1&maturity=crawl`,
      `${base}/rollout/teams?blocking=true&limit=50`,
      `${base}/rollout/teams/default/team-payments`,
      `${base}/rollout/teams/default/team-cart`,
      `${base}/workshops?team=group%3Adefault%2Fteam-cart`,
    ]);
  });

  it("rejects refused changes with the server's message and status", async () => {
    const { client } = clientAnswering(409, {
      error: {
        name: 'ConflictError',
        message:
          'Operation checkout is declared in the rollout definitions file',
      },
      request: { method: 'PUT', url: '/critical-operations/checkout' },
      response: { statusCode: 409 },
    });
    await expect(
      client.createWaiver({
        scope: { kind: 'rule', ruleId: 'http-route-required' },
        reason: 'r',
        approvedBy: 'user:default/a',
        expiresAt: '2099-01-01T00:00:00Z',
      }),
    ).rejects.toMatchObject({
      statusCode: 409,
      body: {
        error: {
          message:
            'Operation checkout is declared in the rollout definitions file',
        },
      },
    });
  });

  it('asks for capacity with the safety factor and the what-if rates as operationId:rps pairs', async () => {
    const { client, calls } = clientAnswering(200, {
      safetyFactor: 2,
      services: [],
      datastores: [],
      operations: [],
    });
    await client.getCapacity({
      safetyFactor: 2,
      whatIf: { checkout: 600, 'add-to-cart': 12.5 },
    });
    await client.getCapacity();
    expect(calls.map(decodeURIComponent)).toEqual([
      `${base}/capacity?safetyFactor=2&whatIf=checkout:600,add-to-cart:12.5`,
      `${base}/capacity`,
    ]);
  });

  it('downloads the capacity CSV with the same query', async () => {
    const fetchApi = new MockFetchApi({
      baseImplementation: async () =>
        new Response('service,kind\ncart,service\n', {
          headers: { 'content-type': 'text/csv' },
        }),
    });
    const fetch = jest.spyOn(fetchApi, 'fetch');
    const client = new TracingAdoptionClient({ discoveryApi, fetchApi });
    const csv = await client.downloadCapacityCsv({ whatIf: { checkout: 600 } });
    expect(await csv.text()).toBe('service,kind\ncart,service\n');
    expect(decodeURIComponent(String(fetch.mock.calls[0][0]))).toBe(
      `${base}/capacity.csv?whatIf=checkout:600`,
    );
  });

  it("reads an operation's health with the days asked for", async () => {
    const { client, calls } = clientAnswering(200, {
      operationId: 'checkout',
      history: [],
    });
    await client.getOperationHealth('checkout', { days: 7 });
    expect(calls).toEqual([
      `${base}/critical-operations/checkout/health?days=7`,
    ]);
  });
});
