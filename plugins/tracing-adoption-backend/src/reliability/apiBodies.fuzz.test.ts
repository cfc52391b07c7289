import { InputError } from '@backstage/errors';
import fc from 'fast-check';
import {
  bodyMutations,
  hostileValue,
  isPlainObject,
  mutateBody,
  validCampaign,
  validOperation,
  validStory,
  validWaiver,
  validWorkshop,
} from '../__testUtils__/apiBodyArbitraries';
import {
  PluginClient,
  startPluginTestBackend,
} from '../__testUtils__/pluginTestBackend';
import {
  parseCampaignInput,
  parseCampaignUpdate,
  parseOperationInput,
  parseOperationUpdate,
  parseWaiverInput,
  parseWorkshopInput,
  parseWorkshopUpdate,
} from '../rollout/rolloutValidation';
import { parseStoryInput, parseStoryUpdate } from '../stories/storyValidation';

/**
 * Cases per parser; a tenth of them, at least 10, go through HTTP per route,
 * where a case costs milliseconds instead of microseconds. `npm run fuzz`
 * runs 10 000 (or FUZZ_RUNS) and prints the figures.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const HTTP_RUNS = Math.max(10, Math.round(RUNS / 10));

type Body = Record<string, unknown>;

const FIELDS = {
  operation: [
    'id',
    'name',
    'description',
    'entry',
    'peakRequestsPerSecond',
    'tier',
    'ownerRef',
    'campaignId',
    'declaredParticipants',
    'objectives',
    'version',
  ],
  campaign: [
    'id',
    'name',
    'description',
    'startDate',
    'deadline',
    'targetMaturity',
    'version',
  ],
  workshop: ['date', 'topic', 'teamRefs', 'notes', 'version'],
  waiver: ['scope', 'reason', 'approvedBy', 'expiresAt'],
  story: [
    'title',
    'body',
    'category',
    'team',
    'entityRefs',
    'operations',
    'impact',
    'traceLinks',
    'status',
    'version',
  ],
};
type Subject = keyof typeof FIELDS;

/**
 * Whether a refusal says which field is wrong (or that the body as a whole
 * is): the parsers start every problem with its field, the OpenAPI
 * validator names the path under request/body or the missing property.
 */
function namesAFieldOrTheBody(
  message: string,
  body: unknown,
  subject: Subject,
): boolean {
  const names = [
    ...FIELDS[subject],
    ...(isPlainObject(body) ? Object.keys(body) : []),
  ];
  const startsWithName = (text: string) =>
    names.some(
      name =>
        text.startsWith(name) && /^($|[ .[,])/.test(text.slice(name.length)),
    );
  const parser = /^Invalid ([a-z]+): ([\s\S]*)$/.exec(message);
  if (parser) {
    return (
      parser[1] === subject &&
      (startsWithName(parser[2]) ||
        (!isPlainObject(body) && /^(must be|is required)/.test(parser[2])))
    );
  }
  const path = /^request\/body\/([^/\s]+)/.exec(message);
  if (path) {
    return names.includes(path[1]);
  }
  const required = /^request\/body must have required property '([^']+)'/.exec(
    message,
  );
  if (required) {
    return names.includes(required[1]);
  }
  return /^(request\/body must be object|Request body )/.test(message);
}

/** Arbitrary JSON, objects of the subject's fields, and mutated valid bodies. */
function fuzzedBodies(subject: Subject, valid: fc.Arbitrary<Body>) {
  return fc.oneof(
    { weight: 2, arbitrary: valid },
    {
      weight: 5,
      arbitrary: fc
        .tuple(valid, bodyMutations)
        .map(([body, mutations]) => mutateBody(body, mutations)),
    },
    {
      weight: 1,
      arbitrary: fc.dictionary(
        fc.constantFrom(...FIELDS[subject]),
        hostileValue,
      ),
    },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
  );
}

/** An edit: the fields but the id, and the version it was made on. */
const withVersion = (valid: fc.Arbitrary<Body>) =>
  fc
    .tuple(valid, fc.integer({ min: 1, max: 1_000_000 }))
    .map(([{ id, ...fields }, version]) => ({ ...fields, version }));

const PARSERS: Array<
  [string, Subject, (value: unknown) => unknown, fc.Arbitrary<Body>]
> = [
  [
    'parseOperationInput',
    'operation',
    parseOperationInput,
    validOperation(['cyber-week']),
  ],
  [
    'parseOperationUpdate',
    'operation',
    parseOperationUpdate,
    withVersion(validOperation(['cyber-week'])),
  ],
  ['parseCampaignInput', 'campaign', parseCampaignInput, validCampaign],
  [
    'parseCampaignUpdate',
    'campaign',
    parseCampaignUpdate,
    withVersion(validCampaign),
  ],
  ['parseWorkshopInput', 'workshop', parseWorkshopInput, validWorkshop],
  [
    'parseWorkshopUpdate',
    'workshop',
    parseWorkshopUpdate,
    withVersion(validWorkshop),
  ],
  ['parseWaiverInput', 'waiver', parseWaiverInput, validWaiver(['checkout'])],
  ['parseStoryInput', 'story', parseStoryInput, validStory],
  ['parseStoryUpdate', 'story', parseStoryUpdate, withVersion(validStory)],
];

/** What a parser makes of a body: its value, or the InputError's message. */
function parsed(
  parse: (value: unknown) => unknown,
  body: unknown,
): { value: unknown } | { refusal: string } {
  try {
    return { value: parse(body) };
  } catch (error) {
    if (!(error instanceof InputError)) {
      throw error;
    }
    return { refusal: error.message };
  }
}

const figures: Record<
  string,
  { cases: number; accepted: number; refused: number; ms: number }
> = {};

function record(name: string, outcome: 'accepted' | 'refused') {
  figures[name] ??= { cases: 0, accepted: 0, refused: 0, ms: 0 };
  figures[name].cases += 1;
  figures[name][outcome] += 1;
}

afterAll(() => {
  if (process.env.FUZZ_RUNS) {
    // the long run is read for its figures
    console.log(JSON.stringify(figures, null, 2));
  }
});

describe('validation of fuzzed API bodies', () => {
  it.each(PARSERS)(
    '%s accepts every valid body',
    (_name, _subject, parse, valid) => {
      fc.assert(
        fc.property(valid, body => {
          expect(parse(body)).toEqual(body);
        }),
        { numRuns: Math.min(RUNS, 100) },
      );
    },
  );

  it.each(PARSERS)(
    '%s refuses every other body with an InputError naming a field',
    (name, subject, parse, valid) => {
      const started = Date.now();
      fc.assert(
        fc.property(fuzzedBodies(subject, valid), body => {
          const outcome = parsed(parse, body);
          if ('refusal' in outcome) {
            record(name, 'refused');
            expect({
              message: outcome.refusal,
              names: namesAFieldOrTheBody(outcome.refusal, body, subject),
            }).toEqual({ message: outcome.refusal, names: true });
          } else {
            record(name, 'accepted');
            expect(parse(outcome.value)).toEqual(outcome.value);
          }
        }),
        { numRuns: RUNS },
      );
      figures[name].ms = Date.now() - started;
    },
    30_000 + RUNS * 10,
  );
});

const PM = 'user:default/rollout-pm';

type Expected = { status: number; message?: RegExp };

interface RouteUnderFuzz {
  route: string;
  subject: Subject;
  parse: (value: unknown) => any;
  /** A valid body for the route as things stand (versions, ids). */
  valid: () => fc.Arbitrary<Body>;
  send: (api: PluginClient, body: string) => Promise<any>;
  /** Answer to a body the parser accepts, from what is stored. */
  expect: (value: any) => Expected;
  /** Records an accepted body and checks what the route stored. */
  accepted: (value: any, response: any) => void;
  /** The stored state a refusal must leave as it was. */
  stored?: (api: PluginClient) => Promise<unknown>;
}

describe('fuzzed API bodies through the routes', () => {
  let api: PluginClient;
  const operations = new Set(['checkout']);
  const campaigns = new Set(['cyber-week']);
  const versions = { operation: 1, campaign: 1, workshop: 1, story: 1 };
  const created = {
    operations: 1,
    campaigns: 1,
    workshops: 1,
    waivers: 0,
    stories: 1,
  };
  const targets = { workshop: '', story: '' };

  beforeAll(async () => {
    const backend = await startPluginTestBackend({ allow: () => true });
    api = backend.as(PM);
    const seeded = await Promise.all([
      api.post('/campaigns', {
        id: 'cyber-week',
        name: 'Cyber Week',
        startDate: '2026-01-01',
        deadline: '2099-11-27',
        targetMaturity: 'walk',
      }),
      api.post('/workshops', {
        date: '2026-10-01',
        topic: 'Tracing 101',
        teamRefs: ['group:default/team-checkout'],
      }),
      api.post('/stories', {
        title: 'Pricing fan-out',
        body: 'Found in one trace.',
        category: 'latency',
      }),
    ]);
    const operation = await api.post('/critical-operations', {
      id: 'checkout',
      name: 'Checkout',
      entry: { entryService: 'edge-gateway' },
      peakRequestsPerSecond: 300,
      tier: 1,
      ownerRef: 'group:default/team-checkout',
      campaignId: 'cyber-week',
    });
    expect([...seeded, operation].map(r => r.status)).toEqual([
      201, 201, 201, 201,
    ]);
    targets.workshop = seeded[1].body.id;
    targets.story = seeded[2].body.id;
  });

  const json = (call: any, body: string) =>
    call.set('content-type', 'application/json').send(body);
  /** A stale version about as often as the current one. */
  const version = (current: number) =>
    fc.constantFrom(current, current + 1, Math.max(1, current - 1));

  const ROUTES: RouteUnderFuzz[] = [
    {
      route: 'POST /critical-operations',
      subject: 'operation',
      parse: parseOperationInput,
      valid: () => validOperation([...campaigns, 'no-such-campaign']),
      send: (client, body) => json(client.post('/critical-operations'), body),
      expect: value => {
        if (value.campaignId && !campaigns.has(value.campaignId)) {
          return { status: 400, message: /^Invalid operation: campaignId / };
        }
        return operations.has(value.id)
          ? { status: 409, message: /^Operation \S+ already exists$/ }
          : { status: 201 };
      },
      accepted: (value, response) => {
        operations.add(value.id);
        created.operations += 1;
        expect(response.body.operation).toMatchObject(value);
      },
    },
    {
      route: 'PUT /critical-operations/{operationId}',
      subject: 'operation',
      parse: parseOperationUpdate,
      valid: () =>
        fc
          .tuple(
            validOperation([...campaigns, 'no-such-campaign']),
            version(versions.operation),
          )
          .map(([{ id, ...fields }, v]) => ({ ...fields, version: v })),
      send: (client, body) =>
        json(client.put('/critical-operations/checkout'), body),
      expect: value => {
        if (value.campaignId && !campaigns.has(value.campaignId)) {
          return { status: 400, message: /^Invalid operation: campaignId / };
        }
        return value.version === versions.operation
          ? { status: 200 }
          : { status: 409, message: /is at version \d+/ };
      },
      accepted: ({ version: v, ...value }, response) => {
        versions.operation += 1;
        expect(response.body.operation).toMatchObject({
          ...value,
          version: v + 1,
        });
      },
      stored: async client =>
        (await client.get('/critical-operations/checkout')).body.operation,
    },
    {
      route: 'POST /campaigns',
      subject: 'campaign',
      parse: parseCampaignInput,
      valid: () => validCampaign,
      send: (client, body) => json(client.post('/campaigns'), body),
      expect: value =>
        campaigns.has(value.id)
          ? { status: 409, message: /^Campaign \S+ already exists$/ }
          : { status: 201 },
      accepted: (value, response) => {
        campaigns.add(value.id);
        created.campaigns += 1;
        expect(response.body.campaign).toMatchObject(value);
      },
    },
    {
      route: 'PUT /campaigns/{campaignId}',
      subject: 'campaign',
      parse: parseCampaignUpdate,
      valid: () =>
        fc
          .tuple(validCampaign, version(versions.campaign))
          .map(([{ id, ...fields }, v]) => ({ ...fields, version: v })),
      send: (client, body) => json(client.put('/campaigns/cyber-week'), body),
      expect: value =>
        value.version === versions.campaign
          ? { status: 200 }
          : { status: 409, message: /is at version \d+/ },
      accepted: ({ version: v, ...value }, response) => {
        versions.campaign += 1;
        expect(response.body.campaign).toMatchObject({
          ...value,
          version: v + 1,
        });
      },
      stored: async client =>
        (await client.get('/campaigns/cyber-week')).body.campaign,
    },
    {
      route: 'POST /workshops',
      subject: 'workshop',
      parse: parseWorkshopInput,
      valid: () => validWorkshop,
      send: (client, body) => json(client.post('/workshops'), body),
      expect: () => ({ status: 201 }),
      accepted: (value, response) => {
        created.workshops += 1;
        expect(response.body).toMatchObject(value);
      },
    },
    {
      route: 'PUT /workshops/{workshopId}',
      subject: 'workshop',
      parse: parseWorkshopUpdate,
      valid: () =>
        fc
          .tuple(validWorkshop, version(versions.workshop))
          .map(([fields, v]) => ({ ...fields, version: v })),
      send: (client, body) =>
        json(client.put(`/workshops/${targets.workshop}`), body),
      expect: value =>
        value.version === versions.workshop
          ? { status: 200 }
          : { status: 409, message: /is at version \d+/ },
      accepted: ({ version: v, ...value }, response) => {
        versions.workshop += 1;
        expect(response.body).toMatchObject({ ...value, version: v + 1 });
      },
      stored: async client =>
        (await client.get('/workshops')).body.items.find(
          (w: { id: string }) => w.id === targets.workshop,
        ),
    },
    {
      route: 'POST /waivers',
      subject: 'waiver',
      parse: parseWaiverInput,
      valid: () => validWaiver([...operations, 'no-such-operation']),
      send: (client, body) => json(client.post('/waivers'), body),
      expect: value => {
        if (Date.parse(value.expiresAt) <= Date.now()) {
          return { status: 400, message: /^Invalid waiver: expiresAt / };
        }
        return value.scope.kind === 'service' &&
          value.scope.operationId &&
          !operations.has(value.scope.operationId)
          ? { status: 400, message: /^Invalid waiver: scope\.operationId / }
          : { status: 201 };
      },
      accepted: (value, response) => {
        created.waivers += 1;
        expect(response.body).toMatchObject(value);
      },
    },
    {
      route: 'POST /stories',
      subject: 'story',
      parse: parseStoryInput,
      valid: () => validStory,
      send: (client, body) => json(client.post('/stories'), body),
      expect: () => ({ status: 201 }),
      accepted: (value, response) => {
        created.stories += 1;
        expect(response.body).toMatchObject(value);
      },
    },
    {
      route: 'PUT /stories/{storyId}',
      subject: 'story',
      parse: parseStoryUpdate,
      valid: () =>
        fc
          .tuple(validStory, version(versions.story))
          .map(([fields, v]) => ({ ...fields, version: v })),
      send: (client, body) =>
        json(client.put(`/stories/${targets.story}`), body),
      expect: value =>
        value.version === versions.story
          ? { status: 200 }
          : { status: 409, message: /is at version \d+/ },
      accepted: ({ version: v, ...value }, response) => {
        versions.story += 1;
        expect(response.body).toMatchObject({ ...value, version: v + 1 });
      },
      stored: async client =>
        (await client.get(`/stories/${targets.story}`)).body,
    },
  ];

  it.each(ROUTES.map(route => [route.route, route] as const))(
    '%s answers 2xx for valid bodies, a 4xx naming the field otherwise, never 5xx',
    async (_name, route) => {
      const started = Date.now();
      // what the route stored, read again only after a change was accepted
      let snapshot: unknown;
      await fc.assert(
        fc.asyncProperty(
          // a thunk, so that valid bodies follow the stored versions and ids
          fc
            .constant(null)
            .chain(() => fuzzedBodies(route.subject, route.valid())),
          async body => {
            const text = JSON.stringify(body) ?? 'null';
            const sent = JSON.parse(text);
            const outcome = parsed(route.parse, sent);
            const expected: Expected =
              'refusal' in outcome
                ? { status: 400 }
                : route.expect(outcome.value);
            if (route.stored && snapshot === undefined) {
              snapshot = await route.stored(api);
            }
            const response = await route.send(api, text);
            expect({
              status: response.status,
              body: response.body,
            }).toMatchObject({
              status: expected.status,
              body:
                expected.status < 300
                  ? expect.anything()
                  : {
                      error: {
                        name: expect.any(String),
                        message: expect.stringMatching(expected.message ?? /./),
                      },
                      response: { statusCode: expected.status },
                    },
            });
            const message: string | undefined = response.body.error?.message;
            if (expected.status === 400) {
              expect({
                message,
                names: namesAFieldOrTheBody(message!, sent, route.subject),
              }).toEqual({ message, names: true });
            }
            if ('value' in outcome && expected.status < 300) {
              record(route.route, 'accepted');
              snapshot = undefined;
              route.accepted(outcome.value, response);
            } else {
              record(route.route, 'refused');
              if (route.stored) {
                expect(await route.stored(api)).toEqual(snapshot);
              }
            }
          },
        ),
        // shrinking would replay cases on what the failed run left stored
        { numRuns: HTTP_RUNS, endOnFailure: true },
      );
      figures[route.route].ms = Date.now() - started;
    },
    30_000 + HTTP_RUNS * 300,
  );

  it('stores exactly the accepted bodies', async () => {
    const [ops, camps, workshops, waivers, published, drafts] =
      await Promise.all([
        api.get('/critical-operations'),
        api.get('/campaigns'),
        api.get('/workshops'),
        api.get('/waivers'),
        api.get('/stories?limit=100'),
        api.get('/stories?status=draft&limit=100'),
      ]);
    expect({
      operations: ops.body.totalCount,
      campaigns: camps.body.items.length,
      workshops: workshops.body.items.length,
      waivers: waivers.body.items.length,
      stories: published.body.totalCount + drafts.body.totalCount,
    }).toEqual(created);
  });
});
