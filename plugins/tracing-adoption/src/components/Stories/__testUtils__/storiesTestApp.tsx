import { identityApiRef } from '@backstage/core-plugin-api';
import { mockApis } from '@backstage/test-utils';
import {
  Story,
  StoryLikes,
  StoryList,
  StoryListQuery,
} from '@internal/plugin-tracing-adoption-common';
import { ReactElement } from 'react';
import { StoriesApi, storiesApiRef } from '../../../api/StoriesApi';
import { fakeTracingAdoptionApi } from '../../../__testUtils__/fakeApi';
import { renderWithApis } from '../../../__testUtils__/renderWithApis';

export const author = 'user:default/hannah-okafor';

export function story(overrides: Partial<Story> = {}): Story {
  return {
    id: 's1',
    title: 'Checkout p99 was mostly pricing fan-out',
    body: 'The trace showed **14 sequential** pricing calls.',
    author,
    team: 'group:default/team-cart-checkout',
    category: 'latency',
    entityRefs: ['component:default/pricing'],
    operations: ['place-order'],
    impact: [
      { label: 'place order p99', before: 2400, after: 610, unit: 'ms' },
    ],
    traceLinks: ['https://jaeger.example.com/trace/7a3c'],
    status: 'published',
    featured: false,
    likes: 2,
    likedByMe: false,
    version: 1,
    createdAt: '2026-10-06T08:30:00.000Z',
    updatedAt: '2026-10-06T08:30:00.000Z',
    publishedAt: '2026-10-06T08:30:00.000Z',
    deleted: false,
    ...overrides,
  };
}

/**
 * A StoriesApi whose methods are jest mocks over a fixed list; tests
 * override single methods to answer errors.
 */
export function fakeStoriesApi(stories: Story[] = [story()]) {
  const likes = new Map(stories.map(s => [s.id, { ...s }]));
  const api: jest.Mocked<StoriesApi> = {
    listStories: jest.fn(
      async (_query?: StoryListQuery): Promise<StoryList> => ({
        items: stories,
        totalCount: stories.length,
      }),
    ),
    getStory: jest.fn(async (id: string) => {
      const found = stories.find(s => s.id === id);
      if (!found) {
        throw new Error(`No story with id ${id}`);
      }
      return found;
    }),
    createStory: jest.fn(async input => story({ ...input, id: 'created' })),
    updateStory: jest.fn(async (id, update) =>
      story({ ...update, id, version: update.version + 1 }),
    ),
    deleteStory: jest.fn(async (_id: string) => {}),
    restoreStory: jest.fn(async id => story({ id })),
    setFeatured: jest.fn(async (id, featured) => story({ id, featured })),
    setLiked: jest.fn(async (id, liked): Promise<StoryLikes> => {
      const current = likes.get(id)!;
      if (current.likedByMe !== liked) {
        current.likes += liked ? 1 : -1;
        current.likedByMe = liked;
      }
      return { likes: current.likes, likedByMe: current.likedByMe };
    }),
  };
  return api;
}

/** Renders with the stories APIs, a signed-in user and a permission policy. */
export async function renderWithStoriesApis(
  element: ReactElement,
  options: {
    api: StoriesApi;
    routeEntries?: string[];
    userRef?: string;
    allowedPermissions?: string[];
  },
) {
  return renderWithApis(element, {
    api: fakeTracingAdoptionApi({}).api,
    routeEntries: options.routeEntries,
    allowedPermissions: options.allowedPermissions,
    apis: [
      [storiesApiRef, options.api],
      [
        identityApiRef,
        mockApis.identity({ userEntityRef: options.userRef ?? author }),
      ],
    ],
  });
}
