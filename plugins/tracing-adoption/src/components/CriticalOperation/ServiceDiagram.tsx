import { Box, makeStyles, Typography, useTheme } from '@material-ui/core';
import { PARTICIPANT_STATUSES } from '@internal/plugin-tracing-adoption-common';
import {
  Background,
  Controls,
  Edge,
  Handle,
  MarkerType,
  Node,
  NodeProps,
  Position,
  ReactFlow,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useState } from 'react';
import { STATUS_LABELS } from '../shared/rolloutLabels';
import {
  ParticipantStatusChip,
  STATUS_BORDERS,
  STATUS_TONES,
  toneColor,
  ToneChip,
} from '../shared/Tone';
import { layoutDiagram, NODE_HEIGHT, NODE_WIDTH } from './diagramLayout';
import { DiagramModel, DiagramNode } from './diagramModel';

const useStyles = makeStyles(theme => ({
  box: {
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
    boxSizing: 'border-box',
    borderWidth: 2,
    borderRadius: theme.shape.borderRadius,
    padding: theme.spacing(0.5, 1),
    backgroundColor: theme.palette.background.paper,
    color: theme.palette.text.primary,
    display: 'flex',
    flexDirection: 'column',
    justifyContent: 'center',
    alignItems: 'flex-start',
    textAlign: 'left',
    font: 'inherit',
  },
  button: {
    cursor: 'pointer',
    '&:focus-visible': {
      outline: `2px solid ${theme.palette.primary.main}`,
      outlineOffset: 2,
    },
  },
  selected: {
    boxShadow: `0 0 0 3px ${theme.palette.primary.main}`,
  },
  silent: {
    backgroundColor: theme.palette.action.disabledBackground,
    color: theme.palette.text.secondary,
  },
  datastore: {
    borderRadius: theme.spacing(2),
  },
  label: {
    fontWeight: 600,
    maxWidth: '100%',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  caption: {
    fontSize: '0.75rem',
    color: theme.palette.text.secondary,
    whiteSpace: 'nowrap',
  },
  fallback: {
    listStyle: 'none',
    padding: 0,
    margin: 0,
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
  },
}));

function caption(node: DiagramNode): string {
  let text: string;
  if (node.kind === 'datastore') {
    text = 'datastore';
  } else if (node.kind === 'unnamed') {
    text = 'no attribute names it';
  } else {
    switch (node.status) {
      case 'uninstrumented':
        text = 'no spans';
        break;
      case 'unknown':
        text = 'not seen in traces';
        break;
      case 'non-compliant':
        text = `${node.errorViolations} violations`;
        break;
      case undefined:
        text = 'not evaluated';
        break;
      default:
        text = STATUS_LABELS[node.status];
    }
  }
  return [node.entry && 'entry', text, node.waived && 'waived']
    .filter(Boolean)
    .join(' · ');
}

/** One service; participants are buttons that show their evidence. */
const ServiceBox = ({
  node,
  selected,
  onSelect,
}: {
  node: DiagramNode;
  selected: boolean;
  onSelect: (service: string) => void;
}) => {
  const classes = useStyles();
  const theme = useTheme();
  const silent =
    node.kind !== 'participant' || node.status === 'uninstrumented';
  const border = node.status
    ? `2px ${STATUS_BORDERS[node.status]} ${toneColor(
        theme,
        STATUS_TONES[node.status],
      )}`
    : `2px ${node.kind === 'unnamed' ? 'dashed' : 'solid'} ${
        theme.palette.divider
      }`;
  const className = [
    classes.box,
    silent && classes.silent,
    node.kind === 'datastore' && classes.datastore,
    selected && classes.selected,
  ]
    .filter(Boolean)
    .join(' ');
  const text = caption(node);
  const content = (
    <>
      <span className={classes.label}>{node.label}</span>
      <span className={classes.caption}>{text}</span>
    </>
  );
  if (!node.status) {
    return (
      <div
        className={className}
        style={{ border }}
        role="img"
        aria-label={`${node.label}: ${text}`}
        data-status={node.kind}
      >
        {content}
      </div>
    );
  }
  return (
    <button
      type="button"
      className={`${className} ${classes.button}`}
      style={{ border }}
      aria-pressed={selected}
      aria-label={`${node.label}: ${STATUS_LABELS[node.status]}${
        node.waived ? ', waived' : ''
      }`}
      data-status={node.status}
      onClick={() => onSelect(node.id)}
    >
      {content}
    </button>
  );
};

type ServiceNodeData = {
  node: DiagramNode;
  selected: boolean;
  onSelect: (service: string) => void;
};
type ServiceFlowNode = Node<ServiceNodeData, 'service'>;

const hiddenHandle = { visibility: 'hidden' as const };

const ServiceNode = ({ data }: NodeProps<ServiceFlowNode>) => (
  <>
    <Handle
      type="target"
      position={Position.Left}
      isConnectable={false}
      style={hiddenHandle}
    />
    <ServiceBox {...data} />
    <Handle
      type="source"
      position={Position.Right}
      isConnectable={false}
      style={hiddenHandle}
    />
  </>
);

const nodeTypes = { service: ServiceNode };

type Layout =
  | { state: 'pending' }
  | { state: 'done'; positions: Map<string, { x: number; y: number }> }
  | { state: 'failed'; message: string };

/** What the node borders and edge styles mean. */
const DiagramLegend = () => (
  <Box display="flex" flexWrap="wrap" alignItems="center" gridGap={8} mt={1}>
    {PARTICIPANT_STATUSES.map(status => (
      <ParticipantStatusChip key={status} status={status} />
    ))}
    <ToneChip tone="neutral" label="datastore" />
    <Typography variant="caption" color="textSecondary">
      Edges: calls per request (×n) and p95 latency; dashed grey edges are calls
      no span answers.
    </Typography>
  </Box>
);

/**
 * The operation's services left to right from the edge, laid out by elkjs
 * and drawn with React Flow. Until the layout is ready (or if it fails) the
 * same boxes are listed, so every service stays visible and selectable.
 */
export const ServiceDiagram = ({
  model,
  selected,
  onSelect,
}: {
  model: DiagramModel;
  selected?: string;
  onSelect: (service: string) => void;
}) => {
  const classes = useStyles();
  const theme = useTheme();
  const [layout, setLayout] = useState<Layout>({ state: 'pending' });

  useEffect(() => {
    let current = true;
    setLayout({ state: 'pending' });
    layoutDiagram(model).then(
      positions => current && setLayout({ state: 'done', positions }),
      error =>
        current && setLayout({ state: 'failed', message: String(error) }),
    );
    return () => {
      current = false;
    };
  }, [model]);

  const flow = useMemo(() => {
    if (layout.state !== 'done') {
      return undefined;
    }
    const nodes: ServiceFlowNode[] = model.nodes.map(node => ({
      id: node.id,
      type: 'service',
      position: layout.positions.get(node.id) ?? { x: 0, y: 0 },
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      data: { node, selected: node.id === selected, onSelect },
    }));
    const edges: Edge[] = model.edges.map(edge => {
      const stroke = edge.unanswered
        ? theme.palette.status.aborted
        : theme.palette.text.secondary;
      return {
        id: edge.id,
        source: edge.source,
        target: edge.target,
        label: edge.label,
        style: {
          stroke,
          strokeWidth: 1.5,
          strokeDasharray: edge.unanswered ? '6 4' : undefined,
        },
        markerEnd: { type: MarkerType.ArrowClosed, color: stroke },
        labelStyle: { fill: theme.palette.text.primary, fontSize: 11 },
        labelBgStyle: { fill: theme.palette.background.paper },
        labelBgPadding: [4, 2] as [number, number],
      };
    });
    const bottom = Math.max(0, ...nodes.map(n => n.position.y)) + NODE_HEIGHT;
    return { nodes, edges, height: Math.min(640, Math.max(260, bottom + 80)) };
  }, [layout, model, selected, onSelect, theme]);

  return (
    <div data-testid="service-diagram" data-layout={layout.state}>
      {flow ? (
        <div style={{ height: flow.height }}>
          <ReactFlow
            nodes={flow.nodes}
            edges={flow.edges}
            nodeTypes={nodeTypes}
            colorMode={theme.palette.type}
            fitView
            minZoom={0.2}
            nodesDraggable={false}
            nodesConnectable={false}
            nodesFocusable={false}
            edgesFocusable={false}
            elementsSelectable={false}
            zoomOnScroll={false}
            preventScrolling={false}
          >
            <Background color={theme.palette.divider} />
            <Controls showInteractive={false} />
          </ReactFlow>
        </div>
      ) : (
        <>
          {layout.state === 'failed' && (
            <Typography variant="body2" color="textSecondary" paragraph>
              The diagram could not be laid out ({layout.message}); the services
              are listed instead.
            </Typography>
          )}
          <ul className={classes.fallback} aria-label="Services">
            {model.nodes.map(node => (
              <li key={node.id}>
                <ServiceBox
                  node={node}
                  selected={node.id === selected}
                  onSelect={onSelect}
                />
              </li>
            ))}
          </ul>
        </>
      )}
      <DiagramLegend />
    </div>
  );
};
