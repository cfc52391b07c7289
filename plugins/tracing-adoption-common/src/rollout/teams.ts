import type { Team, TrackedService } from '../types';
import type { ServiceFacts } from './coverage';
import {
  CriticalOperation,
  NextAction,
  OperationCoverage,
  PARTICIPANT_STATUSES,
  ParticipantCoverage,
  ParticipantStatus,
  TeamRollout,
  Workshop,
} from './types';

/** @public */
export interface TeamRolloutInput {
  teams: readonly Team[];
  services: readonly TrackedService[];
  operations: readonly CriticalOperation[];
  coverages: readonly OperationCoverage[];
  /** Convention compliance score by `service.name`, from the latest report. */
  serviceComplianceScores: ReadonlyMap<string, number | null>;
  /** Convention compliance score by team ref. */
  teamComplianceScores: ReadonlyMap<string, number | null>;
  serviceFacts: ReadonlyMap<string, ServiceFacts>;
  workshops: readonly Workshop[];
}

const ACTION_OF_STATUS: Partial<Record<ParticipantStatus, NextAction['kind']>> =
  {
    uninstrumented: 'instrument',
    'broken-propagation': 'propagate',
    'non-compliant': 'fix-conventions',
    unknown: 'confirm',
  };

/**
 * How much one action matters per operation it unblocks: missing spans and
 * broken context cut the trace, so they outrank convention fixes, which only
 * hold an operation back from run.
 */
const ACTION_WEIGHT: Record<NextAction['kind'], number> = {
  instrument: 4,
  propagate: 4,
  confirm: 2,
  'fix-conventions': 2,
  upgrade: 1,
};

/** Tier 1 operations weigh 3, tier 3 weigh 1. */
function tierWeight(operation: CriticalOperation): number {
  return 4 - operation.tier;
}

function listNames(names: string[]): string {
  if (names.length <= 1) {
    return names.join('');
  }
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function actionTitle(
  kind: NextAction['kind'],
  service: string,
  operationNames: string[],
): string {
  const operations = listNames(operationNames);
  switch (kind) {
    case 'instrument':
      return `Instrument \`${service}\`: blocks ${operations}`;
    case 'propagate':
      return `Propagate trace context through \`${service}\`: breaks ${operations}`;
    case 'fix-conventions':
      return `Fix error-severity convention violations in \`${service}\`: keeps ${operations} from run`;
    case 'confirm':
      return `Confirm \`${service}\` is traced: not seen in the traces of ${operations}`;
    default:
      return `Upgrade the tracing library of \`${service}\`: below the minimum version (serves ${operations})`;
  }
}

/**
 * Ranked actions for the services of one team: each non-traced or failing
 * participant becomes one action naming the operations it holds back;
 * priority = action weight × Σ tier weight of those operations, ties broken
 * by their peak edge traffic.
 *
 * @public
 */
export function nextActionsFor(
  participations: ReadonlyArray<{
    operation: CriticalOperation;
    participant: ParticipantCoverage;
  }>,
  outdatedServices: ReadonlySet<string>,
): NextAction[] {
  const grouped = new Map<
    string,
    {
      kind: NextAction['kind'];
      service: string;
      operations: CriticalOperation[];
    }
  >();
  const add = (
    kind: NextAction['kind'],
    service: string,
    operation: CriticalOperation,
  ) => {
    const key = `${kind}|${service}`;
    const entry = grouped.get(key) ?? { kind, service, operations: [] };
    if (!entry.operations.includes(operation)) {
      entry.operations.push(operation);
    }
    grouped.set(key, entry);
  };
  for (const { operation, participant } of participations) {
    const kind = ACTION_OF_STATUS[participant.status];
    if (kind && !participant.waiver) {
      add(kind, participant.service, operation);
    }
    if (outdatedServices.has(participant.service)) {
      add('upgrade', participant.service, operation);
    }
  }
  return [...grouped.values()]
    .map(({ kind, service, operations }) => {
      const sorted = [...operations].sort(
        (a, b) => a.tier - b.tier || a.name.localeCompare(b.name),
      );
      return {
        kind,
        service,
        title: actionTitle(
          kind,
          service,
          sorted.map(o => o.name),
        ),
        operationIds: sorted.map(o => o.id),
        peakRequestsPerSecond: sorted.reduce(
          (sum, o) => sum + o.peakRequestsPerSecond,
          0,
        ),
        priority:
          ACTION_WEIGHT[kind] *
          sorted.reduce((sum, o) => sum + tierWeight(o), 0),
      };
    })
    .sort(
      (a, b) =>
        b.priority - a.priority ||
        b.peakRequestsPerSecond - a.peakRequestsPerSecond ||
        a.service.localeCompare(b.service) ||
        a.kind.localeCompare(b.kind),
    );
}

const HOLDS_BACK_WALK: ReadonlySet<ParticipantStatus> = new Set([
  'broken-propagation',
  'uninstrumented',
  'unknown',
]);

/**
 * Whether a participant keeps its operation from walk: not exempted by a
 * waiver, and not instrumented or not propagating (or not confirmed).
 *
 * @public
 */
export function holdsBackWalk(participant: ParticipantCoverage): boolean {
  return !participant.waiver && HOLDS_BACK_WALK.has(participant.status);
}

function worstStatus(
  statuses: ParticipantStatus[],
): ParticipantStatus | undefined {
  return statuses.reduce<ParticipantStatus | undefined>(
    (worst, status) =>
      worst === undefined ||
      PARTICIPANT_STATUSES.indexOf(status) > PARTICIPANT_STATUSES.indexOf(worst)
        ? status
        : worst,
    undefined,
  );
}

/**
 * Every team's part in the rollout: its services on critical operations,
 * their worst status, compliance, scan facts, ranked next actions and
 * whether the team attended a workshop. Teams without services on critical
 * operations are included with empty lists. Pure.
 *
 * @public
 */
export function computeTeamRollouts(input: TeamRolloutInput): TeamRollout[] {
  const operationsById = new Map(input.operations.map(o => [o.id, o]));
  const participationsByService = new Map<
    string,
    Array<{ operation: CriticalOperation; participant: ParticipantCoverage }>
  >();
  for (const coverage of input.coverages) {
    const operation = operationsById.get(coverage.operationId);
    if (!operation) {
      continue;
    }
    for (const participant of coverage.participants) {
      const list = participationsByService.get(participant.service) ?? [];
      list.push({ operation, participant });
      participationsByService.set(participant.service, list);
    }
  }
  const outdated = new Set(
    [...input.serviceFacts]
      .filter(([, facts]) => facts.scan?.outdated)
      .map(([service]) => service),
  );
  const latestWorkshop = new Map<string, Workshop>();
  for (const workshop of input.workshops) {
    for (const teamRef of workshop.teamRefs) {
      const known = latestWorkshop.get(teamRef);
      if (!known || known.date < workshop.date) {
        latestWorkshop.set(teamRef, workshop);
      }
    }
  }

  return input.teams.map(team => {
    const owned = input.services.filter(s => s.ownerRef === team.entityRef);
    const participations = owned.flatMap(
      s => participationsByService.get(s.serviceName) ?? [],
    );
    const services = owned
      .filter(s => participationsByService.has(s.serviceName))
      .map(s => {
        const own = participationsByService.get(s.serviceName)!;
        const scan = input.serviceFacts.get(s.serviceName)?.scan;
        return {
          service: s.serviceName,
          entityRef: s.entityRef,
          status: worstStatus(
            own
              .filter(p => !p.participant.waiver)
              .map(p => p.participant.status),
          ),
          operationIds: [...new Set(own.map(p => p.operation.id))].sort(),
          complianceScore: input.serviceComplianceScores.get(s.serviceName),
          scan: scan && {
            instrumentation: scan.instrumentation,
            outdated: scan.outdated,
            findings: scan.findings,
            scannedAt: scan.scannedAt,
          },
        };
      });
    const blocking = new Set(
      participations
        .filter(p => holdsBackWalk(p.participant))
        .map(p => p.operation.id),
    );
    const workshop = latestWorkshop.get(team.entityRef);
    return {
      teamRef: team.entityRef,
      title: team.title,
      services,
      blockingOperationIds: [...blocking].sort(),
      complianceScore: input.teamComplianceScores.get(team.entityRef),
      nextActions: nextActionsFor(participations, outdated),
      training: {
        trained: workshop !== undefined,
        lastWorkshop: workshop && {
          date: workshop.date,
          topic: workshop.topic,
        },
      },
    };
  });
}
