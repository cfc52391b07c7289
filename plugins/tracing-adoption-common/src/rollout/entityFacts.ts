import { hasTracingLibrary, isPropagating } from './coverage';
import { holdsBackWalk } from './teams';
import {
  MATURITY_LEVELS,
  Maturity,
  OperationCoverage,
  ParticipantCoverage,
  ParticipantStatus,
  TeamRollout,
} from './types';

/**
 * Per-entity rollout facts of a Component (a service on critical
 * operations) or a Group, for scorecards such as Tech Insights.
 *
 * @public
 */
export interface EntityRolloutFacts {
  entityRef: string;
  /**
   * Component: emits spans in a critical operation's traces, or its
   * repository scan found a tracing library. Group: true of all its
   * services on critical operations.
   */
  tracerPresent: boolean;
  /**
   * Component: `end-to-end` or `non-compliant` on every critical operation
   * it takes part in. Group: true of all its services.
   */
  propagatesContext: boolean;
  /** Convention compliance, 0 to 100; null without spans to check. */
  complianceScore: number | null;
  /** Lowest maturity of the operations served; absent when it serves none. */
  worstOperationMaturity?: Maturity;
  /** Critical operations the service (or any of the group's) takes part in. */
  operationsServed: number;
  /** Critical operations it holds back from walk. */
  blockingOperations: number;
}

const EMITS_SPANS: ReadonlySet<ParticipantStatus> = new Set([
  'end-to-end',
  'non-compliant',
  'broken-propagation',
]);

function worstMaturity(
  operationIds: Iterable<string>,
  maturityOf: ReadonlyMap<string, Maturity>,
): Maturity | undefined {
  let worst: Maturity | undefined;
  for (const id of operationIds) {
    const maturity = maturityOf.get(id) ?? 'none';
    if (
      worst === undefined ||
      MATURITY_LEVELS.indexOf(maturity) < MATURITY_LEVELS.indexOf(worst)
    ) {
      worst = maturity;
    }
  }
  return worst;
}

/**
 * Facts of every team and of every service its documents list, from the
 * stored status documents of one evaluation. Pure.
 *
 * @public
 */
export function computeEntityFacts(
  operations: readonly OperationCoverage[],
  teams: readonly TeamRollout[],
): EntityRolloutFacts[] {
  const maturityOf = new Map(operations.map(o => [o.operationId, o.maturity]));
  const participations = new Map<string, ParticipantCoverage[]>();
  for (const coverage of operations) {
    for (const participant of coverage.participants) {
      participations.set(participant.service, [
        ...(participations.get(participant.service) ?? []),
        participant,
      ]);
    }
  }

  const facts: EntityRolloutFacts[] = [];
  for (const team of teams) {
    const services = team.services.map(service => {
      const own = participations.get(service.service) ?? [];
      return {
        entityRef: service.entityRef,
        tracerPresent:
          own.some(p => EMITS_SPANS.has(p.status)) ||
          (service.scan !== undefined &&
            hasTracingLibrary(service.scan.instrumentation)),
        propagatesContext: own.every(p => isPropagating(p.status)),
        complianceScore: service.complianceScore ?? null,
        worstOperationMaturity: worstMaturity(service.operationIds, maturityOf),
        operationsServed: service.operationIds.length,
        blockingOperations: own.filter(holdsBackWalk).length,
      };
    });
    const served = new Set(team.services.flatMap(s => s.operationIds));
    facts.push(...services, {
      entityRef: team.teamRef,
      tracerPresent: services.every(s => s.tracerPresent),
      propagatesContext: services.every(s => s.propagatesContext),
      complianceScore: team.complianceScore ?? null,
      worstOperationMaturity: worstMaturity(served, maturityOf),
      operationsServed: served.size,
      blockingOperations: team.blockingOperationIds.length,
    });
  }
  return facts.sort((a, b) => a.entityRef.localeCompare(b.entityRef));
}
