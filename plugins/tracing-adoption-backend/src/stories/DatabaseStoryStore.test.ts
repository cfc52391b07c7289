import { mockServices } from '@backstage/backend-test-utils';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { createDatabaseStores } from '../database/createDatabaseStores';
import { DatabaseStoryStore } from './DatabaseStoryStore';
import { NewStory, StoryQuery } from './StoryStore';

const databases = createTestDatabases();

const hannah = 'user:default/hannah-okafor';
const lukas = 'user:default/lukas-berger';

function newStory(overrides: Partial<NewStory> = {}): NewStory {
  return {
    title: 'Pricing fan-out was most of checkout p99',
    body: 'The trace showed **40 sequential** calls to pricing.',
    category: 'latency',
    author: hannah,
    team: 'group:default/team-cart-checkout',
    entityRefs: ['component:default/pricing', 'component:default/checkout'],
    operations: ['place-order'],
    impact: [
      { label: 'checkout p99', before: 1800, after: 420, unit: 'ms' },
      { label: 'pricing calls per order', after: 1, unit: 'calls' },
    ],
    traceLinks: ['https://jaeger.example.com/trace/4bf92f3577b34da6'],
    status: 'published',
    ...overrides,
  };
}

function query(overrides: Partial<StoryQuery> = {}): StoryQuery {
  return {
    status: 'published',
    order: 'newest',
    deleted: false,
    limit: 20,
    offset: 0,
    ...overrides,
  };
}

describe.each(databases.eachSupportedId())(
  'DatabaseStoryStore on %p',
  databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      await createDatabaseStores(
        mockServices.database({ knex, migrations: { skip: false } }),
      );
      return new DatabaseStoryStore(knex);
    }

    it('returns every stored field exactly as written', async () => {
      const store = await createStore();
      const at = new Date('2026-11-20T09:30:00.000Z');
      const input = newStory({
        title: 'Ünïcödé 🚀 & <b>tags</b> stay as written',
        body: 'Line one\n\n```js\nconst x = "%_\\\\";\n```\n',
      });
      const created = await store.createStory(input, { at });

      expect(created).toEqual({
        id: expect.any(String),
        title: input.title,
        body: input.body,
        author: hannah,
        team: 'group:default/team-cart-checkout',
        category: 'latency',
        entityRefs: ['component:default/pricing', 'component:default/checkout'],
        operations: ['place-order'],
        impact: input.impact,
        traceLinks: input.traceLinks,
        status: 'published',
        featured: false,
        likes: 0,
        likedByMe: false,
        version: 1,
        createdAt: at.toISOString(),
        updatedAt: at.toISOString(),
        publishedAt: at.toISOString(),
        deleted: false,
      });
      expect(await store.getStory(created.id)).toEqual(created);
    });

    it('stores drafts without a publication time and with empty lists', async () => {
      const store = await createStore();
      const draft = await store.createStory({
        title: 'Half written',
        body: '',
        category: 'other',
        author: hannah,
        team: 'group:default/team-cart-checkout',
      });
      expect(draft).toMatchObject({
        status: 'draft',
        entityRefs: [],
        operations: [],
        impact: [],
        traceLinks: [],
      });
      expect(draft.publishedAt).toBeUndefined();
    });

    it('filters by category, team, operation, entity and author', async () => {
      const store = await createStore();
      const pricing = await store.createStory(newStory());
      const incident = await store.createStory(
        newStory({
          title: 'Payments 502s traced to the fraud-check timeout',
          category: 'incident',
          author: lukas,
          team: 'group:default/team-payments',
          entityRefs: ['component:default/fraud-check'],
          operations: ['place-order', 'sign-in'],
        }),
      );
      const titles = async (q: Partial<StoryQuery>) =>
        (await store.listStories(query(q))).items.map(s => s.id);

      expect(await titles({ category: 'incident' })).toEqual([incident.id]);
      expect(
        await titles({ team: 'group:default/team-cart-checkout' }),
      ).toEqual([pricing.id]);
      expect(await titles({ operation: 'sign-in' })).toEqual([incident.id]);
      expect(await titles({ entity: 'component:default/pricing' })).toEqual([
        pricing.id,
      ]);
      expect(await titles({ author: lukas })).toEqual([incident.id]);
      expect(await titles({ status: 'draft' })).toEqual([]);
    });

    it('searches title and body case-insensitively, all words, % and _ literally', async () => {
      const store = await createStore();
      const percent = await store.createStory(
        newStory({ title: 'Error rate fell 80% in ORDER events', body: 'a' }),
      );
      const underscore = await store.createStory(
        newStory({ title: 'flow_id replaced', body: 'Legacy FLOW id gone' }),
      );
      // matches `80%` and `flow_id` if % and _ were wildcards
      await store.createStory(
        newStory({ title: 'Unrelated', body: '80 x flowXid' }),
      );
      const ids = async (search: string) =>
        (await store.listStories(query({ search }))).items
          .map(s => s.id)
          .sort();

      expect(await ids('order EVENTS')).toEqual([percent.id]);
      expect(await ids('80%')).toEqual([percent.id]);
      expect(await ids('flow_id')).toEqual([underscore.id]);
      expect(await ids('flow id replaced')).toEqual([underscore.id]);
      expect(await ids('flow%id')).toEqual([]);
      expect(await ids('legacy flow')).toEqual([underscore.id]);
    });

    it('orders featured first, then newest or most liked, and pages', async () => {
      const store = await createStore();
      const old = await store.createStory(newStory({ title: 'old' }), {
        at: new Date('2026-10-01T00:00:00Z'),
      });
      const middle = await store.createStory(newStory({ title: 'middle' }), {
        at: new Date('2026-10-02T00:00:00Z'),
      });
      const recent = await store.createStory(newStory({ title: 'recent' }), {
        at: new Date('2026-10-03T00:00:00Z'),
      });
      await store.setFeatured(old.id, true);
      await store.setLiked(middle.id, hannah, true);
      await store.setLiked(middle.id, lukas, true);

      const newest = await store.listStories(query());
      expect(newest.items.map(s => s.title)).toEqual([
        'old',
        'recent',
        'middle',
      ]);
      expect(newest.totalCount).toBe(3);

      const liked = await store.listStories(query({ order: 'most-liked' }));
      expect(liked.items.map(s => s.title)).toEqual([
        'old',
        'middle',
        'recent',
      ]);

      const page = await store.listStories(query({ limit: 1, offset: 1 }));
      expect(page.items.map(s => s.id)).toEqual([recent.id]);
      expect(page.totalCount).toBe(3);
    });

    it('counts one like per user and tells each viewer whether they liked', async () => {
      const store = await createStore();
      const story = await store.createStory(newStory());
      expect(await store.setLiked(story.id, lukas, true)).toEqual({
        likes: 1,
        likedByMe: true,
      });
      expect(await store.setLiked(story.id, lukas, true)).toEqual({
        likes: 1,
        likedByMe: true,
      });
      await store.setLiked(story.id, hannah, true);
      expect(await store.setLiked(story.id, hannah, false)).toEqual({
        likes: 1,
        likedByMe: false,
      });
      expect(await store.setLiked(story.id, hannah, false)).toEqual({
        likes: 1,
        likedByMe: false,
      });
      expect((await store.getStory(story.id, lukas))?.likedByMe).toBe(true);
      expect((await store.getStory(story.id, hannah))?.likedByMe).toBe(false);
      await expect(store.setLiked('missing', lukas, true)).rejects.toThrow(
        NotFoundError,
      );
    });

    it('keeps concurrent likes of one story consistent', async () => {
      const store = await createStore();
      const story = await store.createStory(newStory());
      const users = Array.from({ length: 8 }, (_, i) => `user:default/u${i}`);
      await Promise.all(
        users.map(user => store.setLiked(story.id, user, true)),
      );
      expect((await store.getStory(story.id))?.likes).toBe(8);
    });

    it('edits at the expected version and refuses stale edits without losing anything', async () => {
      const store = await createStore();
      const story = await store.createStory(
        newStory({ status: 'draft', body: 'first draft' }),
      );
      const edited = await store.updateStory(story.id, {
        ...newStory({
          body: 'published text',
          entityRefs: ['component:default/orders'],
          operations: [],
        }),
        version: 1,
      });
      expect(edited).toMatchObject({
        version: 2,
        body: 'published text',
        status: 'published',
        entityRefs: ['component:default/orders'],
        operations: [],
      });
      expect(edited.publishedAt).toBeDefined();

      await expect(
        store.updateStory(story.id, {
          ...newStory({ body: 'stale edit' }),
          version: 1,
        }),
      ).rejects.toThrow(ConflictError);
      expect(await store.getStory(story.id)).toEqual(edited);

      const republished = await store.updateStory(story.id, {
        ...newStory({ body: 'third' }),
        version: 2,
      });
      expect(republished.publishedAt).toBe(edited.publishedAt);
    });

    it('soft-deletes and restores, hiding deleted stories from live lists', async () => {
      const store = await createStore();
      const story = await store.createStory(newStory());
      await store.setDeletedAt(story.id, new Date('2026-11-21T00:00:00Z'));

      expect((await store.listStories(query())).items).toEqual([]);
      const deleted = await store.listStories(
        query({ deleted: true, status: undefined }),
      );
      expect(deleted.items.map(s => [s.id, s.deleted, s.deletedAt])).toEqual([
        [story.id, true, '2026-11-21T00:00:00.000Z'],
      ]);
      await expect(
        store.updateStory(story.id, { ...newStory(), version: 1 }),
      ).rejects.toThrow(NotFoundError);
      await expect(store.setFeatured(story.id, true)).rejects.toThrow(
        NotFoundError,
      );

      await store.setDeletedAt(story.id, undefined);
      expect((await store.listStories(query())).items.map(s => s.id)).toEqual([
        story.id,
      ]);
    });

    it('finds imported stories by slug', async () => {
      const store = await createStore();
      const story = await store.createStory(newStory(), {
        slug: 'pricing-fan-out',
        featured: true,
      });
      expect(story.featured).toBe(true);
      expect(await store.getStoryIdBySlug('pricing-fan-out')).toBe(story.id);
      expect(await store.getStoryIdBySlug('other')).toBeUndefined();
    });
  },
);
