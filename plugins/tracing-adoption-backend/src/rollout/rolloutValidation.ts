import {
  CampaignInput,
  CriticalOperationInput,
  MATURITY_LEVELS,
  TargetMaturity,
  WaiverInput,
  WorkshopInput,
} from '@internal/plugin-tracing-adoption-common';
import { z } from 'zod';
import {
  CONTROL_CHARACTERS_EXCEPT_WHITESPACE,
  ENTITY_REF_MAX_LENGTH,
  UNPAIRED_SURROGATE,
  groupRef,
  isCanonicalEntityRef,
  listOf,
  oneLine,
  parseWith,
} from '../validation/fields';

/** Upper bounds of rollout definitions; they keep one definition small. */
export const ROLLOUT_LIMITS = {
  idMaxLength: 64,
  nameMaxLength: 200,
  descriptionMaxLength: 5_000,
  serviceNameMaxLength: 255,
  declaredParticipantsMax: 200,
  workshopTeamsMax: 200,
  reasonMaxLength: 1_000,
  peakRequestsPerSecondMax: 10_000_000,
} as const;

const key = z
  .string()
  .max(
    ROLLOUT_LIMITS.idMaxLength,
    `must be at most ${ROLLOUT_LIMITS.idMaxLength} characters`,
  )
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    'must be lowercase letters and digits joined by -, e.g. add-to-cart',
  );

// A lone surrogate cannot be stored as UTF-8: it would come back as U+FFFD.
const description = z
  .string()
  .max(
    ROLLOUT_LIMITS.descriptionMaxLength,
    `must be at most ${ROLLOUT_LIMITS.descriptionMaxLength} characters`,
  )
  .refine(
    value =>
      !CONTROL_CHARACTERS_EXCEPT_WHITESPACE.test(value) &&
      !UNPAIRED_SURROGATE.test(value),
    'must not contain control characters',
  );

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as 2026-11-27')
  .refine(value => {
    // refinements run after a failed regex too, where the date is invalid
    const date = new Date(`${value}T00:00:00Z`);
    return (
      !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
    );
  }, 'must be a real calendar date');

const serviceName = oneLine(ROLLOUT_LIMITS.serviceNameMaxLength);

const userRef = z
  .string()
  .max(ENTITY_REF_MAX_LENGTH)
  .refine(
    value => isCanonicalEntityRef(value, 'user'),
    'must be a full lowercase user entity ref such as user:default/jane',
  );

const HTTP_METHODS = [
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
] as const;

const operationMatcher = z
  .object({
    entryService: serviceName,
    spanName: oneLine(ROLLOUT_LIMITS.nameMaxLength).optional(),
    httpRoute: oneLine(ROLLOUT_LIMITS.nameMaxLength).optional(),
    httpMethod: z.enum(HTTP_METHODS).optional(),
  })
  .strict();

const objectives = z
  .object({
    latencyP99Ms: z
      .number()
      .positive('must be above 0')
      .max(3_600_000, 'must be at most an hour (3600000)')
      .optional(),
    errorRatePercent: z
      .number()
      .min(0, 'must be at least 0')
      .max(100, 'must be at most 100')
      .optional(),
  })
  .strict();

const operationFields = {
  name: oneLine(ROLLOUT_LIMITS.nameMaxLength),
  description: description.optional(),
  entry: operationMatcher,
  peakRequestsPerSecond: z
    .number()
    .finite()
    .min(0, 'must be at least 0')
    .max(
      ROLLOUT_LIMITS.peakRequestsPerSecondMax,
      `must be at most ${ROLLOUT_LIMITS.peakRequestsPerSecondMax}`,
    ),
  tier: z.union([z.literal(1), z.literal(2), z.literal(3)], {
    errorMap: () => ({ message: 'must be 1, 2 or 3' }),
  }),
  ownerRef: groupRef,
  campaignId: key.optional(),
  declaredParticipants: listOf(
    serviceName,
    ROLLOUT_LIMITS.declaredParticipantsMax,
    value => value,
  ).optional(),
  objectives: objectives.optional(),
};

const version = z
  .number()
  .int('must be an integer')
  .min(1, 'must be at least 1');

export const operationInputSchema = z
  .object({ id: key, ...operationFields })
  .strict();

const operationUpdateSchema = z
  .object({ ...operationFields, version })
  .strict();

const campaignFields = {
  name: oneLine(ROLLOUT_LIMITS.nameMaxLength),
  description: description.optional(),
  startDate: isoDay,
  deadline: isoDay,
  targetMaturity: z.enum(
    MATURITY_LEVELS.filter(m => m !== 'none') as [
      TargetMaturity,
      ...TargetMaturity[],
    ],
  ),
};

function deadlineAfterStart(
  campaign: { startDate: string; deadline: string },
  ctx: z.RefinementCtx,
) {
  if (campaign.deadline < campaign.startDate) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['deadline'],
      message: 'must not be before startDate',
    });
  }
}

export const campaignInputSchema = z
  .object({ id: key, ...campaignFields })
  .strict()
  .superRefine(deadlineAfterStart);

const campaignUpdateSchema = z
  .object({ ...campaignFields, version })
  .strict()
  .superRefine(deadlineAfterStart);

const workshopFields = {
  date: isoDay,
  topic: oneLine(ROLLOUT_LIMITS.nameMaxLength),
  teamRefs: listOf(
    groupRef,
    ROLLOUT_LIMITS.workshopTeamsMax,
    value => value,
  ).refine(teams => teams.length > 0, 'must name at least one team'),
  notes: description.optional(),
};

const workshopInputSchema = z.object(workshopFields).strict();
const workshopUpdateSchema = z.object({ ...workshopFields, version }).strict();

const waiverInputSchema = z
  .object({
    scope: z.discriminatedUnion(
      'kind',
      [
        z
          .object({
            kind: z.literal('service'),
            service: serviceName,
            operationId: key.optional(),
          })
          .strict(),
        z
          .object({
            kind: z.literal('rule'),
            ruleId: oneLine(ROLLOUT_LIMITS.nameMaxLength),
            service: serviceName.optional(),
          })
          .strict(),
      ],
      {
        errorMap: () => ({ message: 'kind must be service or rule' }),
      },
    ),
    reason: oneLine(ROLLOUT_LIMITS.reasonMaxLength),
    approvedBy: userRef,
    expiresAt: z
      .string()
      .datetime({ offset: true, message: 'must be an ISO 8601 date-time' }),
  })
  .strict();

export function parseOperationInput(value: unknown): CriticalOperationInput {
  return parseWith(operationInputSchema, value, 'operation');
}

export function parseOperationUpdate(
  value: unknown,
): Omit<CriticalOperationInput, 'id'> & { version: number } {
  return parseWith(operationUpdateSchema, value, 'operation');
}

export function parseCampaignInput(value: unknown): CampaignInput {
  return parseWith(campaignInputSchema, value, 'campaign');
}

export function parseCampaignUpdate(
  value: unknown,
): Omit<CampaignInput, 'id'> & { version: number } {
  return parseWith(campaignUpdateSchema, value, 'campaign');
}

export function parseWorkshopInput(value: unknown): WorkshopInput {
  return parseWith(workshopInputSchema, value, 'workshop');
}

export function parseWorkshopUpdate(
  value: unknown,
): WorkshopInput & { version: number } {
  return parseWith(workshopUpdateSchema, value, 'workshop');
}

export function parseWaiverInput(value: unknown): WaiverInput {
  return parseWith(waiverInputSchema, value, 'waiver');
}
