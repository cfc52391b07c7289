import { FactSchema } from '@backstage-community/plugin-tech-insights-common';
import {
  FactRetriever,
  TechInsightFact,
} from '@backstage-community/plugin-tech-insights-node';
import { parseEntityRef } from '@backstage/catalog-model';
import { ForwardedError, ResponseError } from '@backstage/errors';
import { MATURITY_LEVELS } from '@internal/plugin-tracing-adoption-common';
import { z } from 'zod';

/**
 * The id facts of this retriever are stored and referenced by in checks.
 *
 * @public
 */
export const TRACING_ADOPTION_FACT_RETRIEVER_ID =
  'tracingAdoptionFactRetriever';

const schema: FactSchema = {
  tracerPresent: {
    type: 'boolean',
    description:
      'Component: emits spans in a critical operation’s traces, or its repository scan found a tracing library. Group: true of all its services on critical operations.',
  },
  propagatesContext: {
    type: 'boolean',
    description:
      'Component: continues the trace (end-to-end or non-compliant) on every critical operation it takes part in. Group: true of all its services.',
  },
  complianceScore: {
    type: 'float',
    description:
      'Semantic-convention compliance of its spans, 0 to 100; absent without spans to check.',
  },
  worstOperationMaturity: {
    type: 'string',
    description:
      'Lowest maturity (none, crawl, walk, run) of the critical operations it takes part in; absent when it takes part in none.',
  },
  operationsServed: {
    type: 'integer',
    description:
      'Critical operations it (or any of the group’s services) takes part in.',
  },
  blockingOperations: {
    type: 'integer',
    description: 'Critical operations it holds back from walk.',
  },
};

const entityFactsSchema = z.object({
  entityRef: z.string().refine(ref => {
    try {
      parseEntityRef(ref);
      return true;
    } catch {
      return false;
    }
  }, 'not an entity ref'),
  tracerPresent: z.boolean(),
  propagatesContext: z.boolean(),
  complianceScore: z.number().nullable(),
  worstOperationMaturity: z.enum(MATURITY_LEVELS).optional(),
  operationsServed: z.number().int().nonnegative(),
  blockingOperations: z.number().int().nonnegative(),
});

const listSchema = z.object({ items: z.array(z.unknown()) });

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map(issue =>
      issue.path.length > 0
        ? `${issue.path.join('.')}: ${issue.message}`
        : issue.message,
    )
    .join('; ');
}

function itemName(item: unknown, index: number): string {
  const ref = (item as { entityRef?: unknown } | null)?.entityRef;
  return typeof ref === 'string'
    ? `facts of ${ref}`
    : `facts at index ${index}`;
}

async function readEntityFacts(
  baseUrl: string,
  token: string,
): Promise<unknown> {
  const response = await fetch(`${baseUrl}/entity-facts`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok) {
    throw new ForwardedError(
      'Could not read entity facts from tracing-adoption',
      await ResponseError.fromResponse(response),
    );
  }
  try {
    return await response.json();
  } catch (error) {
    throw new ForwardedError(
      'Malformed entity facts from tracing-adoption: not JSON',
      error,
    );
  }
}

/**
 * Tracing rollout facts of Components and Groups, read from the
 * tracing-adoption backend's `GET /entity-facts` with a service token.
 * Runs when `techInsights.factRetrievers.tracingAdoptionFactRetriever`
 * configures its cadence.
 *
 * @public
 */
export const tracingAdoptionFactRetriever: FactRetriever = {
  id: TRACING_ADOPTION_FACT_RETRIEVER_ID,
  version: '0.1.0',
  title: 'Tracing adoption',
  description:
    'Whether services are traced end to end on critical user operations, their convention compliance and the maturity of the operations they serve',
  entityFilter: [{ kind: ['component', 'group'] }],
  schema,
  async handler({ discovery, auth }): Promise<TechInsightFact[]> {
    const baseUrl = await discovery.getBaseUrl('tracing-adoption');
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'tracing-adoption',
    });
    const list = listSchema.safeParse(await readEntityFacts(baseUrl, token));
    if (!list.success) {
      throw new Error(
        `Malformed entity facts from tracing-adoption: ${describeIssues(
          list.error,
        )}`,
      );
    }
    return list.data.items.map((item, index) => {
      const parsed = entityFactsSchema.safeParse(item);
      if (!parsed.success) {
        throw new Error(
          `Malformed ${itemName(
            item,
            index,
          )} from tracing-adoption: ${describeIssues(parsed.error)}`,
        );
      }
      const { entityRef, complianceScore, worstOperationMaturity, ...facts } =
        parsed.data;
      const { kind, namespace, name } = parseEntityRef(entityRef);
      return {
        entity: { kind, namespace, name },
        facts: {
          ...facts,
          // a fact with no value is left out rather than stored as null
          ...(complianceScore !== null && { complianceScore }),
          ...(worstOperationMaturity && { worstOperationMaturity }),
        },
      };
    });
  },
};
