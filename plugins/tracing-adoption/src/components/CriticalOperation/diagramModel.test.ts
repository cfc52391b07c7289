import { checkoutDetail } from '../../__testUtils__/rolloutFixtures';
import { buildDiagram } from './diagramModel';

describe('buildDiagram', () => {
  const detail = checkoutDetail();

  it('draws every participant with its status, and the callees no span answers', () => {
    const { nodes } = buildDiagram(
      detail.coverage!.participants,
      detail.analysis,
      'edge-gateway',
    );
    expect(
      nodes.map(n => ({ id: n.id, kind: n.kind, status: n.status })),
    ).toEqual([
      { id: 'checkout', kind: 'participant', status: 'non-compliant' },
      { id: 'currency', kind: 'participant', status: 'uninstrumented' },
      { id: 'edge-gateway', kind: 'participant', status: 'end-to-end' },
      { id: 'payments', kind: 'participant', status: 'broken-propagation' },
      { id: 'tax', kind: 'participant', status: 'unknown' },
      { id: 'datastore:orders-db', kind: 'datastore', status: undefined },
    ]);
    expect(nodes.find(n => n.id === 'edge-gateway')?.entry).toBe(true);
  });

  it('labels calls with their fan-out and p95, and unanswered calls as such', () => {
    const { edges } = buildDiagram(
      detail.coverage!.participants,
      detail.analysis,
      'edge-gateway',
    );
    expect(edges).toEqual([
      {
        id: 'edge-gateway->checkout',
        source: 'edge-gateway',
        target: 'checkout',
        label: '×1 · p95 48 ms',
        unanswered: false,
      },
      {
        id: 'checkout->payments',
        source: 'checkout',
        target: 'payments',
        label: '×1 · p95 13 ms',
        unanswered: false,
      },
      {
        id: 'checkout->currency:unanswered',
        source: 'checkout',
        target: 'currency',
        label: '×2.5 · no spans',
        unanswered: true,
      },
      {
        id: 'checkout->datastore:orders-db:unanswered',
        source: 'checkout',
        target: 'datastore:orders-db',
        label: '×3 · no spans',
        unanswered: true,
      },
    ]);
  });

  it('gives each caller its own box for callees no attribute names', () => {
    const { nodes, edges } = buildDiagram(
      [],
      {
        edges: [],
        uninstrumentedHops: [
          {
            callerService: 'cart',
            calleeName: 'unknown',
            calleeKind: 'service',
            callsPerRequestMean: 1,
          },
        ],
      },
      'cart',
    );
    expect(nodes.map(n => [n.id, n.kind])).toEqual([
      ['cart', 'participant'],
      ['unnamed:cart', 'unnamed'],
    ]);
    expect(edges[0].target).toBe('unnamed:cart');
  });
});
