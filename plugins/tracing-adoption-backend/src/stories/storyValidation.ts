import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
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

/*
 * Control characters and unpaired surrogates are refused because XML (the
 * Atom feed) cannot carry them; stored text is returned exactly as written,
 * so it is refused rather than cleaned.
 */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
const CONTROL_CHARACTERS_EXCEPT_WHITESPACE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const UNPAIRED_SURROGATE =
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function oneLine(maxLength: number) {
  return z
    .string()
    .max(maxLength, `must be at most ${maxLength} characters`)
    .refine(value => value.trim().length > 0, 'must not be blank')
    .refine(
      value =>
        !CONTROL_CHARACTERS.test(value) && !UNPAIRED_SURROGATE.test(value),
      'must be a single line of text without control characters',
    );
}

/**
 * Whether `value` is a full lowercase entity ref (optionally of one kind),
 * exactly as stringifyEntityRef writes it.
 */
export function isCanonicalEntityRef(value: string, kind?: string): boolean {
  try {
    const ref = parseEntityRef(value);
    return (
      stringifyEntityRef(ref) === value &&
      (kind === undefined || ref.kind === kind)
    );
  } catch {
    return false;
  }
}

/*
 * Only full lowercase refs are accepted so that the ref stored is the one the
 * catalog produces (stringifyEntityRef); entity pages then find their stories
 * by plain equality.
 */
const entityRef = z
  .string()
  .max(
    STORY_LIMITS.entityRefMaxLength,
    `must be at most ${STORY_LIMITS.entityRefMaxLength} characters`,
  )
  .refine(
    value => isCanonicalEntityRef(value),
    'must be a full lowercase entity ref such as component:default/pricing',
  );

const groupRef = entityRef.refine(
  value => !isCanonicalEntityRef(value) || isCanonicalEntityRef(value, 'group'),
  'must be a group entity ref such as group:default/team-cart',
);

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

function listOf<T extends z.ZodTypeAny>(
  item: T,
  max: number,
  key?: (value: z.infer<T>) => string,
) {
  return z
    .array(item)
    .max(max, `must have at most ${max} entries`)
    .superRefine((values, ctx) => {
      if (!key) {
        return;
      }
      const seen = new Set<string>();
      values.forEach((value, index) => {
        const k = key(value);
        if (seen.has(k)) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: [index],
            message: `repeats ${k}`,
          });
        }
        seen.add(k);
      });
    });
}

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

/** Messages that read after a field name: `title is required`. */
const fieldErrorMap: z.ZodErrorMap = (issue, ctx) => {
  if (issue.code === z.ZodIssueCode.invalid_type) {
    return {
      message:
        issue.received === 'undefined'
          ? 'is required'
          : `must be ${issue.expected === 'array' ? 'an' : 'a'} ${
              issue.expected
            }, not ${issue.received}`,
    };
  }
  if (issue.code === z.ZodIssueCode.invalid_enum_value) {
    return { message: `must be one of ${issue.options.join(', ')}` };
  }
  return { message: ctx.defaultError };
};

/** `impact[2].label`, as an author would point at the field. */
function fieldName(path: Array<string | number>): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`,
    )
    .join('');
}

/**
 * One line per problem, each starting with the field it is about.
 *
 * @public
 */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map(issue => {
      if (issue.code === z.ZodIssueCode.unrecognized_keys) {
        return `${issue.keys.join(', ')} ${
          issue.keys.length === 1
            ? 'is not a story field'
            : 'are not story fields'
        }`;
      }
      const field = fieldName(issue.path);
      return field ? `${field} ${issue.message}` : issue.message;
    })
    .join('; ');
}

function parseWith<T>(
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  value: unknown,
): T {
  const result = schema.safeParse(value, { errorMap: fieldErrorMap });
  if (!result.success) {
    throw new InputError(`Invalid story: ${describeIssues(result.error)}`);
  }
  return result.data;
}

/**
 * Validates a new story, throwing an InputError that names every bad field.
 *
 * @public
 */
export function parseStoryInput(value: unknown): StoryInput {
  return parseWith(storyInputSchema, value);
}

/**
 * Validates an edit: a story plus the version it was made on.
 *
 * @public
 */
export function parseStoryUpdate(value: unknown): StoryUpdate {
  return parseWith(storyUpdateSchema, value);
}
