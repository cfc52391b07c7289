import {
  OperationCoverage,
  TeamRollout,
  computeEntityFacts,
} from '@internal/plugin-tracing-adoption-common';
import type { TracingAdoptionApiRouter } from '../stories/registerStoryRoutes';
import { RolloutStore } from './RolloutStore';

/**
 * Adds `GET /entity-facts`: one compact record per Component on critical
 * operations and per Group, for scorecards (the Tech Insights fact
 * retriever reads it with a service token).
 */
export function registerEntityFactsRoutes(
  router: TracingAdoptionApiRouter,
  deps: { store: RolloutStore },
): void {
  const { store } = deps;

  router.get('/entity-facts', async (_req, res) => {
    const [operations, teams] = await Promise.all([
      store.listStatus<OperationCoverage>('operation'),
      store.listStatus<TeamRollout>('team'),
    ]);
    res.json({
      evaluatedAt: teams[0]?.evaluatedAt ?? operations[0]?.evaluatedAt,
      items: computeEntityFacts(
        operations.map(r => r.document),
        teams.map(r => r.document),
      ),
    });
  });
}
