import {
  CoverageEvidence,
  ParticipantStatus,
} from '@internal/plugin-tracing-adoption-common';
import { ComponentRollout, TeamService } from './useComponentRollout';

export type CheckState = 'pass' | 'fail' | 'unknown';

export interface CheckItem {
  title: string;
  state: CheckState;
  detail: string;
}

/** A violation as evidence, with the operation whose traces show it. */
export interface ViolationEvidence {
  operationName: string;
  evidence: CoverageEvidence;
  traceLinks: Record<string, string>;
}

/** Repository scan values that mean no spans reach a trace backend. */
const UNTRACED = new Set(['none', 'vendor-apm']);
const EMITS_SPANS: ReadonlySet<ParticipantStatus> = new Set([
  'end-to-end',
  'non-compliant',
  'broken-propagation',
]);

function names(
  operations: ComponentRollout['operations'],
  statuses: ReadonlySet<ParticipantStatus>,
): string[] {
  return operations
    .filter(o => o.participant && statuses.has(o.participant.status))
    .map(o => o.detail.operation.name);
}

/**
 * The four things a service needs for the rollout, judged from its statuses
 * on the critical operations and its repository scan. Pure.
 */
export function componentChecklist(
  service: TeamService,
  operations: ComponentRollout['operations'],
): { items: CheckItem[]; violations: ViolationEvidence[] } {
  const { scan } = service;
  const seen = names(operations, EMITS_SPANS);
  const silent = names(operations, new Set(['uninstrumented']));
  const broken = names(operations, new Set(['broken-propagation']));
  const scanText = scan
    ? `repository scan: ${scan.instrumentation}`
    : 'repository not scanned';

  let tracer: CheckItem;
  if (seen.length > 0) {
    tracer = {
      title: 'Tracer present',
      state: 'pass',
      detail: `Emits spans in the traces of ${seen.join(', ')}; ${scanText}`,
    };
  } else if (
    silent.length > 0 ||
    (scan && UNTRACED.has(scan.instrumentation))
  ) {
    tracer = {
      title: 'Tracer present',
      state: 'fail',
      detail:
        scan && !UNTRACED.has(scan.instrumentation)
          ? `The repository has ${scan.instrumentation} instrumentation, yet no spans arrive: check that the exporter is enabled and points at the collector`
          : `No spans in the traces; ${scanText}`,
    };
  } else {
    tracer = {
      title: 'Tracer present',
      state: 'unknown',
      detail: `Not seen in the sampled traces; ${scanText}`,
    };
  }

  const cut = [...new Set([...broken, ...silent])];
  let propagation: CheckItem;
  if (cut.length > 0) {
    propagation = {
      title: 'Propagates context',
      state: 'fail',
      detail: `The trace breaks at this service on ${cut.join(', ')}`,
    };
  } else if (seen.length > 0) {
    propagation = {
      title: 'Propagates context',
      state: 'pass',
      detail: 'Continues the caller’s trace on every operation it was seen in',
    };
  } else {
    propagation = {
      title: 'Propagates context',
      state: 'unknown',
      detail: 'Not seen in the sampled traces',
    };
  }

  const violations: ViolationEvidence[] = operations.flatMap(o =>
    (o.participant?.evidence ?? [])
      .filter(e => e.kind === 'violation')
      .map(evidence => ({
        operationName: o.detail.operation.name,
        evidence,
        traceLinks: o.detail.traceLinks,
      })),
  );
  const errorViolations = operations.reduce(
    (sum, o) => sum + (o.participant?.errorViolations ?? 0),
    0,
  );
  let compliant: CheckItem;
  if (errorViolations > 0) {
    compliant = {
      title: 'Compliant',
      state: 'fail',
      detail: `${errorViolations} error-severity convention violations`,
    };
  } else if (seen.length > 0) {
    compliant = {
      title: 'Compliant',
      state: 'pass',
      detail: 'No error-severity convention violation in its spans',
    };
  } else {
    compliant = {
      title: 'Compliant',
      state: 'unknown',
      detail: 'No spans to check',
    };
  }

  let sdk: CheckItem;
  if (!scan) {
    sdk = {
      title: 'SDK current',
      state: 'unknown',
      detail: 'The repository was not scanned',
    };
  } else if (scan.outdated) {
    sdk = {
      title: 'SDK current',
      state: 'fail',
      detail: 'A tracing SDK is below the minimum version: upgrade it',
    };
  } else {
    sdk = {
      title: 'SDK current',
      state: 'pass',
      detail:
        scan.instrumentation === 'none'
          ? 'No tracing SDK to be outdated'
          : 'Tracing SDKs at or above the minimum versions',
    };
  }
  return { items: [tracer, propagation, compliant, sdk], violations };
}
