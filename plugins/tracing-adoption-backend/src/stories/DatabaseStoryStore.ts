import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  ImpactFigure,
  Story,
  StoryCategory,
  StoryLikes,
  StoryList,
  StoryStatus,
} from '@internal/plugin-tracing-adoption-common';
import { Knex } from 'knex';
import { optionalIsoString, toIsoString } from '../database/util';
import { NewStory, StoryQuery, StoryStore } from './StoryStore';

type TimestampValue = Date | string | number;

type StoryRow = {
  id: string;
  slug: string | null;
  title: string;
  body: string;
  search_text: string;
  author_ref: string;
  team_ref: string;
  category: StoryCategory;
  impact: string;
  trace_links: string;
  status: StoryStatus;
  featured: boolean | number;
  likes: number | string;
  version: number | string;
  created_at: TimestampValue;
  updated_at: TimestampValue;
  published_at: TimestampValue | null;
  deleted_at: TimestampValue | null;
};

/** Columns written from what the author sends, on creation and on edits. */
function contentColumns(story: NewStory) {
  return {
    title: story.title,
    body: story.body,
    search_text: `${story.title}\n${story.body}`.toLowerCase(),
    author_ref: story.author,
    team_ref: story.team,
    category: story.category,
    impact: JSON.stringify(story.impact ?? []),
    trace_links: JSON.stringify(story.traceLinks ?? []),
    status: story.status ?? 'draft',
  };
}

/** A LIKE pattern matching `text` literally anywhere; `\` is the escape character. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, match => `\\${match}`)}%`;
}

/** Knex-backed story storage, on SQLite or PostgreSQL. */
export class DatabaseStoryStore implements StoryStore {
  constructor(private readonly db: Knex) {}

  async createStory(
    story: NewStory,
    options: { slug?: string; at?: Date; featured?: boolean } = {},
  ): Promise<Story> {
    const id = randomUUID();
    const at = options.at ?? new Date();
    await this.db.transaction(async tx => {
      await tx('stories').insert({
        id,
        slug: options.slug ?? null,
        ...contentColumns(story),
        featured: options.featured ?? false,
        likes: 0,
        version: 1,
        created_at: at,
        updated_at: at,
        published_at: story.status === 'published' ? at : null,
        deleted_at: null,
      });
      await this.writeLinks(tx, id, story);
    });
    return (await this.getStory(id))!;
  }

  async getStory(id: string, viewer?: string): Promise<Story | undefined> {
    const row: StoryRow | undefined = await this.db('stories')
      .where({ id })
      .first();
    if (!row) {
      return undefined;
    }
    const [story] = await this.toStories([row], viewer);
    return story;
  }

  async getStoryIdBySlug(slug: string): Promise<string | undefined> {
    const row = await this.db('stories').select('id').where({ slug }).first();
    return row?.id;
  }

  async listStories(query: StoryQuery, viewer?: string): Promise<StoryList> {
    const filtered = this.db<StoryRow>('stories').where(builder => {
      if (query.status) {
        builder.where('status', query.status);
      }
      if (query.deleted) {
        builder.whereNotNull('deleted_at');
      } else {
        builder.whereNull('deleted_at');
      }
      if (query.category) {
        builder.where('category', query.category);
      }
      if (query.team) {
        builder.where('team_ref', query.team);
      }
      if (query.author) {
        builder.where('author_ref', query.author);
      }
      if (query.entity) {
        builder.whereExists(
          this.db('story_entities')
            .whereRaw('story_entities.story_id = stories.id')
            .where('entity_ref', query.entity),
        );
      }
      if (query.operation) {
        builder.whereExists(
          this.db('story_operations')
            .whereRaw('story_operations.story_id = stories.id')
            .where('operation_key', query.operation),
        );
      }
      for (const term of (query.search ?? '').toLowerCase().split(/\s+/)) {
        if (term) {
          builder.whereRaw(`search_text LIKE ? ESCAPE '\\'`, [
            containsPattern(term),
          ]);
        }
      }
    });

    const [{ count }] = await filtered.clone().count({ count: '*' });

    let newestFirst: string;
    if (query.deleted) {
      newestFirst = 'deleted_at';
    } else if (query.status === 'published') {
      newestFirst = 'published_at';
    } else {
      newestFirst = 'updated_at';
    }
    const ordered = filtered.orderBy('featured', 'desc');
    if (query.order === 'most-liked') {
      ordered.orderBy('likes', 'desc');
    }
    const rows: StoryRow[] = await ordered
      .orderBy(newestFirst, 'desc')
      .orderBy('id', 'asc')
      .limit(query.limit)
      .offset(query.offset);

    return {
      items: await this.toStories(rows, viewer),
      totalCount: Number(count),
    };
  }

  async updateStory(
    id: string,
    update: NewStory & { version: number },
    viewer?: string,
  ): Promise<Story> {
    const at = new Date();
    await this.db.transaction(async tx => {
      const changed = await tx('stories')
        .where({ id, version: update.version })
        .whereNull('deleted_at')
        .update({
          ...contentColumns(update),
          version: update.version + 1,
          updated_at: at,
          ...(update.status === 'published'
            ? { published_at: tx.raw('COALESCE(published_at, ?)', [at]) }
            : {}),
        });
      if (changed === 0) {
        const current = await tx('stories')
          .select('version', 'deleted_at')
          .where({ id })
          .first();
        if (!current || current.deleted_at !== null) {
          throw new NotFoundError(`No story with id ${id}`);
        }
        throw new ConflictError(
          `Story ${id} was edited by someone else: it is at version ${current.version}, ` +
            `your edit was made on version ${update.version}. Reload the story and apply your changes again.`,
        );
      }
      await tx('story_entities').where({ story_id: id }).delete();
      await tx('story_operations').where({ story_id: id }).delete();
      await this.writeLinks(tx, id, update);
    });
    return (await this.getStory(id, viewer))!;
  }

  async setFeatured(id: string, featured: boolean): Promise<void> {
    const changed = await this.db('stories')
      .where({ id })
      .whereNull('deleted_at')
      .update({ featured });
    if (changed === 0) {
      throw new NotFoundError(`No story with id ${id}`);
    }
  }

  async setDeletedAt(id: string, at: Date | undefined): Promise<void> {
    const changed = await this.db('stories')
      .where({ id })
      .update({ deleted_at: at ?? null });
    if (changed === 0) {
      throw new NotFoundError(`No story with id ${id}`);
    }
  }

  async setLiked(
    id: string,
    userRef: string,
    liked: boolean,
  ): Promise<StoryLikes> {
    return this.db.transaction(async tx => {
      // Locking the story first serialises concurrent likes of one story on
      // PostgreSQL, so the count written below is never based on a stale read.
      const story = await tx('stories')
        .select('id')
        .where({ id })
        .forUpdate()
        .first();
      if (!story) {
        throw new NotFoundError(`No story with id ${id}`);
      }
      if (liked) {
        await tx('story_likes')
          .insert({ story_id: id, user_ref: userRef, created_at: new Date() })
          .onConflict(['story_id', 'user_ref'])
          .ignore();
      } else {
        await tx('story_likes')
          .where({ story_id: id, user_ref: userRef })
          .delete();
      }
      const [{ count }] = await tx('story_likes')
        .where({ story_id: id })
        .count({ count: '*' });
      await tx('stories')
        .where({ id })
        .update({ likes: Number(count) });
      return { likes: Number(count), likedByMe: liked };
    });
  }

  private async writeLinks(tx: Knex.Transaction, id: string, story: NewStory) {
    const entityRows = (story.entityRefs ?? []).map((entityRef, position) => ({
      story_id: id,
      position,
      entity_ref: entityRef,
    }));
    if (entityRows.length > 0) {
      await tx('story_entities').insert(entityRows);
    }
    const operationRows = (story.operations ?? []).map(
      (operationKey, position) => ({
        story_id: id,
        position,
        operation_key: operationKey,
      }),
    );
    if (operationRows.length > 0) {
      await tx('story_operations').insert(operationRows);
    }
  }

  /** Adds each story's entities, operations and whether `viewer` liked it. */
  private async toStories(rows: StoryRow[], viewer?: string): Promise<Story[]> {
    const ids = rows.map(row => row.id);
    if (ids.length === 0) {
      return [];
    }
    const [entityRows, operationRows, likedRows] = await Promise.all([
      this.db('story_entities')
        .select('story_id', 'entity_ref')
        .whereIn('story_id', ids)
        .orderBy('position'),
      this.db('story_operations')
        .select('story_id', 'operation_key')
        .whereIn('story_id', ids)
        .orderBy('position'),
      viewer
        ? this.db('story_likes')
            .select('story_id')
            .whereIn('story_id', ids)
            .where({ user_ref: viewer })
        : Promise.resolve([]),
    ]);
    const entityRefs = groupBy(entityRows, 'entity_ref');
    const operations = groupBy(operationRows, 'operation_key');
    const liked = new Set(likedRows.map(row => row.story_id as string));

    return rows.map(row => ({
      id: row.id,
      title: row.title,
      body: row.body,
      author: row.author_ref,
      team: row.team_ref,
      category: row.category,
      entityRefs: entityRefs.get(row.id) ?? [],
      operations: operations.get(row.id) ?? [],
      impact: JSON.parse(row.impact) as ImpactFigure[],
      traceLinks: JSON.parse(row.trace_links) as string[],
      status: row.status,
      featured: Boolean(row.featured),
      likes: Number(row.likes),
      likedByMe: liked.has(row.id),
      version: Number(row.version),
      createdAt: toIsoString(row.created_at),
      updatedAt: toIsoString(row.updated_at),
      publishedAt: optionalIsoString(row.published_at),
      deleted: row.deleted_at !== null,
      deletedAt: optionalIsoString(row.deleted_at),
    }));
  }
}

function groupBy(
  rows: Array<Record<string, string>>,
  valueColumn: string,
): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const row of rows) {
    const values = groups.get(row.story_id) ?? [];
    values.push(row[valueColumn]);
    groups.set(row.story_id, values);
  }
  return groups;
}
