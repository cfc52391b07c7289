import { NotFoundError } from '@backstage/errors';
import {
  OperationCoverage,
  OperationHealthDay,
  OperationHealthHistory,
  operationHealthFigures,
  utcDay,
} from '@internal/plugin-tracing-adoption-common';
import type { TracingAdoptionApiRouter } from '../stories/registerStoryRoutes';
import { OperationFigures } from './RolloutSnapshotJob';
import { RolloutStore } from './RolloutStore';
import { daysBefore } from './registerRolloutRoutes';

const DEFAULT_HISTORY_DAYS = 30;

/**
 * Adds `GET /critical-operations/{operationId}/health`: the health of the
 * latest evaluation and the daily history the snapshots kept.
 */
export function registerOperationHealthRoutes(
  router: TracingAdoptionApiRouter,
  deps: { store: RolloutStore },
): void {
  const { store } = deps;

  router.get('/critical-operations/:operationId/health', async (req, res) => {
    const { operationId } = req.params;
    const operation = await store.getOperation(operationId);
    if (!operation) {
      throw new NotFoundError(`No critical operation ${operationId}`);
    }
    const now = new Date();
    const today = utcDay(now);
    const [status, snapshots] = await Promise.all([
      store.getStatus<OperationCoverage>('operation', operationId),
      store.listSnapshots<OperationFigures>('operation', {
        key: operationId,
        sinceDay: daysBefore(now, req.query.days ?? DEFAULT_HISTORY_DAYS),
      }),
    ]);
    const current = status?.document.health;
    // today's row is whatever the last snapshot saw; the evaluation is newer
    const history: OperationHealthDay[] = snapshots.flatMap(
      ({ day, figures }) =>
        day !== today && figures.health ? [{ day, ...figures.health }] : [],
    );
    if (current) {
      history.push({ day: today, ...operationHealthFigures(current) });
    }
    const answer: OperationHealthHistory = {
      operationId,
      objectives: operation.objectives,
      evaluatedAt: status?.evaluatedAt,
      current,
      history,
    };
    res.json(answer);
  });
}
