import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { z } from 'zod';

/** Longest entity ref stored (the column width). */
export const ENTITY_REF_MAX_LENGTH = 255;

/*
 * Control characters and unpaired surrogates are refused because XML (the
 * Atom feed) cannot carry them; stored text is returned exactly as written,
 * so it is refused rather than cleaned.
 */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
export const CONTROL_CHARACTERS_EXCEPT_WHITESPACE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
export const UNPAIRED_SURROGATE =
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function oneLine(maxLength: number) {
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
export const entityRef = z
  .string()
  .max(
    ENTITY_REF_MAX_LENGTH,
    `must be at most ${ENTITY_REF_MAX_LENGTH} characters`,
  )
  .refine(
    value => isCanonicalEntityRef(value),
    'must be a full lowercase entity ref such as component:default/pricing',
  );

export const groupRef = entityRef.refine(
  value => !isCanonicalEntityRef(value) || isCanonicalEntityRef(value, 'group'),
  'must be a group entity ref such as group:default/team-cart',
);

export function listOf<T extends z.ZodTypeAny>(
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
export function describeIssues(error: z.ZodError, subject: string): string {
  return error.issues
    .map(issue => {
      if (issue.code === z.ZodIssueCode.unrecognized_keys) {
        // a nested key is named by its path: entry.colour, impact[0].note
        const keys = issue.keys.map(key => fieldName([...issue.path, key]));
        return `${keys.join(', ')} ${
          keys.length === 1
            ? `is not a known ${subject} field`
            : `are not known ${subject} fields`
        }`;
      }
      const field = fieldName(issue.path);
      return field ? `${field} ${issue.message}` : issue.message;
    })
    .join('; ');
}

export function parseWith<T>(
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  value: unknown,
  subject: string,
): T {
  const result = schema.safeParse(value, { errorMap: fieldErrorMap });
  if (!result.success) {
    throw new InputError(
      `Invalid ${subject}: ${describeIssues(result.error, subject)}`,
    );
  }
  return result.data;
}
