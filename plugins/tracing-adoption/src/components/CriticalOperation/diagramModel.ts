import {
  OperationCallGraph,
  ParticipantCoverage,
  ParticipantStatus,
  UNKNOWN_CALLEE,
} from '@internal/plugin-tracing-adoption-common';
import { milliseconds, perRequest } from '../shared/rolloutLabels';

/**
 * A box of the service diagram: a participant with its status, a datastore
 * (not expected to emit spans), or a callee its caller does not name.
 */
export interface DiagramNode {
  id: string;
  label: string;
  kind: 'participant' | 'datastore' | 'unnamed';
  status?: ParticipantStatus;
  entry: boolean;
  waived: boolean;
  errorViolations: number;
}

export interface DiagramEdge {
  id: string;
  source: string;
  target: string;
  /** e.g. `×2.5 · p95 12 ms`, or `×1 · no spans` for unanswered calls. */
  label: string;
  /** No span answers these calls. */
  unanswered: boolean;
}

export interface DiagramModel {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
}

/**
 * The nodes and edges of an operation's service diagram: every participant
 * with its status, joined by the calls of the latest trace analysis, with
 * the calls no span answers drawn to their (uninstrumented) callees. Pure.
 */
export function buildDiagram(
  participants: ParticipantCoverage[],
  graph: OperationCallGraph | undefined,
  entryService: string,
): DiagramModel {
  const nodes = new Map<string, DiagramNode>();
  const add = (
    node: Omit<DiagramNode, 'entry' | 'waived' | 'errorViolations'>,
  ) => {
    if (!nodes.has(node.id)) {
      nodes.set(node.id, {
        ...node,
        entry: node.id === entryService,
        waived: false,
        errorViolations: 0,
      });
    }
  };
  for (const p of participants) {
    nodes.set(p.service, {
      id: p.service,
      label: p.service,
      kind: 'participant',
      status: p.status,
      entry: p.service === entryService,
      waived: p.waiver !== undefined,
      errorViolations: p.errorViolations,
    });
  }

  const edges: DiagramEdge[] = [];
  for (const edge of graph?.edges ?? []) {
    add({ id: edge.caller, label: edge.caller, kind: 'participant' });
    add({ id: edge.callee, label: edge.callee, kind: 'participant' });
    edges.push({
      id: `${edge.caller}->${edge.callee}`,
      source: edge.caller,
      target: edge.callee,
      label: `${perRequest(edge.callsPerRequestMean)} · p95 ${milliseconds(
        edge.latencyP95Us,
      )}`,
      unanswered: false,
    });
  }
  for (const hop of graph?.uninstrumentedHops ?? []) {
    add({
      id: hop.callerService,
      label: hop.callerService,
      kind: 'participant',
    });
    let target: string;
    if (hop.calleeName === UNKNOWN_CALLEE) {
      target = `unnamed:${hop.callerService}`;
      add({ id: target, label: 'unnamed callee', kind: 'unnamed' });
    } else if (hop.calleeKind === 'datastore') {
      target = `datastore:${hop.calleeName}`;
      add({ id: target, label: hop.calleeName, kind: 'datastore' });
    } else {
      target = hop.calleeName;
      add({ id: target, label: hop.calleeName, kind: 'participant' });
    }
    edges.push({
      id: `${hop.callerService}->${target}:unanswered`,
      source: hop.callerService,
      target,
      label: `${perRequest(hop.callsPerRequestMean)} · no spans`,
      unanswered: true,
    });
  }
  return { nodes: [...nodes.values()], edges };
}
