import fc from 'fast-check';

/**
 * Mutations of a valid payload for property tests: each one picks a node of
 * the payload (by index into a depth-first listing, so it stays meaningful as
 * the payload changes shape) and breaks it.
 */
export type PayloadMutation =
  | { selector: number; action: 'replace'; value: unknown }
  | { selector: number; action: 'delete' }
  | { selector: number; action: 'truncate'; length: number }
  | { selector: number; action: 'duplicate' };

const HUGE_STRING = 'f'.repeat(200_000);

/** Values that are wrong in interesting ways wherever they land. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    undefined,
    0,
    -1,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.MAX_SAFE_INTEGER + 2,
    '',
    '0',
    '-1',
    '1e999',
    'NaN',
    '00000000000000000000000000000000',
    '0000000000000000',
    '=====',
    'AAAAAAAAAAA=',
    '__proto__',
    'SPAN_KIND_SERVER',
    'STATUS_CODE_ERROR',
    'CHILD_OF',
    true,
    false,
    [],
    {},
    HUGE_STRING,
  ),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 40 }),
  fc.stringMatching(/^[0-9a-fA-F]{1,40}$/),
  fc.stringMatching(/^[0-9]{1,25}$/),
  fc.anything({ maxDepth: 2, maxKeys: 3 }),
);

export const payloadMutation: fc.Arbitrary<PayloadMutation> = fc.oneof(
  {
    weight: 5,
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
      action: fc.constant('truncate' as const),
      length: fc.nat({ max: 3 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      selector: fc.nat(),
      action: fc.constant('duplicate' as const),
    }),
  },
);

export const payloadMutations = fc.array(payloadMutation, {
  minLength: 1,
  maxLength: 6,
});

type Container = Record<string, unknown> | unknown[];

interface NodeLocation {
  container: Container;
  key: string | number;
}

function listNodes(value: unknown, nodes: NodeLocation[]): NodeLocation[] {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      nodes.push({ container: value, key: index });
      listNodes(item, nodes);
    });
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      nodes.push({ container: record, key });
      listNodes(record[key], nodes);
    }
  }
  return nodes;
}

function applyMutation(root: unknown, mutation: PayloadMutation): unknown {
  const nodes = listNodes(root, []);
  // One selector in a hundred breaks the payload as a whole.
  if (nodes.length === 0 || mutation.selector % 100 === 0) {
    return mutation.action === 'replace' ? mutation.value : root;
  }
  const { container, key } = nodes[mutation.selector % nodes.length];
  const record = container as Record<string | number, unknown>;
  switch (mutation.action) {
    case 'replace':
      record[key] = mutation.value;
      break;
    case 'delete':
      if (Array.isArray(container)) container.splice(key as number, 1);
      else delete record[key];
      break;
    case 'truncate': {
      const target = record[key];
      if (Array.isArray(target))
        target.length = Math.min(target.length, mutation.length);
      break;
    }
    case 'duplicate': {
      const target = record[key];
      if (Array.isArray(target) && target.length > 0) target.push(target[0]);
      else if (Array.isArray(container)) container.push(target);
      break;
    }
    default:
      break;
  }
  return root;
}

/** A mutated deep copy of `payload`, which must be JSON. */
export function mutatePayload(
  payload: unknown,
  mutations: PayloadMutation[],
): unknown {
  let result: unknown = JSON.parse(JSON.stringify(payload));
  for (const mutation of mutations) {
    result = applyMutation(result, mutation);
  }
  return result;
}
