import {
  MATURITY_LEVELS,
  STORY_CATEGORIES,
  STORY_LIMITS,
  STORY_STATUSES,
} from '@internal/plugin-tracing-adoption-common';
import fc from 'fast-check';
import { ROLLOUT_LIMITS } from '../rollout/rolloutValidation';

type Body = Record<string, unknown>;

/** Text a single-line field accepts: any graphemes, not blank. */
function line(maxLength: number) {
  return fc
    .string({
      unit: 'grapheme',
      minLength: 1,
      maxLength: Math.min(maxLength, 40),
    })
    .filter(
      value =>
        value.length <= maxLength &&
        value.trim().length > 0 &&
        !/[\u0000-\u001f\u007f]/.test(value),
    );
}

const key = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}$/);
const name = fc.stringMatching(/^[a-z0-9]{1,12}(-[a-z0-9]{1,12}){0,2}$/);
const groupRef = name.map(n => `group:default/${n}`);
const entityRef = fc
  .tuple(fc.constantFrom('component', 'system', 'api', 'group'), name)
  .map(([kind, n]) => `${kind}:default/${n}`);
const isoDay = fc
  .date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2099-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map(date => date.toISOString().slice(0, 10));

function optional<T>(arbitrary: fc.Arbitrary<T>) {
  return fc.option(arbitrary, { nil: undefined });
}

/** Drops the keys whose value is undefined, as JSON would. */
function defined(body: Body): Body {
  return JSON.parse(JSON.stringify(body));
}

export function validOperation(campaignIds: string[]) {
  return fc
    .record({
      id: key,
      name: line(ROLLOUT_LIMITS.nameMaxLength),
      description: optional(fc.string({ maxLength: 200 })),
      entry: fc.record({
        entryService: line(ROLLOUT_LIMITS.serviceNameMaxLength),
        spanName: optional(line(ROLLOUT_LIMITS.nameMaxLength)),
        httpRoute: optional(line(ROLLOUT_LIMITS.nameMaxLength)),
        httpMethod: optional(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE')),
      }),
      peakRequestsPerSecond: fc.double({
        min: 0,
        max: ROLLOUT_LIMITS.peakRequestsPerSecondMax,
        noNaN: true,
        noDefaultInfinity: true,
      }),
      tier: fc.constantFrom(1, 2, 3),
      ownerRef: groupRef,
      campaignId: optional(fc.constantFrom(...campaignIds)),
      declaredParticipants: optional(fc.uniqueArray(name, { maxLength: 5 })),
      objectives: optional(
        fc.record({
          latencyP99Ms: optional(fc.integer({ min: 1, max: 3_600_000 })),
          errorRatePercent: optional(
            fc.double({ min: 0, max: 100, noNaN: true }),
          ),
        }),
      ),
    })
    .map(defined);
}

export const validCampaign = fc
  .record({
    id: key,
    name: line(ROLLOUT_LIMITS.nameMaxLength),
    description: optional(fc.string({ maxLength: 200 })),
    startDate: isoDay,
    deadline: isoDay,
    targetMaturity: fc.constantFrom(
      ...MATURITY_LEVELS.filter(m => m !== 'none'),
    ),
  })
  .map(({ startDate, deadline, ...rest }) =>
    defined({
      ...rest,
      startDate: startDate < deadline ? startDate : deadline,
      deadline: startDate < deadline ? deadline : startDate,
    }),
  );

export const validWorkshop = fc
  .record({
    date: isoDay,
    topic: line(ROLLOUT_LIMITS.nameMaxLength),
    teamRefs: fc.uniqueArray(groupRef, { minLength: 1, maxLength: 5 }),
    notes: optional(fc.string({ maxLength: 200 })),
  })
  .map(defined);

export function validWaiver(operationIds: string[]) {
  return fc
    .record({
      scope: fc.oneof(
        fc.record({
          kind: fc.constant('service'),
          service: line(ROLLOUT_LIMITS.serviceNameMaxLength),
          operationId: optional(fc.constantFrom(...operationIds)),
        }),
        fc.record({
          kind: fc.constant('rule'),
          ruleId: line(ROLLOUT_LIMITS.nameMaxLength),
          service: optional(line(ROLLOUT_LIMITS.serviceNameMaxLength)),
        }),
      ),
      reason: line(ROLLOUT_LIMITS.reasonMaxLength),
      approvedBy: name.map(n => `user:default/${n}`),
      expiresAt: fc
        .date({
          min: new Date('2090-01-01T00:00:00Z'),
          max: new Date('2099-12-31T00:00:00Z'),
          noInvalidDate: true,
        })
        .map(date => date.toISOString()),
    })
    .map(defined);
}

export const validStory = fc
  .record({
    title: line(STORY_LIMITS.titleMaxLength),
    body: fc
      .string({ unit: 'grapheme', maxLength: 400 })
      .filter(
        body => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(body),
      ),
    category: fc.constantFrom(...STORY_CATEGORIES),
    team: optional(groupRef),
    entityRefs: optional(fc.uniqueArray(entityRef, { maxLength: 5 })),
    operations: optional(fc.uniqueArray(key, { maxLength: 5 })),
    impact: optional(
      fc.array(
        fc.record(
          {
            label: line(STORY_LIMITS.impactLabelMaxLength),
            before: fc.double({ noNaN: true, noDefaultInfinity: true }),
            after: fc.double({ noNaN: true, noDefaultInfinity: true }),
            unit: line(STORY_LIMITS.impactUnitMaxLength),
          },
          { requiredKeys: ['label', 'before', 'unit'] },
        ),
        { maxLength: 3 },
      ),
    ),
    traceLinks: optional(
      fc.uniqueArray(
        fc
          .webUrl({ validSchemes: ['http', 'https'] })
          .filter(url => url.length <= STORY_LIMITS.traceLinkMaxLength),
        { maxLength: 3 },
      ),
    ),
    status: optional(fc.constantFrom(...STORY_STATUSES)),
  })
  .map(story =>
    defined(
      story.status === 'published' && story.body.trim() === ''
        ? { ...story, body: 'Found in one trace.' }
        : story,
    ),
  );

/** Values that are wrong in interesting ways wherever they land. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    '',
    ' ',
    '\u0000',
    'line\nbreak',
    '\ud800',
    'x'.repeat(256),
    'x'.repeat(5_001),
    -1,
    0,
    4,
    1.5,
    1e308,
    Number.MAX_SAFE_INTEGER + 2,
    true,
    [],
    {},
    ['a', 'a'],
    '__proto__',
    'constructor',
    'Group:Default/Team',
    'user:default/someone',
    'group:default/team-cart',
    '2026-02-30',
    '2026-13-01',
    'javascript:alert(1)',
    'published',
  ),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 20 }),
  fc.jsonValue({ maxDepth: 2 }),
);

export type BodyMutation =
  | { selector: number; action: 'replace'; value: unknown }
  | { selector: number; action: 'delete' }
  | { selector: number; action: 'add'; key: string; value: unknown };

export const bodyMutations: fc.Arbitrary<BodyMutation[]> = fc.array(
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        selector: fc.nat(),
        action: fc.constant('replace' as const),
        value: hostileValue,
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        selector: fc.nat(),
        action: fc.constant('delete' as const),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        selector: fc.nat(),
        action: fc.constant('add' as const),
        key: fc.oneof(
          fc.string({ maxLength: 12 }),
          fc.constantFrom('__proto__', 'constructor', 'version', 'id'),
        ),
        value: hostileValue,
      }),
    },
  ),
  { minLength: 1, maxLength: 3 },
);

type Location = { container: Body | unknown[]; key: string | number };

function locations(value: unknown, found: Location[] = []): Location[] {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      found.push({ container: value, key: index });
      locations(item, found);
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, item] of Object.entries(value)) {
      found.push({ container: value as Body, key: k });
      locations(item, found);
    }
  }
  return found;
}

export function isPlainObject(value: unknown): value is Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Sets an own property, even one named __proto__, as JSON.parse would. */
function setOwn(target: object, k: string | number, value: unknown) {
  Object.defineProperty(target, k, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/**
 * A mutated copy of `body`. Selectors pick a node by its index in a
 * depth-first listing, so a mutation keeps its meaning as the body changes
 * shape; one in a hundred replaces the body as a whole.
 */
export function mutateBody(body: unknown, mutations: BodyMutation[]): unknown {
  let result: unknown = JSON.parse(JSON.stringify(body));
  for (const mutation of mutations) {
    const nodes = locations(result);
    // fast-check hands out the same instance of a constant again and again
    const value =
      mutation.action === 'delete'
        ? undefined
        : structuredClone(mutation.value);
    if (nodes.length === 0 || mutation.selector % 100 === 0) {
      if (mutation.action === 'replace') {
        result = value;
      }
      continue;
    }
    const { container, key: k } = nodes[mutation.selector % nodes.length];
    if (mutation.action === 'replace') {
      setOwn(container, k, value);
    } else if (mutation.action === 'delete') {
      if (Array.isArray(container)) {
        container.splice(k as number, 1);
      } else {
        delete container[k as string];
      }
    } else {
      // into the node when it is an object, else next to it
      const node = Array.isArray(container) ? undefined : container[k];
      const target = isPlainObject(node) ? node : container;
      if (isPlainObject(target)) {
        setOwn(target, mutation.key, value);
      }
    }
  }
  return result;
}
