import {
  STORY_CATEGORIES,
  STORY_LIMITS,
  STORY_STATUSES,
  StoryCategory,
  StoryInput,
  StoryStatus,
  StoryUpdate,
} from '@internal/plugin-tracing-adoption-common';
import { z } from 'zod';
import {
  CONTROL_CHARACTERS_EXCEPT_WHITESPACE,
  UNPAIRED_SURROGATE,
  entityRef,
  groupRef,
  listOf,
  oneLine,
  parseWith,
} from '../validation/fields';

const traceLink = z
  .string()
  .max(
    STORY_LIMITS.traceLinkMaxLength,
    `must be at most ${STORY_LIMITS.traceLinkMaxLength} characters`,
  )
  .refine(value => {
    try {
      const { protocol } = new URL(value);
      return protocol === 'http:' || protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an absolute http or https URL');

const impactFigure = z
  .object({
    label: oneLine(STORY_LIMITS.impactLabelMaxLength),
    before: z.number().finite().optional(),
    after: z.number().finite().optional(),
    unit: oneLine(STORY_LIMITS.impactUnitMaxLength),
  })
  .strict()
  .refine(
    figure => figure.before !== undefined || figure.after !== undefined,
    'needs a before or an after value',
  );

const storyFields = {
  title: oneLine(STORY_LIMITS.titleMaxLength),
  body: z
    .string()
    .max(
      STORY_LIMITS.bodyMaxLength,
      `must be at most ${STORY_LIMITS.bodyMaxLength} characters`,
    )
    .refine(
      value =>
        !CONTROL_CHARACTERS_EXCEPT_WHITESPACE.test(value) &&
        !UNPAIRED_SURROGATE.test(value),
      'must not contain control characters',
    ),
  category: z.enum(STORY_CATEGORIES as [StoryCategory, ...StoryCategory[]]),
  team: groupRef.optional(),
  entityRefs: listOf(
    entityRef,
    STORY_LIMITS.entityRefsMax,
    value => value,
  ).optional(),
  operations: listOf(
    oneLine(STORY_LIMITS.operationKeyMaxLength),
    STORY_LIMITS.operationsMax,
    value => value,
  ).optional(),
  impact: listOf(impactFigure, STORY_LIMITS.impactFiguresMax).optional(),
  traceLinks: listOf(
    traceLink,
    STORY_LIMITS.traceLinksMax,
    value => value,
  ).optional(),
  status: z.enum(STORY_STATUSES as [StoryStatus, ...StoryStatus[]]).optional(),
};

function publishedStoriesHaveABody(
  story: { body: string; status?: StoryStatus },
  ctx: z.RefinementCtx,
) {
  if (story.status === 'published' && story.body.trim().length === 0) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['body'],
      message: 'must not be blank when the story is published',
    });
  }
}

/**
 * The fields an author writes, with the limits of STORY_LIMITS.
 *
 * @public
 */
export const storyInputSchema = z
  .object(storyFields)
  .strict()
  .superRefine(publishedStoriesHaveABody);

const storyUpdateSchema = z
  .object({
    ...storyFields,
    version: z.number().int('must be an integer').min(1, 'must be at least 1'),
  })
  .strict()
  .superRefine(publishedStoriesHaveABody);

/**
 * Validates a new story, throwing an InputError that names every bad field.
 *
 * @public
 */
export function parseStoryInput(value: unknown): StoryInput {
  return parseWith(storyInputSchema, value, 'story');
}

/**
 * Validates an edit: a story plus the version it was made on.
 *
 * @public
 */
export function parseStoryUpdate(value: unknown): StoryUpdate {
  return parseWith(storyUpdateSchema, value, 'story');
}
