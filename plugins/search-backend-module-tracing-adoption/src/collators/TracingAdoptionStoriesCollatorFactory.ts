import { Readable } from 'node:stream';
import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ForwardedError, ResponseError } from '@backstage/errors';
import {
  DocumentCollatorFactory,
  IndexableDocument,
} from '@backstage/plugin-search-common';
import { STORY_LIMITS } from '@internal/plugin-tracing-adoption-common';
import { z } from 'zod';

/**
 * The search document type of published success stories.
 *
 * @public
 */
export const TRACING_ADOPTION_STORY_DOCUMENT_TYPE = 'tracing-adoption-story';

/**
 * A published success story as it is indexed; `text` is its Markdown body.
 *
 * @public
 */
export interface TracingAdoptionStoryDocument extends IndexableDocument {
  category: string;
  /** Group entity ref. */
  team: string;
  /** User entity ref. */
  author: string;
  entityRefs: string[];
  /** Keys of the critical user operations the story mentions. */
  operations: string[];
  publishedAt?: string;
}

/** @public */
export interface TracingAdoptionStoriesCollatorFactoryOptions {
  auth: AuthService;
  discovery: DiscoveryService;
  /** Stories asked for per request; the API allows at most 100. */
  pageSize?: number;
}

/** Where the frontend shows a story, relative to the app's base URL. */
const STORY_APP_PATH = '/tracing-adoption/stories';

const storySchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  body: z.string(),
  author: z.string(),
  team: z.string(),
  // Not the enum: a category the backend learns later should still be indexed.
  category: z.string(),
  entityRefs: z.array(z.string()),
  operations: z.array(z.string()),
  status: z.enum(['draft', 'published']),
  deleted: z.boolean(),
  publishedAt: z.string().optional(),
});

const pageSchema = z.object({
  items: z.array(z.unknown()),
  totalCount: z.number().int().nonnegative(),
});

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map(issue =>
      issue.path.length > 0
        ? `${issue.path.join('.')}: ${issue.message}`
        : issue.message,
    )
    .join('; ');
}

function storyName(item: unknown, index: number): string {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? `story ${id}` : `story at index ${index}`;
}

/**
 * Collates the published success stories of Tracing Adoption for Backstage
 * search, reading them page by page from the tracing-adoption backend's
 * `GET /stories` with a service token.
 *
 * @public
 */
export class TracingAdoptionStoriesCollatorFactory
  implements DocumentCollatorFactory
{
  readonly type = TRACING_ADOPTION_STORY_DOCUMENT_TYPE;

  static create(
    options: TracingAdoptionStoriesCollatorFactoryOptions,
  ): TracingAdoptionStoriesCollatorFactory {
    return new TracingAdoptionStoriesCollatorFactory(
      options.auth,
      options.discovery,
      Math.min(
        options.pageSize ?? STORY_LIMITS.pageSizeMax,
        STORY_LIMITS.pageSizeMax,
      ),
    );
  }

  private constructor(
    private readonly auth: AuthService,
    private readonly discovery: DiscoveryService,
    private readonly pageSize: number,
  ) {}

  async getCollator(): Promise<Readable> {
    return Readable.from(this.execute());
  }

  private async *execute(): AsyncGenerator<TracingAdoptionStoryDocument> {
    const baseUrl = await this.discovery.getBaseUrl('tracing-adoption');
    // Stories published while paging shift the pages; one that appears on two
    // pages is indexed once.
    const seen = new Set<string>();
    let offset = 0;
    for (;;) {
      const { items, totalCount } = await this.readPage(baseUrl, offset);
      for (const [index, item] of items.entries()) {
        const parsed = storySchema.safeParse(item);
        if (!parsed.success) {
          throw new Error(
            `Malformed ${storyName(
              item,
              index,
            )} on the stories page at offset ${offset}: ${describeIssues(
              parsed.error,
            )}`,
          );
        }
        const story = parsed.data;
        // The API lists published live stories only; drafts and deleted
        // stories must never reach the index, whatever it answers.
        if (
          story.status === 'published' &&
          !story.deleted &&
          !seen.has(story.id)
        ) {
          seen.add(story.id);
          yield {
            title: story.title,
            text: story.body,
            location: `${STORY_APP_PATH}/${encodeURIComponent(story.id)}`,
            category: story.category,
            team: story.team,
            author: story.author,
            entityRefs: story.entityRefs,
            operations: story.operations,
            publishedAt: story.publishedAt,
          };
        }
      }
      offset += items.length;
      if (items.length === 0 || offset >= totalCount) {
        return;
      }
    }
  }

  private async readPage(baseUrl: string, offset: number) {
    const query = new URLSearchParams({
      status: 'published',
      order: 'newest',
      limit: String(this.pageSize),
      offset: String(offset),
    });
    const { token } = await this.auth.getPluginRequestToken({
      onBehalfOf: await this.auth.getOwnServiceCredentials(),
      targetPluginId: 'tracing-adoption',
    });
    const response = await fetch(`${baseUrl}/stories?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!response.ok) {
      throw new ForwardedError(
        `Could not read the stories page at offset ${offset}`,
        await ResponseError.fromResponse(response),
      );
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      throw new ForwardedError(
        `Malformed stories page at offset ${offset}: not JSON`,
        error,
      );
    }
    const page = pageSchema.safeParse(body);
    if (!page.success) {
      throw new Error(
        `Malformed stories page at offset ${offset}: ${describeIssues(
          page.error,
        )}`,
      );
    }
    return page.data;
  }
}
