import { InputError } from '@backstage/errors';
import {
  CapacityInputError,
  CapacityTargets,
  capacityTargetsToCsv,
  computeCapacityTargets,
} from '@internal/plugin-tracing-adoption-common';
import type { TracingAdoptionApiRouter } from '../stories/registerStoryRoutes';
import { currentAnalysis } from './RolloutEvaluator';
import { RolloutStore } from './RolloutStore';
import { byCriticality } from './registerRolloutRoutes';

export interface CapacityRouteDependencies {
  store: RolloutStore;
  /** Used when a request names no safety factor. */
  defaultSafetyFactor: number;
}

const RATE = /^\d+(\.\d+)?$/;

/**
 * Reads `checkout:500,add-to-cart:900` into edge rates by operation id;
 * InputError naming the pair otherwise.
 */
export function parseWhatIf(
  text: string | undefined,
): Record<string, number> | undefined {
  if (text === undefined || text.trim() === '') {
    return undefined;
  }
  const rates = new Map<string, number>();
  for (const pair of text.split(',')) {
    const separator = pair.lastIndexOf(':');
    const id = pair.slice(0, separator).trim();
    const rate = pair.slice(separator + 1).trim();
    if (separator < 0 || id === '') {
      throw new InputError(
        `Invalid whatIf: '${pair}' is not operationId:requestsPerSecond`,
      );
    }
    if (!RATE.test(rate)) {
      throw new InputError(
        `Invalid whatIf: the rate of '${id}' must be a number of requests/s ≥ 0, got '${rate}'`,
      );
    }
    if (rates.has(id)) {
      throw new InputError(`Invalid whatIf: '${id}' is named twice`);
    }
    rates.set(id, Number(rate));
  }
  return Object.fromEntries(rates);
}

/**
 * Adds `GET /capacity` and `GET /capacity.csv`: each service's expected
 * peak load from the critical operations' edge estimates and the fan-out
 * of their latest analyses, computed per request so what-if rates and the
 * safety factor can vary.
 */
export function registerCapacityRoutes(
  router: TracingAdoptionApiRouter,
  deps: CapacityRouteDependencies,
): void {
  const { store } = deps;

  async function capacityTargets(query: {
    safetyFactor?: number;
    whatIf?: string;
  }): Promise<CapacityTargets> {
    const whatIf = parseWhatIf(query.whatIf);
    const [operations, analyses] = await Promise.all([
      store.listOperations(),
      store.listOperationAnalyses(),
    ]);
    const analysisOf = new Map(analyses.map(a => [a.operationId, a]));
    try {
      return computeCapacityTargets({
        operations: [...operations].sort(byCriticality).map(operation => ({
          id: operation.id,
          name: operation.name,
          peakRequestsPerSecond: operation.peakRequestsPerSecond,
          analysis: currentAnalysis(operation, analysisOf.get(operation.id))
            ?.analysis.result,
        })),
        safetyFactor: query.safetyFactor ?? deps.defaultSafetyFactor,
        whatIf,
      });
    } catch (error) {
      if (error instanceof CapacityInputError) {
        throw new InputError(`Invalid capacity query: ${error.message}`);
      }
      throw error;
    }
  }

  router.get('/capacity', async (req, res) => {
    res.json(await capacityTargets(req.query));
  });

  router.get('/capacity.csv', async (req, res) => {
    const csv = capacityTargetsToCsv(await capacityTargets(req.query));
    res
      .attachment('capacity-targets.csv')
      .type('text/csv; charset=utf-8')
      .send(csv);
  });
}
