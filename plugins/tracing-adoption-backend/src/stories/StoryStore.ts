import {
  Story,
  StoryCategory,
  StoryInput,
  StoryLikes,
  StoryList,
  StoryOrder,
  StoryStatus,
} from '@internal/plugin-tracing-adoption-common';

/**
 * A story as it is written: its author and team are settled by the caller.
 *
 * @public
 */
export interface NewStory extends StoryInput {
  author: string;
  team: string;
}

/**
 * Filters of a story list, already resolved against the caller: which
 * statuses and authors they may see is decided before the store is asked.
 *
 * @public
 */
export interface StoryQuery {
  category?: StoryCategory;
  team?: string;
  operation?: string;
  entity?: string;
  /** Both statuses when absent. */
  status?: StoryStatus;
  author?: string;
  search?: string;
  order: StoryOrder;
  /** Only soft-deleted stories instead of only live ones. */
  deleted: boolean;
  limit: number;
  offset: number;
}

/**
 * Persistence of success stories and their likes.
 *
 * Every read takes the user the answer is for (if any), to tell whether they
 * liked each story.
 *
 * @public
 */
export interface StoryStore {
  /**
   * Stores a new story at version 1. `slug` gives imported stories a stable
   * key; `at` backdates them.
   */
  createStory(
    story: NewStory,
    options?: { slug?: string; at?: Date; featured?: boolean },
  ): Promise<Story>;

  /** Live and soft-deleted stories alike; undefined when there is none. */
  getStory(id: string, viewer?: string): Promise<Story | undefined>;

  getStoryIdBySlug(slug: string): Promise<string | undefined>;

  listStories(query: StoryQuery, viewer?: string): Promise<StoryList>;

  /**
   * Replaces a live story's content if it is still at `update.version`.
   * Throws NotFoundError for a missing or deleted story and ConflictError
   * when someone else edited it first, leaving the stored story untouched.
   */
  updateStory(
    id: string,
    update: NewStory & { version: number },
    viewer?: string,
  ): Promise<Story>;

  /** Throws NotFoundError for a missing or deleted story. */
  setFeatured(id: string, featured: boolean): Promise<void>;

  /** Soft-deletes (`at` given) or restores (`undefined`) a story. */
  setDeletedAt(id: string, at: Date | undefined): Promise<void>;

  /** Likes or unlikes a story for one user; repeating either changes nothing. */
  setLiked(id: string, userRef: string, liked: boolean): Promise<StoryLikes>;
}
