import {
  LoggerService,
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  ServiceMock,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  Story,
  storyCreatePermission,
} from '@internal/plugin-tracing-adoption-common';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import express from 'express';
import request from 'supertest';
import { createDatabaseStores } from '../database/createDatabaseStores';
import { createOpenApiRouter } from '../schema/openapi/generated';
import { DatabaseStoryStore } from './DatabaseStoryStore';
import {
  STORY_REQUEST_BODY_LIMIT,
  registerStoryRoutes,
} from './registerStoryRoutes';
import { StoryPublishNotifier } from './storyNotifications';

const author = 'user:default/hannah-okafor';
const colleague = 'user:default/lukas-berger';
const admin = 'user:default/jonas-lindqvist';

/** Records the stories it is asked to announce; fails while `failure` is set. */
class RecordingNotifier implements StoryPublishNotifier {
  readonly published: Array<{ storyId: string; publisher: string }> = [];
  failure?: Error;

  async storyPublished(story: Story, publisher: string): Promise<void> {
    this.published.push({ storyId: story.id, publisher });
    if (this.failure) {
      throw this.failure;
    }
  }
}

/** Stands in for plugin.ts, which wires the same routes into the real plugin. */
function storiesTestPlugin(notifier: StoryPublishNotifier) {
  return createBackendPlugin({
    pluginId: 'tracing-adoption',
    register(env) {
      env.registerInit({
        deps: {
          database: coreServices.database,
          httpAuth: coreServices.httpAuth,
          httpRouter: coreServices.httpRouter,
          userInfo: coreServices.userInfo,
          permissions: coreServices.permissions,
          logger: coreServices.logger,
        },
        async init({ database, httpRouter, ...services }) {
          await createDatabaseStores(database);
          const router = await createOpenApiRouter({
            middleware: [express.json({ limit: STORY_REQUEST_BODY_LIMIT })],
          });
          registerStoryRoutes(router, {
            store: new DatabaseStoryStore(await database.getClient()),
            appBaseUrl: 'https://backstage.example.com/',
            notifier,
            ...services,
          });
          httpRouter.use(router);
        },
      });
    },
  });
}

/** Everyone may write stories; only the admin may do anything else. */
const permissions = mockServices.permissions.mock({
  authorize: async (requests, { credentials }) => {
    const principal = credentials.principal as {
      type: string;
      userEntityRef?: string;
    };
    const user =
      principal.type === 'user' ? principal.userEntityRef : undefined;
    return requests.map(({ permission }) => ({
      result:
        user === admin || permission.name === storyCreatePermission.name
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
    }));
  },
});

const userInfo = mockServices.userInfo.mock({
  getUserInfo: async credentials => {
    const userEntityRef = (credentials.principal as { userEntityRef: string })
      .userEntityRef;
    return {
      userEntityRef,
      ownershipEntityRefs:
        userEntityRef === author
          ? [userEntityRef, 'group:default/team-cart-checkout']
          : [userEntityRef],
    };
  },
});

async function startBackend() {
  const notifier = new RecordingNotifier();
  const logger = mockServices.logger.mock();
  const { server } = await startTestBackend({
    features: [
      storiesTestPlugin(notifier),
      logger.factory,
      permissions.factory,
      userInfo.factory,
    ],
  });
  return { server, notifier, logger };
}

type Server = Awaited<ReturnType<typeof startBackend>>['server'];

const base = '/api/tracing-adoption';

function as(server: Server, user: string) {
  const header = mockCredentials.user.header(user);
  return {
    get: (path: string) =>
      request(server).get(`${base}${path}`).set('authorization', header),
    post: (path: string, body?: object) =>
      request(server)
        .post(`${base}${path}`)
        .set('authorization', header)
        .send(body),
    put: (path: string, body?: object) =>
      request(server)
        .put(`${base}${path}`)
        .set('authorization', header)
        .send(body),
    delete: (path: string) =>
      request(server).delete(`${base}${path}`).set('authorization', header),
  };
}

const storyInput = {
  title: 'Pricing fan-out was most of checkout p99',
  body: 'The trace showed **40 sequential** calls to `pricing`.',
  category: 'latency',
  entityRefs: ['component:default/pricing', 'component:default/checkout'],
  operations: ['place-order'],
  impact: [{ label: 'checkout p99', before: 1800, after: 420, unit: 'ms' }],
  traceLinks: ['https://jaeger.example.com/trace/4bf92f3577b34da6'],
  status: 'published',
};

async function createStory(
  server: Server,
  overrides: object = {},
  user = author,
): Promise<Story> {
  const response = await as(server, user).post('/stories', {
    ...storyInput,
    ...overrides,
  });
  expect(response.status).toBe(201);
  return response.body;
}

describe('registerStoryRoutes', () => {
  let server: Server;
  let notifier: RecordingNotifier;
  let logger: ServiceMock<LoggerService>;
  beforeEach(async () => {
    ({ server, notifier, logger } = await startBackend());
  });

  it('creates a story as the signed-in user, in their team, and returns it exactly', async () => {
    const story = await createStory(server);
    expect(story).toEqual({
      ...storyInput,
      id: expect.any(String),
      author,
      team: 'group:default/team-cart-checkout',
      featured: false,
      likes: 0,
      likedByMe: false,
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      publishedAt: expect.any(String),
      deleted: false,
    });
    const read = await as(server, colleague).get(`/stories/${story.id}`);
    expect(read.body).toEqual(story);
  });

  it('accepts the longest body in the widest characters', async () => {
    const body = '€'.repeat(50_000);
    const story = await createStory(server, { body });
    expect(story.body).toBe(body);
  });

  it('refuses requests without credentials', async () => {
    const response = await request(server)
      .get(`${base}/stories`)
      .set('authorization', mockCredentials.none.header());
    expect(response.status).toBe(401);
  });

  it('answers 400 naming each invalid field', async () => {
    const cases: Array<[object, string]> = [
      [{ title: 'x'.repeat(201) }, 'title must be at most 200 characters'],
      [{ title: '  ' }, 'title must not be blank'],
      [{ body: 'x'.repeat(50_001) }, 'body must be at most 50000 characters'],
      [
        { entityRefs: ['component:default/pricing', 'Pricing'] },
        'entityRefs[1] must be a full lowercase entity ref',
      ],
      [
        { entityRefs: ['component:default/a', 'component:default/a'] },
        'entityRefs[1] repeats component:default/a',
      ],
      [
        {
          entityRefs: Array.from(
            { length: 21 },
            (_, i) => `component:default/c${i}`,
          ),
        },
        'entityRefs must have at most 20 entries',
      ],
      [
        { operations: Array.from({ length: 21 }, (_, i) => `op-${i}`) },
        'operations must have at most 20 entries',
      ],
      [
        { traceLinks: ['javascript:alert(1)'] },
        'traceLinks[0] must be an absolute http or https URL',
      ],
      [
        { impact: [{ label: 'p99', unit: 'ms' }] },
        'impact[0] needs a before or an after value',
      ],
      [
        {
          impact: Array.from({ length: 11 }, () => ({
            label: 'p99',
            after: 1,
            unit: 'ms',
          })),
        },
        'impact must have at most 10 entries',
      ],
      [
        { team: 'user:default/hannah-okafor' },
        'team must be a group entity ref',
      ],
      [{ body: '', status: 'published' }, 'body must not be blank'],
      [{ color: 'red' }, 'color is not a known story field'],
      [{ category: 'vanity' }, 'request/body/category'],
    ];
    for (const [overrides, message] of cases) {
      const response = await as(server, author).post('/stories', {
        ...storyInput,
        ...overrides,
      });
      expect({ overrides, status: response.status }).toEqual({
        overrides,
        status: 400,
      });
      expect(response.body.error.message).toContain(message);
    }
    const teamless = await as(server, colleague).post('/stories', storyInput);
    expect(teamless.status).toBe(400);
    expect(teamless.body.error.message).toContain('team is required');
  });

  it('shows drafts to their author only', async () => {
    const draft = await createStory(server, { status: 'draft', body: '' });
    expect(
      (await as(server, colleague).get(`/stories/${draft.id}`)).status,
    ).toBe(404);
    const mine = await as(server, author).get('/stories?status=draft');
    expect(mine.body.items.map((s: Story) => s.id)).toEqual([draft.id]);
    const theirs = await as(server, colleague).get('/stories?status=draft');
    expect(theirs.body).toEqual({ items: [], totalCount: 0 });
    expect((await as(server, colleague).get('/stories')).body.totalCount).toBe(
      0,
    );
  });

  it('filters, searches and pages the list', async () => {
    const latency = await createStory(server);
    const incident = await createStory(server, {
      title: 'Payments 502 source visible in one trace',
      category: 'incident',
      entityRefs: ['component:default/payments'],
    });
    const ids = async (query: string) =>
      (await as(server, colleague).get(`/stories?${query}`)).body.items.map(
        (s: Story) => s.id,
      );
    expect(await ids('category=incident')).toEqual([incident.id]);
    expect(await ids('entity=component%3Adefault%2Fpricing')).toEqual([
      latency.id,
    ]);
    expect(await ids('search=502%20SOURCE')).toEqual([incident.id]);
    expect(await ids('operation=place-order&limit=1&offset=1')).toHaveLength(1);
    const invalid = await as(server, colleague).get('/stories?limit=1000');
    expect(invalid.status).toBe(400);
  });

  it('lets the author edit, refuses stale versions with 409 and keeps the story', async () => {
    const story = await createStory(server);
    const edit = await as(server, author).put(`/stories/${story.id}`, {
      ...storyInput,
      body: 'Rewritten with the numbers from the load test.',
      version: 1,
    });
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({
      version: 2,
      team: story.team,
      body: 'Rewritten with the numbers from the load test.',
    });

    const stale = await as(server, admin).put(`/stories/${story.id}`, {
      ...storyInput,
      body: 'An edit made on version 1',
      version: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toContain('version 2');
    expect((await as(server, author).get(`/stories/${story.id}`)).body).toEqual(
      edit.body,
    );

    const missingVersion = await as(server, author).put(
      `/stories/${story.id}`,
      storyInput,
    );
    expect(missingVersion.status).toBe(400);
    expect(missingVersion.body.error.message).toContain('version');
  });

  it("needs the update permission to edit another author's story", async () => {
    const story = await createStory(server);
    const edit = { ...storyInput, title: 'Better title', version: 1 };
    const denied = await as(server, colleague).put(
      `/stories/${story.id}`,
      edit,
    );
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain(
      'tracing-adoption.story.update',
    );
    const allowed = await as(server, admin).put(`/stories/${story.id}`, edit);
    expect(allowed.status).toBe(200);
    expect(allowed.body).toMatchObject({ author, title: 'Better title' });
  });

  it('counts one like per user however often they like', async () => {
    const story = await createStory(server);
    const like = () => as(server, colleague).put(`/stories/${story.id}/like`);
    expect((await like()).body).toEqual({ likes: 1, likedByMe: true });
    expect((await like()).body).toEqual({ likes: 1, likedByMe: true });
    const unlike = () =>
      as(server, colleague).delete(`/stories/${story.id}/like`);
    expect((await unlike()).body).toEqual({ likes: 0, likedByMe: false });
    expect((await unlike()).body).toEqual({ likes: 0, likedByMe: false });

    const draft = await createStory(server, { status: 'draft' });
    expect(
      (await as(server, author).put(`/stories/${draft.id}/like`)).status,
    ).toBe(409);
  });

  it('features stories for holders of the feature permission only, pinning them first', async () => {
    const first = await createStory(server, { title: 'first' });
    await createStory(server, { title: 'second' });
    const denied = await as(server, author).put(
      `/stories/${first.id}/featured`,
      { featured: true },
    );
    expect(denied.status).toBe(403);

    const featured = await as(server, admin).put(
      `/stories/${first.id}/featured`,
      { featured: true },
    );
    expect(featured.status).toBe(200);
    expect(featured.body.featured).toBe(true);
    const list = await as(server, colleague).get('/stories');
    expect(list.body.items.map((s: Story) => s.title)).toEqual([
      'first',
      'second',
    ]);
  });

  it('soft-deletes for holders of the delete permission and lets admins restore', async () => {
    const story = await createStory(server);
    expect(
      (await as(server, author).delete(`/stories/${story.id}`)).status,
    ).toBe(403);
    expect(
      (await as(server, admin).delete(`/stories/${story.id}`)).status,
    ).toBe(204);
    expect((await as(server, author).get(`/stories/${story.id}`)).status).toBe(
      404,
    );
    expect((await as(server, author).get('/stories?deleted=true')).status).toBe(
      403,
    );

    const deleted = await as(server, admin).get('/stories?deleted=true');
    expect(deleted.body.items.map((s: Story) => [s.id, s.deleted])).toEqual([
      [story.id, true],
    ]);
    expect(
      (await as(server, author).post(`/stories/${story.id}/restore`)).status,
    ).toBe(403);
    const restored = await as(server, admin).post(
      `/stories/${story.id}/restore`,
    );
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ id: story.id, deleted: false });
    expect((await as(server, author).get(`/stories/${story.id}`)).body).toEqual(
      { ...story, version: 1 },
    );
  });

  it('serves published stories as well-formed Atom with every text escaped', async () => {
    const hostile = await createStory(server, {
      title: '<script>alert("t")</script> & ]]> done',
      body: 'A ]]> B ]]> <img src=x onerror="alert(1)"> & &amp;',
      traceLinks: ['https://jaeger.example.com/search?service=a&limit=20'],
    });
    await createStory(server, { title: 'Unpublished', status: 'draft' });

    const response = await request(server)
      .get(`${base}/stories/feed.atom`)
      .set('authorization', mockCredentials.service.header());
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('application/atom+xml');
    const xml = response.text;
    expect(XMLValidator.validate(xml)).toBe(true);

    const { feed } = new XMLParser({
      ignoreAttributes: false,
      processEntities: true,
      isArray: name => name === 'entry',
    }).parse(xml);
    expect(feed.entry).toHaveLength(1);
    const [entry] = feed.entry;
    // type="html": the reader decodes this HTML and shows the markup as text
    expect(entry.title['#text']).toBe(
      '&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt; &amp; ]]&gt; done',
    );
    expect(entry.content['#text']).toContain(
      'A ]]&gt; B ]]&gt; &lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &amp;amp;',
    );
    expect(entry.content['#text']).toContain(
      'href="https://jaeger.example.com/search?service=a&amp;limit=20"',
    );
    expect(entry.link['@_href']).toBe(
      `https://backstage.example.com/tracing-adoption/stories/${hostile.id}`,
    );
    expect(entry.author.name).toBe(author);

    const anonymous = await request(server)
      .get(`${base}/stories/feed.atom`)
      .set('authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);
  });
  it('announces a story created as published, naming its author as publisher', async () => {
    const story = await createStory(server);
    await createStory(server, { status: 'draft' });
    expect(notifier.published).toEqual([
      { storyId: story.id, publisher: author },
    ]);
  });

  it('announces a draft once it is published, and not the edits before or after', async () => {
    const draft = await createStory(server, { status: 'draft' });
    const edit = (version: number, status: string, user = author) =>
      as(server, user).put(`/stories/${draft.id}`, {
        ...storyInput,
        title: `Version ${version + 1}`,
        status,
        version,
      });
    expect((await edit(1, 'draft')).status).toBe(200);
    expect(notifier.published).toEqual([]);

    expect((await edit(2, 'published')).status).toBe(200);
    expect(notifier.published).toEqual([
      { storyId: draft.id, publisher: author },
    ]);

    expect((await edit(3, 'published', admin)).status).toBe(200);
    expect(notifier.published).toHaveLength(1);
  });

  it('saves and answers as usual when the announcement fails, logging a warning naming the story', async () => {
    notifier.failure = new Error('notifications backend unreachable');
    const story = await createStory(server);
    const draft = await createStory(server, { status: 'draft' });
    const published = await as(server, author).put(`/stories/${draft.id}`, {
      ...storyInput,
      version: 1,
    });
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
    expect(notifier.published.map(p => p.storyId)).toEqual([
      story.id,
      draft.id,
    ]);

    const warnings = logger.warn.mock.calls.map(([message]) => message);
    expect(warnings).toEqual([
      expect.stringContaining(`story ${story.id}`),
      expect.stringContaining(`story ${draft.id}`),
    ]);
    expect(warnings[0]).toContain('notifications backend unreachable');
    expect(
      (await as(server, colleague).get('/stories')).body.items.map(
        (s: Story) => s.id,
      ),
    ).toEqual(expect.arrayContaining([story.id, draft.id]));
  });
});
