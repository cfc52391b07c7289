import type { OperationCompliance } from '../compliance/complianceOfOperation';
import { UNKNOWN_CALLEE } from '../trace/analysis/calleeNames';
import type {
  BlockingReason,
  OperationAnalysis,
} from '../trace/analysis/types';
import {
  CoverageEvidence,
  CriticalOperation,
  MATURITY_LEVELS,
  Maturity,
  OperationCoverage,
  PARTICIPANT_STATUSES,
  ParticipantCoverage,
  ParticipantStatus,
  Waiver,
} from './types';

/** Instrumentation values of a scan that mean spans reach no trace backend. */
const UNTRACED_INSTRUMENTATION = new Set(['none', 'vendor-apm']);

/**
 * Whether a repository scan's instrumentation is a tracing library whose
 * spans can reach a trace backend (not `none`, not only a vendor APM agent).
 *
 * @public
 */
export function hasTracingLibrary(instrumentation: string): boolean {
  return !UNTRACED_INSTRUMENTATION.has(instrumentation);
}

/** What the catalog and the latest repository scan say about a service. */
export interface ServiceFacts {
  entityRef: string;
  ownerRef?: string;
  scan?: {
    /** Repository (host/owner/name) and directory the scan looked at. */
    location: string;
    instrumentation: string;
    outdated: boolean;
    findings: number;
    scannedAt?: string;
  };
}

/** @public */
export interface CoverageInput {
  operation: CriticalOperation;
  analysis?: {
    result: OperationAnalysis;
    analyzedAt: string;
    stale: boolean;
  };
  /** Compliance of the spans in the analysed traces. */
  compliance?: OperationCompliance;
  /** Catalog and scan facts by `service.name`. */
  services: ReadonlyMap<string, ServiceFacts>;
  /** All waivers; expired ones are ignored. */
  waivers: readonly Waiver[];
  now: Date;
}

/** @public */
export function isWaiverActive(waiver: Waiver, now: Date): boolean {
  return Date.parse(waiver.expiresAt) > now.getTime();
}

const PROPAGATION_REASONS: Record<BlockingReason, string> = {
  'uninstrumented-callee': 'calls a service that emits no spans',
  'calls-unidentified-callee':
    'calls a service its client spans do not name (set peer.service or server.address), so the hop cannot be attributed',
  'starts-new-trace':
    'answers calls of this operation in a new trace instead of continuing the caller’s',
  'flow-id-instead-of-trace-context':
    'passes a legacy flow id where the trace context should travel',
};

function examples(traceIds: readonly string[], limit = 3): string[] {
  return traceIds.slice(0, limit);
}

/** Services the operation involves: traced participants, the entry and declared ones. */
function participantNames(input: CoverageInput): string[] {
  const names = new Set<string>([input.operation.entry.entryService]);
  for (const participant of input.analysis?.result.participants ?? []) {
    if (
      participant.kind === 'service' &&
      participant.service !== UNKNOWN_CALLEE
    ) {
      names.add(participant.service);
    }
  }
  for (const service of input.operation.declaredParticipants) {
    names.add(service);
  }
  return [...names].sort();
}

function serviceWaiver(
  input: CoverageInput,
  service: string,
): Waiver | undefined {
  return input.waivers.find(
    waiver =>
      waiver.scope.kind === 'service' &&
      waiver.scope.service === service &&
      (waiver.scope.operationId === undefined ||
        waiver.scope.operationId === input.operation.id) &&
      isWaiverActive(waiver, input.now),
  );
}

function isRuleWaived(
  input: CoverageInput,
  service: string,
  ruleId: string,
): boolean {
  return input.waivers.some(
    waiver =>
      waiver.scope.kind === 'rule' &&
      waiver.scope.ruleId === ruleId &&
      (waiver.scope.service === undefined ||
        waiver.scope.service === service) &&
      isWaiverActive(waiver, input.now),
  );
}

function violationEvidence(
  input: CoverageInput,
  service: string,
): { errorViolations: number; evidence: CoverageEvidence[] } {
  const compliance = input.compliance?.services.find(
    s => s.service === service,
  );
  let errorViolations = 0;
  const evidence: CoverageEvidence[] = [];
  for (const rule of compliance?.rules ?? []) {
    if (
      rule.severity !== 'error' ||
      isRuleWaived(input, service, rule.ruleId)
    ) {
      continue;
    }
    const serviceExamples = rule.examples.filter(e => e.service === service);
    errorViolations += rule.violations;
    const [example] = serviceExamples;
    evidence.push({
      kind: 'violation',
      ruleId: rule.ruleId,
      message: `${rule.violations} × ${rule.ruleId} (${rule.packName}): ${
        rule.description
      }${
        example ? ` — e.g. span “${example.spanName}”: ${example.message}` : ''
      }. Fix: ${rule.fix}`,
      traceIds: examples(serviceExamples.map(e => e.traceId)),
    });
  }
  return { errorViolations, evidence };
}

function scanEvidence(facts: ServiceFacts | undefined): CoverageEvidence[] {
  if (!facts?.scan) {
    return [];
  }
  const { scan } = facts;
  return [
    {
      kind: 'scan',
      path: scan.location,
      message: `Repository scan of ${scan.location}: ${
        scan.instrumentation === 'none'
          ? 'no tracing library'
          : `${scan.instrumentation} instrumentation`
      }${scan.outdated ? ', below the minimum version' : ''}`,
    },
  ];
}

function participantCoverage(
  input: CoverageInput,
  service: string,
): ParticipantCoverage {
  const { analysis, operation } = input;
  const result = analysis?.result;
  const traced = result?.participants.find(
    p => p.service === service && p.kind === 'service',
  );
  const facts = input.services.get(service);
  const declared = operation.declaredParticipants.includes(service);
  const evidence: CoverageEvidence[] = [];
  let status: ParticipantStatus;
  let errorViolations = 0;

  if (traced?.emitsSpans || traced?.startsNewTrace) {
    const reasons =
      result?.endToEnd.blockingServices.find(b => b.service === service)
        ?.reasons ?? [];
    const propagation = reasons.filter(r => r !== 'uninstrumented-callee');
    if (propagation.length > 0 || traced.startsNewTrace) {
      status = 'broken-propagation';
      const newTraces = result?.brokenPropagation.newTraces.filter(
        f => f.calleeService === service,
      );
      const flowIds = result?.brokenPropagation.sharedFlowIds.filter(f =>
        f.servicesStartingNewTraces.includes(service),
      );
      for (const reason of propagation.length > 0
        ? propagation
        : (['starts-new-trace'] as BlockingReason[])) {
        evidence.push({
          kind: 'trace',
          message: `${service} ${PROPAGATION_REASONS[reason]}`,
          traceIds: examples([
            ...(newTraces ?? []).flatMap(f =>
              f.examples.map(e => e.operationTraceId),
            ),
            ...(flowIds ?? []).flatMap(f => f.traceIds),
            ...(reason === 'calls-unidentified-callee'
              ? result?.uninstrumentedHops
                  .filter(
                    h =>
                      h.callerService === service &&
                      h.calleeName === UNKNOWN_CALLEE,
                  )
                  .flatMap(h => h.exampleTraceIds) ?? []
              : []),
          ]),
        });
      }
    } else {
      const violations = violationEvidence(input, service);
      errorViolations = violations.errorViolations;
      evidence.push(...violations.evidence);
      status = errorViolations > 0 ? 'non-compliant' : 'end-to-end';
      evidence.unshift({
        kind: 'trace',
        message: `${service} emits spans in ${traced.tracesWithService} of ${
          result!.sample.matchingTraces
        } sampled traces and continues the caller’s trace`,
        traceIds: examples(result!.sample.traceIds),
      });
    }
  } else if (traced?.seenAsUninstrumentedCallee) {
    status = 'uninstrumented';
    const hops = result!.uninstrumentedHops.filter(
      h => h.calleeName === service,
    );
    evidence.push({
      kind: 'trace',
      message: `Called by ${[...new Set(hops.map(h => h.callerService))]
        .sort()
        .join(', ')} (${hops.reduce(
        (sum, h) => sum + h.totalCalls,
        0,
      )} calls) but emits no spans of its own`,
      traceIds: examples(hops.flatMap(h => h.exampleTraceIds)),
    });
    if (facts?.scan && hasTracingLibrary(facts.scan.instrumentation)) {
      evidence.push({
        kind: 'scan',
        path: facts.scan.location,
        message: `The repository has ${facts.scan.instrumentation} instrumentation, yet no spans arrive: check that the exporter is enabled and points at the collector`,
      });
    }
  } else if (facts?.scan && !hasTracingLibrary(facts.scan.instrumentation)) {
    status = 'uninstrumented';
  } else {
    status = 'unknown';
    evidence.push({
      kind: 'trace',
      message: result
        ? `Not seen in the ${result.sample.matchingTraces} sampled traces of this operation`
        : 'The operation has no sampled traces yet',
    });
  }
  if (declared) {
    evidence.push({
      kind: 'declaration',
      message: `Declared as a participant of ${operation.name}`,
    });
  }
  if (status !== 'uninstrumented' || !traced?.seenAsUninstrumentedCallee) {
    evidence.push(...scanEvidence(facts));
  }

  const waiver = serviceWaiver(input, service);
  if (waiver) {
    evidence.push({
      kind: 'waiver',
      message: `Exempt until ${waiver.expiresAt}: ${waiver.reason} (approved by ${waiver.approvedBy})`,
    });
  }
  return {
    service,
    entityRef: facts?.entityRef,
    ownerRef: facts?.ownerRef,
    status,
    waiver: waiver && {
      id: waiver.id,
      reason: waiver.reason,
      expiresAt: waiver.expiresAt,
    },
    seenInTraces: traced !== undefined,
    declared,
    callsPerRequest: traced?.callsPerRequestMean,
    errorViolations,
    evidence,
  };
}

/** Statuses that count as traced end to end for walk. */
const PROPAGATING: ReadonlySet<ParticipantStatus> = new Set([
  'end-to-end',
  'non-compliant',
]);

/**
 * Whether a participant with this status is instrumented and continues the
 * trace (`end-to-end` or `non-compliant`), as walk requires.
 *
 * @public
 */
export function isPropagating(status: ParticipantStatus): boolean {
  return PROPAGATING.has(status);
}

function hasObjectives(operation: CriticalOperation): boolean {
  return (
    operation.objectives?.latencyP99Ms !== undefined ||
    operation.objectives?.errorRatePercent !== undefined
  );
}

function describeServices(participants: ParticipantCoverage[]): string {
  return participants.map(p => `${p.service} (${p.status})`).join(', ');
}

function maturityOf(
  input: CoverageInput,
  participants: ParticipantCoverage[],
): { maturity: Maturity; nextLevelBlockers: string[] } {
  const result = input.analysis?.result;
  if (!result || !result.endToEnd.reachesFromEdge) {
    return {
      maturity: 'none',
      nextLevelBlockers: [
        result
          ? `No sampled trace is rooted in ${input.operation.entry.entryService}'s server span: the edge service must start the trace`
          : 'No sampled trace matches the operation’s entry point yet',
      ],
    };
  }
  const counted = participants.filter(p => !p.waiver);
  const notPropagating = counted.filter(p => !isPropagating(p.status));
  if (notPropagating.length > 0) {
    return {
      maturity: 'crawl',
      nextLevelBlockers: [
        `Every participant must be instrumented and propagate context: ${describeServices(
          notPropagating,
        )}`,
      ],
    };
  }
  const blockers: string[] = [];
  const nonCompliant = counted.filter(p => p.status === 'non-compliant');
  if (nonCompliant.length > 0) {
    blockers.push(
      `Error-severity convention violations: ${describeServices(nonCompliant)}`,
    );
  }
  if (!hasObjectives(input.operation)) {
    blockers.push(
      'No health objectives (p99 latency or error rate) are defined for the operation',
    );
  }
  return blockers.length > 0
    ? { maturity: 'walk', nextLevelBlockers: blockers }
    : { maturity: 'run', nextLevelBlockers: [] };
}

/**
 * Status of every participant of a critical operation and the operation's
 * maturity, from its latest trace analysis, its declared participants, the
 * repository scans and the convention compliance of its traces. Pure.
 *
 * @public
 */
export function computeOperationCoverage(
  input: CoverageInput,
): OperationCoverage {
  const participants = participantNames(input).map(service =>
    participantCoverage(input, service),
  );
  const statusCounts = Object.fromEntries(
    PARTICIPANT_STATUSES.map(status => [status, 0]),
  ) as Record<ParticipantStatus, number>;
  for (const participant of participants) {
    statusCounts[participant.status] += 1;
  }
  const covered = participants.filter(
    p => p.waiver || isPropagating(p.status),
  ).length;
  const { analysis } = input;
  return {
    operationId: input.operation.id,
    ...maturityOf(input, participants),
    coverage: {
      covered,
      total: participants.length,
      ratio: participants.length === 0 ? 0 : covered / participants.length,
    },
    statusCounts,
    participants,
    traces: analysis && {
      analyzedAt: analysis.analyzedAt,
      matchingTraces: analysis.result.sample.matchingTraces,
      tracesReachingFromEdge: analysis.result.endToEnd.tracesReachingFromEdge,
      exampleTraceIds: examples(analysis.result.sample.traceIds, 5),
      stale: analysis.stale,
    },
  };
}

/**
 * Whether `maturity` is at least `target`.
 *
 * @public
 */
export function meetsMaturity(maturity: Maturity, target: Maturity): boolean {
  return MATURITY_LEVELS.indexOf(maturity) >= MATURITY_LEVELS.indexOf(target);
}
