import { createApiRef } from '@backstage/core-plugin-api';
import {
  Story,
  StoryInput,
  StoryLikes,
  StoryList,
  StoryListQuery,
  StoryUpdate,
} from '@internal/plugin-tracing-adoption-common';

/**
 * Reads and writes success stories in the Tracing Adoption backend.
 *
 * @public
 */
export interface StoriesApi {
  listStories(query?: StoryListQuery): Promise<StoryList>;
  getStory(id: string): Promise<Story>;
  createStory(input: StoryInput): Promise<Story>;
  /** Rejects with a 409 ResponseError when the story moved past `update.version`. */
  updateStory(id: string, update: StoryUpdate): Promise<Story>;
  deleteStory(id: string): Promise<void>;
  restoreStory(id: string): Promise<Story>;
  setFeatured(id: string, featured: boolean): Promise<Story>;
  setLiked(id: string, liked: boolean): Promise<StoryLikes>;
}

/** @public */
export const storiesApiRef = createApiRef<StoriesApi>({
  id: 'plugin.tracing-adoption.stories',
});
