import type { Trace } from '../model';
import { collectFlowIds } from './flowIds';
import { getOrCreate } from './getOrCreate';
import { compareText, sortedValues } from './ordering';
import { earliestRootIndex } from './spanParents';
import type { FlowIdUse, SharedFlowIdFinding, TraceAnalysis } from './types';

/** What a flow id group needs to know about one of its traces. */
interface FlowIdMember {
  traceId: string;
  startUs: number;
  rootService: string | undefined;
  services: readonly string[];
}

function memberOfOperation(analysis: TraceAnalysis): FlowIdMember {
  return {
    traceId: analysis.traceId,
    startUs: analysis.startTimeUs,
    rootService: analysis.rootSpans[0]?.service,
    services: analysis.services.map(s => s.service),
  };
}

function memberOutsideOperation(trace: Trace): FlowIdMember {
  const services = new Set<string>();
  let startUs = Infinity;
  for (const span of trace.spans) {
    services.add(span.serviceName);
    startUs = Math.min(startUs, span.startTimeUs);
  }
  const root = earliestRootIndex(trace, () => true);
  return {
    traceId: trace.traceId,
    startUs,
    rootService: root === -1 ? undefined : trace.spans[root].serviceName,
    services: [...services],
  };
}

interface FlowIdGroup {
  attributes: Set<string>;
  /** Traces outside the operation are summarised only if reported. */
  members: Array<FlowIdMember | (() => FlowIdMember)>;
  matchingTraces: number;
}

/**
 * Flow ids carried by more than one trace, at least one of them a request of
 * the operation. Traces outside the operation are only summarised when they
 * share a flow id with it.
 */
export class SharedFlowIdFinder {
  private readonly groups = new Map<string, FlowIdGroup>();

  constructor(
    private readonly settings: {
      flowIdAttributes: readonly string[];
      entryService: string;
      exampleLimit: number;
    },
  ) {}

  private join(
    uses: readonly FlowIdUse[],
    member: FlowIdMember | (() => FlowIdMember),
    matchesOperation: boolean,
  ) {
    for (const use of uses) {
      const group = getOrCreate(
        this.groups,
        use.value,
        (): FlowIdGroup => ({
          attributes: new Set(),
          members: [],
          matchingTraces: 0,
        }),
      );
      for (const attribute of use.attributes) {
        group.attributes.add(attribute);
      }
      group.members.push(member);
      if (matchesOperation) {
        group.matchingTraces++;
      }
    }
  }

  add(analysis: TraceAnalysis) {
    if (analysis.flowIds.length > 0) {
      this.join(analysis.flowIds, memberOfOperation(analysis), true);
    }
  }

  result(otherTraces: readonly Trace[]): SharedFlowIdFinding[] {
    // Only flow ids of the operation's traces can be reported; without any,
    // the other traces need not be read at all.
    if (this.groups.size === 0) {
      return [];
    }
    for (const trace of otherTraces) {
      const uses = collectFlowIds(
        trace.spans,
        this.settings.flowIdAttributes,
      ).filter(use => this.groups.has(use.value));
      if (uses.length > 0) {
        this.join(uses, () => memberOutsideOperation(trace), false);
      }
    }
    const findings: SharedFlowIdFinding[] = [];
    for (const [flowId, group] of this.groups) {
      if (group.members.length >= 2 && group.matchingTraces > 0) {
        findings.push(this.findingOf(flowId, group));
      }
    }
    return findings.sort(
      (a, b) => b.traceCount - a.traceCount || compareText(a.flowId, b.flowId),
    );
  }

  private findingOf(flowId: string, group: FlowIdGroup): SharedFlowIdFinding {
    const members = group.members
      .map(member => (typeof member === 'function' ? member() : member))
      .sort(
        (a, b) => a.startUs - b.startUs || compareText(a.traceId, b.traceId),
      );
    const startingNewTraces = new Set<string>();
    for (const member of members.slice(1)) {
      if (
        member.rootService &&
        member.rootService !== this.settings.entryService
      ) {
        startingNewTraces.add(member.rootService);
      }
    }
    return {
      flowId,
      attributes: sortedValues(group.attributes),
      traceCount: members.length,
      matchingTraceCount: group.matchingTraces,
      traceIds: members
        .slice(0, this.settings.exampleLimit)
        .map(m => m.traceId),
      services: sortedValues(new Set(members.flatMap(m => m.services))),
      servicesStartingNewTraces: sortedValues(startingNewTraces),
    };
  }
}
