import fs from 'node:fs/promises';
import path from 'node:path';
import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { parse } from 'yaml';
import { z } from 'zod';
import { parseStoryInput } from './storyValidation';
import { isCanonicalEntityRef, parseWith } from '../validation/fields';
import { StoryStore } from './StoryStore';

const userRef = z
  .string()
  .refine(
    value => isCanonicalEntityRef(value, 'user'),
    'must be a full lowercase user entity ref such as user:default/jane',
  );

/** What a demo file adds to a story: who wrote it, when, and its reception. */
const demoFields = z
  .object({
    slug: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase words joined by -'),
    author: userRef,
    publishedAt: z
      .string()
      .datetime({ offset: true, message: 'must be an ISO 8601 date-time' }),
    featured: z.boolean().optional(),
    likedBy: z.array(userRef).optional(),
  })
  .passthrough();

/**
 * Reads one demo story file: the demo fields, then the rest with the same
 * validation as the API.
 */
function parseDemoStory(file: string, content: string) {
  try {
    const { slug, author, publishedAt, featured, likedBy, ...story } =
      parseWith(demoFields, parse(content), 'story');
    const input = parseStoryInput(story);
    if (!input.team) {
      throw new InputError('Invalid story: team is required in demo stories');
    }
    return {
      slug,
      author,
      at: new Date(publishedAt),
      featured: featured ?? false,
      likedBy: likedBy ?? [],
      story: { ...input, author, team: input.team },
    };
  } catch (error) {
    throw new InputError(`Demo story ${file}: ${(error as Error).message}`);
  }
}

/**
 * Stores the demo stories of `directory` (one `*.yaml` per story) that are
 * not stored yet. A story's slug identifies it, so loading again, on every
 * start or from several replicas in turn, adds nothing twice; stories that
 * were edited or deleted in the app are left as they are.
 *
 * @public
 */
export async function loadDemoStories(options: {
  store: StoryStore;
  directory: string;
  logger: LoggerService;
}): Promise<{ created: number; existing: number }> {
  const { store, directory, logger } = options;
  const files = (await fs.readdir(directory))
    .filter(file => file.endsWith('.yaml'))
    .sort();
  const stories = await Promise.all(
    files.map(async file =>
      parseDemoStory(
        file,
        await fs.readFile(path.join(directory, file), 'utf8'),
      ),
    ),
  );

  let created = 0;
  for (const demo of stories) {
    if (await store.getStoryIdBySlug(demo.slug)) {
      continue;
    }
    let story;
    try {
      story = await store.createStory(demo.story, {
        slug: demo.slug,
        at: demo.at,
        featured: demo.featured,
      });
    } catch (error) {
      // a replica starting at the same time stored it first
      if (await store.getStoryIdBySlug(demo.slug)) {
        continue;
      }
      throw error;
    }
    for (const user of demo.likedBy) {
      await store.setLiked(story.id, user, true);
    }
    created += 1;
  }
  logger.info(
    `Loaded ${created} demo stories from ${directory}; ${
      stories.length - created
    } were there already`,
  );
  return { created, existing: stories.length - created };
}
