import type { ElkNode } from 'elkjs/lib/elk-api';
import { DiagramModel } from './diagramModel';

export const NODE_WIDTH = 190;
export const NODE_HEIGHT = 60;

/**
 * Positions of the diagram's nodes, callers left of their callees, from
 * elkjs's layered algorithm. elkjs is loaded on first use: it is large and
 * only this diagram needs it.
 */
export async function layoutDiagram(
  model: DiagramModel,
): Promise<Map<string, { x: number; y: number }>> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const graph: ElkNode = {
    id: 'operation',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '32',
      'elk.layered.spacing.nodeNodeBetweenLayers': '110',
      'elk.spacing.componentComponent': '48',
    },
    children: model.nodes.map(node => ({
      id: node.id,
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
    })),
    edges: model.edges.map(edge => ({
      id: edge.id,
      sources: [edge.source],
      targets: [edge.target],
    })),
  };
  const laidOut = await new ELK().layout(graph);
  return new Map(
    (laidOut.children ?? []).map(child => [
      child.id,
      { x: child.x ?? 0, y: child.y ?? 0 },
    ]),
  );
}
