/**
 * What a success story is about.
 *
 * @public
 */
export type StoryCategory =
  | 'latency'
  | 'errors'
  | 'incident'
  | 'cost'
  | 'other';

/** @public */
export const STORY_CATEGORIES: readonly StoryCategory[] = [
  'latency',
  'errors',
  'incident',
  'cost',
  'other',
];

/**
 * Drafts are seen by their author only; published stories by everyone.
 *
 * @public
 */
export type StoryStatus = 'draft' | 'published';

/** @public */
export const STORY_STATUSES: readonly StoryStatus[] = ['draft', 'published'];

/**
 * How a story list is ordered; featured stories always come first.
 *
 * @public
 */
export type StoryOrder = 'newest' | 'most-liked';

/**
 * One measured effect of tracing, e.g. p99 latency before and after a fix.
 *
 * @public
 */
export interface ImpactFigure {
  /** What was measured, e.g. `checkout p99`. */
  label: string;
  before?: number;
  after?: number;
  /** e.g. `ms`, `minutes to resolve`, `EUR per month`. */
  unit: string;
}

/**
 * What an author writes; the server adds author, times, likes and version.
 *
 * @public
 */
export interface StoryInput {
  title: string;
  /** Markdown. */
  body: string;
  category: StoryCategory;
  /** Group entity ref; defaults to the author's first group on creation. */
  team?: string;
  /** Full lowercase entity refs, e.g. `component:default/pricing`. */
  entityRefs?: string[];
  /** Keys of critical user operations, e.g. `place-order`. */
  operations?: string[];
  impact?: ImpactFigure[];
  /** http(s) links to example traces. */
  traceLinks?: string[];
  /** Defaults to `draft`. */
  status?: StoryStatus;
}

/**
 * An edit: the new content and the version it was made on.
 *
 * @public
 */
export interface StoryUpdate extends StoryInput {
  version: number;
}

/**
 * A success story as the API returns it.
 *
 * @public
 */
export interface Story {
  id: string;
  title: string;
  body: string;
  /** User entity ref of the author. */
  author: string;
  /** Group entity ref. */
  team: string;
  category: StoryCategory;
  entityRefs: string[];
  operations: string[];
  impact: ImpactFigure[];
  traceLinks: string[];
  status: StoryStatus;
  featured: boolean;
  likes: number;
  likedByMe: boolean;
  /** Starts at 1 and grows with every edit; an edit must carry it. */
  version: number;
  createdAt: string;
  updatedAt: string;
  /** When the story was first published. */
  publishedAt?: string;
  deleted: boolean;
  deletedAt?: string;
}

/**
 * Filters and paging of a story list.
 *
 * @public
 */
export interface StoryListQuery {
  category?: StoryCategory;
  team?: string;
  operation?: string;
  entity?: string;
  /** `published` (default) or `draft` (the caller's own drafts). */
  status?: StoryStatus;
  /** Words that must all appear in the title or body, case-insensitively. */
  search?: string;
  order?: StoryOrder;
  /** Soft-deleted stories instead of live ones; needs the restore permission. */
  deleted?: boolean;
  limit?: number;
  offset?: number;
}

/** @public */
export interface StoryList {
  items: Story[];
  /** Stories matching the filters, across all pages. */
  totalCount: number;
}

/**
 * The likes of a story after a like or unlike.
 *
 * @public
 */
export interface StoryLikes {
  likes: number;
  likedByMe: boolean;
}
