import type { SpanReference } from '../model';
import type { NewTracePairing } from './newTraceDetection';
import { compareText, sortedValues } from './ordering';
import { PairMap } from './pairMap';
import { FindingsByService, TraceOccurrences } from './traceOccurrences';
import type {
  CrossTraceReferenceFinding,
  NewTraceExample,
  NewTraceFinding,
  OrphanRootFinding,
  TraceAnalysis,
} from './types';

/** Hops answered in new traces, grouped by callee and caller service. */
export function summariseNewTraces(
  pairings: readonly NewTracePairing[],
  exampleLimit: number,
): NewTraceFinding[] {
  const findings = new PairMap<{
    calleeService: string;
    callerService: string;
    hopCalleeNames: Set<string>;
    hops: number;
    operationTraces: Set<string>;
    examples: NewTraceExample[];
  }>();
  for (const pairing of pairings) {
    const finding = findings.getOrCreate(
      pairing.calleeService,
      pairing.hop.callerService,
      () => ({
        calleeService: pairing.calleeService,
        callerService: pairing.hop.callerService,
        hopCalleeNames: new Set(),
        hops: 0,
        operationTraces: new Set(),
        examples: [],
      }),
    );
    finding.hopCalleeNames.add(pairing.hop.calleeName);
    finding.hops++;
    finding.operationTraces.add(pairing.operationTraceId);
    if (finding.examples.length < exampleLimit) {
      finding.examples.push({
        operationTraceId: pairing.operationTraceId,
        callerSpanId: pairing.hop.callerSpanId,
        newTraceId: pairing.newTraceId,
      });
    }
  }
  return findings
    .values()
    .map(finding => ({
      calleeService: finding.calleeService,
      callerService: finding.callerService,
      hopCalleeNames: sortedValues(finding.hopCalleeNames),
      hopsAnsweredInNewTrace: finding.hops,
      operationTraces: finding.operationTraces.size,
      examples: finding.examples,
    }))
    .sort(
      (a, b) =>
        compareText(a.calleeService, b.calleeService) ||
        compareText(a.callerService, b.callerService),
    );
}

/** Orphan root spans of the matching traces, per service. */
export class OrphanRootAggregator {
  private readonly orphans: FindingsByService;

  constructor(exampleLimit: number) {
    this.orphans = new FindingsByService(exampleLimit);
  }

  add(analysis: TraceAnalysis) {
    for (const orphan of analysis.orphanRoots) {
      this.orphans.add(orphan.service, analysis.traceId);
    }
  }

  result(): OrphanRootFinding[] {
    return this.orphans
      .entries()
      .map(({ service, findings, traces, exampleTraceIds }) => ({
        service,
        orphanRoots: findings,
        tracesWithOrphanRoot: traces,
        exampleTraceIds,
      }));
  }
}

/** References from the matching traces into other traces, per service and type. */
export class CrossTraceReferenceAggregator {
  private readonly findings = new PairMap<{
    service: string;
    type: SpanReference['type'];
    references: number;
    occurrences: TraceOccurrences;
    examples: CrossTraceReferenceFinding['examples'];
  }>();

  constructor(private readonly exampleLimit: number) {}

  add(analysis: TraceAnalysis) {
    for (const reference of analysis.crossTraceReferences) {
      const finding = this.findings.getOrCreate(
        reference.service,
        reference.type,
        () => ({
          service: reference.service,
          type: reference.type,
          references: 0,
          occurrences: new TraceOccurrences(0),
          examples: [],
        }),
      );
      finding.references++;
      finding.occurrences.add(analysis.traceId);
      if (finding.examples.length < this.exampleLimit) {
        finding.examples.push({
          traceId: analysis.traceId,
          linkedTraceId: reference.linkedTraceId,
        });
      }
    }
  }

  result(): CrossTraceReferenceFinding[] {
    return this.findings
      .values()
      .map(finding => ({
        service: finding.service,
        type: finding.type,
        references: finding.references,
        tracesWithReference: finding.occurrences.traces,
        examples: finding.examples,
      }))
      .sort(
        (a, b) =>
          compareText(a.service, b.service) || compareText(a.type, b.type),
      );
  }
}
