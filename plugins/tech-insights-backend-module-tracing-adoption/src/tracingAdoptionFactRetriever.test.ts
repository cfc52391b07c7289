import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  FakeAnswer,
  startFakeTracingAdoptionServer,
} from './__testUtils__/fakeTracingAdoptionServer';
import { tracingAdoptionFactRetriever } from './tracingAdoptionFactRetriever';

function facts(entityRef: string, overrides: object = {}) {
  return {
    entityRef,
    tracerPresent: true,
    propagatesContext: true,
    complianceScore: 83.3,
    worstOperationMaturity: 'crawl',
    operationsServed: 1,
    blockingOperations: 0,
    ...overrides,
  };
}

type Server = Awaited<ReturnType<typeof startFakeTracingAdoptionServer>>;

describe('tracingAdoptionFactRetriever', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function retrieve(answer: FakeAnswer) {
    server = await startFakeTracingAdoptionServer(() => answer);
    const { baseUrl } = server;
    return tracingAdoptionFactRetriever.handler({
      config: mockServices.rootConfig(),
      logger: mockServices.logger.mock(),
      urlReader: mockServices.urlReader.mock(),
      auth: mockServices.auth({ pluginId: 'tech-insights' }),
      discovery: mockServices.discovery.mock({
        getBaseUrl: async pluginId => {
          expect(pluginId).toBe('tracing-adoption');
          return baseUrl;
        },
      }),
    });
  }

  it('declares its facts for components and groups', () => {
    expect(tracingAdoptionFactRetriever.id).toBe(
      'tracingAdoptionFactRetriever',
    );
    expect(tracingAdoptionFactRetriever.entityFilter).toEqual([
      { kind: ['component', 'group'] },
    ]);
    expect(
      Object.fromEntries(
        Object.entries(tracingAdoptionFactRetriever.schema).map(
          ([name, fact]) => [name, fact.type],
        ),
      ),
    ).toEqual({
      tracerPresent: 'boolean',
      propagatesContext: 'boolean',
      complianceScore: 'float',
      worstOperationMaturity: 'string',
      operationsServed: 'integer',
      blockingOperations: 'integer',
    });
  });

  it('turns every entity’s record into its facts, read with a service token', async () => {
    const result = await retrieve({
      status: 200,
      body: {
        evaluatedAt: '2026-11-20T09:30:00.000Z',
        items: [
          facts('component:default/payments'),
          facts('component:shop/currency', {
            tracerPresent: false,
            propagatesContext: false,
            complianceScore: null,
            blockingOperations: 1,
          }),
          facts('group:default/team-idle', {
            complianceScore: null,
            worstOperationMaturity: undefined,
            operationsServed: 0,
          }),
        ],
      },
    });
    expect(result).toEqual([
      {
        entity: { kind: 'component', namespace: 'default', name: 'payments' },
        facts: {
          tracerPresent: true,
          propagatesContext: true,
          complianceScore: 83.3,
          worstOperationMaturity: 'crawl',
          operationsServed: 1,
          blockingOperations: 0,
        },
      },
      {
        entity: { kind: 'component', namespace: 'shop', name: 'currency' },
        facts: {
          tracerPresent: false,
          propagatesContext: false,
          worstOperationMaturity: 'crawl',
          operationsServed: 1,
          blockingOperations: 1,
        },
      },
      {
        entity: { kind: 'group', namespace: 'default', name: 'team-idle' },
        facts: {
          tracerPresent: true,
          propagatesContext: true,
          operationsServed: 0,
          blockingOperations: 0,
        },
      },
    ]);
    expect(server!.requests).toEqual([
      {
        path: '/api/tracing-adoption/entity-facts',
        authorization: mockCredentials.service.header({
          onBehalfOf: mockCredentials.service('plugin:tech-insights'),
          targetPluginId: 'tracing-adoption',
        }),
      },
    ]);
  });

  it('has no facts before the first evaluation', async () => {
    expect(await retrieve({ status: 200, body: { items: [] } })).toEqual([]);
  });

  it('fails naming the entity and field of a malformed record', async () => {
    await expect(
      retrieve({
        status: 200,
        body: {
          items: [
            facts('component:default/payments'),
            facts('component:default/cart', {
              operationsServed: 1.5,
              worstOperationMaturity: 'sprint',
            }),
          ],
        },
      }),
    ).rejects.toThrow(
      "Malformed facts of component:default/cart from tracing-adoption: worstOperationMaturity: Invalid enum value. Expected 'none' | 'crawl' | 'walk' | 'run', received 'sprint'; operationsServed: Expected integer, received float",
    );
    await expect(
      retrieve({ status: 200, body: { items: [facts(':nope')] } }),
    ).rejects.toThrow(
      'Malformed facts of :nope from tracing-adoption: entityRef: not an entity ref',
    );
    await expect(
      retrieve({ status: 200, body: { items: [42] } }),
    ).rejects.toThrow(
      'Malformed facts at index 0 from tracing-adoption: Expected object, received number',
    );
  });

  it('fails when the answer is not a list of facts or an error', async () => {
    await expect(
      retrieve({ status: 200, body: { facts: [] } }),
    ).rejects.toThrow(
      'Malformed entity facts from tracing-adoption: items: Required',
    );
    await expect(
      retrieve({ status: 200, body: '<html>proxy error</html>' }),
    ).rejects.toThrow('Malformed entity facts from tracing-adoption: not JSON');
    await expect(
      retrieve({
        status: 401,
        body: { error: { name: 'AuthenticationError', message: 'no token' } },
      }),
    ).rejects.toThrow(/Could not read entity facts from tracing-adoption.*401/);
  });
});
