import { criticalOperationAppPath, teamAppPath } from './appPaths';
import { isPropagating, meetsMaturity } from './coverage';
import {
  CriticalOperation,
  MATURITY_LEVELS,
  Maturity,
  OperationCoverage,
  ParticipantCoverage,
  ParticipantStatus,
  TeamRollout,
} from './types';

/**
 * What regressed: an operation fell below a maturity it had, a service that
 * propagated on an operation stopped, or a team's compliance fell below the
 * threshold.
 *
 * @public
 */
export type RegressionSubject =
  | { kind: 'maturity-lost'; operationId: string; lostMaturity: Maturity }
  | { kind: 'propagation-broken'; operationId: string; service: string }
  | { kind: 'compliance-dropped'; teamRef: string };

/** A regression to tell its owners about. @public */
export interface RegressionAlert {
  /** Identifies the regression while it stays open. */
  key: string;
  subject: RegressionSubject;
  /** Group entity ref of the owners to notify. */
  recipient: string;
  title: string;
  description: string;
  /** Portal path of the page that shows the regression. */
  link: string;
  /**
   * The same for every regression of one operation, service on an operation,
   * or team, so a later notification replaces the earlier one.
   */
  scope: string;
}

/** The status documents of one evaluation. @public */
export interface RolloutDocuments {
  operations: readonly OperationCoverage[];
  teams: readonly TeamRollout[];
}

/** @public */
export interface RegressionDiffInput {
  /** The current definitions, for names and owners. */
  operations: readonly CriticalOperation[];
  previous: RolloutDocuments;
  current: RolloutDocuments;
  /** Regressions already alerted and not recovered yet. */
  openAlerts: readonly RegressionSubject[];
  /**
   * Share of the 0–100 compliance score (0.8 means 80) a team must stay at
   * or above.
   */
  complianceThreshold: number;
}

/** @public */
export interface RegressionDiff {
  /** New regressions, none of them open yet. */
  opened: RegressionAlert[];
  /** Open regressions that recovered, or whose subject is gone. */
  resolved: RegressionSubject[];
}

const BROKEN: ReadonlySet<ParticipantStatus> = new Set([
  'broken-propagation',
  'uninstrumented',
]);

/**
 * The key of a regression: a new one is alerted only while no alert with
 * its key is open.
 *
 * @public
 */
export function regressionKey(subject: RegressionSubject): string {
  switch (subject.kind) {
    case 'maturity-lost':
      // one key per level lost, so a further drop is alerted too
      return `maturity:${subject.operationId}:${subject.lostMaturity}`;
    case 'propagation-broken':
      return `propagation:${subject.operationId}:${subject.service}`;
    default:
      return `compliance:${subject.teamRef}`;
  }
}

function scopeOf(subject: RegressionSubject): string {
  switch (subject.kind) {
    case 'maturity-lost':
      return `tracing-adoption:maturity:${subject.operationId}`;
    case 'propagation-broken':
      return `tracing-adoption:propagation:${subject.operationId}:${subject.service}`;
    default:
      return `tracing-adoption:compliance:${subject.teamRef}`;
  }
}

function alertOf(
  subject: RegressionSubject,
  message: Pick<
    RegressionAlert,
    'recipient' | 'title' | 'description' | 'link'
  >,
): RegressionAlert {
  return {
    key: regressionKey(subject),
    subject,
    scope: scopeOf(subject),
    ...message,
  };
}

function maturityRank(maturity: Maturity): number {
  return MATURITY_LEVELS.indexOf(maturity);
}

function maturityAlert(
  operation: CriticalOperation,
  before: OperationCoverage,
  now: OperationCoverage,
): RegressionAlert {
  const next = MATURITY_LEVELS[maturityRank(now.maturity) + 1];
  return alertOf(
    {
      kind: 'maturity-lost',
      operationId: operation.id,
      lostMaturity: before.maturity,
    },
    {
      recipient: operation.ownerRef,
      title: `${operation.name} dropped from ${before.maturity} to ${now.maturity}`,
      description: `The tracing maturity of ${operation.name} (${
        operation.id
      }) fell from ${before.maturity} to ${
        now.maturity
      }. What keeps it from ${next}: ${now.nextLevelBlockers.join(' ')}`,
      link: criticalOperationAppPath(operation.id),
    },
  );
}

function propagationAlert(
  operation: CriticalOperation,
  before: ParticipantCoverage,
  now: ParticipantCoverage,
): RegressionAlert {
  const [evidence] = now.evidence;
  const change =
    now.status === 'uninstrumented'
      ? 'no longer emits spans in'
      : 'no longer propagates trace context in';
  return alertOf(
    {
      kind: 'propagation-broken',
      operationId: operation.id,
      service: now.service,
    },
    {
      recipient: now.ownerRef ?? operation.ownerRef,
      title: `${now.service} ${change} ${operation.name}`,
      description: `${now.service} was ${before.status} on ${
        operation.name
      } and is now ${now.status}${evidence ? `: ${evidence.message}` : ''}.`,
      link: criticalOperationAppPath(operation.id),
    },
  );
}

function belowThreshold(score: number, threshold: number): boolean {
  return score / 100 < threshold;
}

function formatPercent(share: number): string {
  return `${Number((share * 100).toFixed(1))}`;
}

function complianceAlert(
  team: TeamRollout,
  before: number,
  now: number,
  threshold: number,
): RegressionAlert {
  const name = team.title ?? team.teamRef;
  return alertOf(
    { kind: 'compliance-dropped', teamRef: team.teamRef },
    {
      recipient: team.teamRef,
      title: `${name}: convention compliance fell below ${formatPercent(
        threshold,
      )}`,
      description: `The convention compliance score of ${name} dropped from ${before} to ${now} (threshold ${formatPercent(
        threshold,
      )} of 100). Its next actions list the rules to fix.`,
      link: teamAppPath(team.teamRef),
    },
  );
}

function regressionsBetween(input: RegressionDiffInput): RegressionAlert[] {
  const { previous, current, complianceThreshold } = input;
  const operations = new Map(input.operations.map(o => [o.id, o]));
  const before = new Map(previous.operations.map(c => [c.operationId, c]));
  const alerts: RegressionAlert[] = [];
  for (const now of current.operations) {
    const operation = operations.get(now.operationId);
    const was = before.get(now.operationId);
    if (!operation || !was) {
      continue;
    }
    if (maturityRank(now.maturity) < maturityRank(was.maturity)) {
      alerts.push(maturityAlert(operation, was, now));
    }
    for (const participant of now.participants) {
      const earlier = was.participants.find(
        p => p.service === participant.service,
      );
      if (
        earlier &&
        !participant.waiver &&
        isPropagating(earlier.status) &&
        BROKEN.has(participant.status)
      ) {
        alerts.push(propagationAlert(operation, earlier, participant));
      }
    }
  }
  const teamsBefore = new Map(previous.teams.map(t => [t.teamRef, t]));
  for (const team of current.teams) {
    const was = teamsBefore.get(team.teamRef)?.complianceScore;
    const now = team.complianceScore;
    if (
      typeof was === 'number' &&
      typeof now === 'number' &&
      !belowThreshold(was, complianceThreshold) &&
      belowThreshold(now, complianceThreshold)
    ) {
      alerts.push(complianceAlert(team, was, now, complianceThreshold));
    }
  }
  return alerts;
}

function stillRegressed(
  subject: RegressionSubject,
  current: RolloutDocuments,
  complianceThreshold: number,
): boolean {
  if (subject.kind === 'compliance-dropped') {
    const team = current.teams.find(t => t.teamRef === subject.teamRef);
    // without spans to score there is no sign of recovery either
    return (
      team !== undefined &&
      (typeof team.complianceScore !== 'number' ||
        belowThreshold(team.complianceScore, complianceThreshold))
    );
  }
  const coverage = current.operations.find(
    c => c.operationId === subject.operationId,
  );
  if (!coverage) {
    return false;
  }
  if (subject.kind === 'maturity-lost') {
    return !meetsMaturity(coverage.maturity, subject.lostMaturity);
  }
  const participant = coverage.participants.find(
    p => p.service === subject.service,
  );
  return (
    participant !== undefined &&
    !participant.waiver &&
    !isPropagating(participant.status)
  );
}

/**
 * Compares two consecutive evaluations: regressions that happened between
 * them and are not alerted yet, and alerted regressions that recovered
 * (re-arming them). Pure; see docs/health-and-alerts.md for the rules.
 *
 * @public
 */
export function diffRolloutRegressions(
  input: RegressionDiffInput,
): RegressionDiff {
  const open = new Set(input.openAlerts.map(regressionKey));
  const opened = new Map<string, RegressionAlert>();
  for (const alert of regressionsBetween(input)) {
    if (!open.has(alert.key)) {
      opened.set(alert.key, alert);
    }
  }
  return {
    opened: [...opened.values()],
    resolved: input.openAlerts.filter(
      subject =>
        !stillRegressed(subject, input.current, input.complianceThreshold),
    ),
  };
}
