import fc from 'fast-check';
import type {
  Attributes,
  Span,
  SpanKind,
  SpanReference,
  Trace,
} from '../model';
import { spanId, traceId } from './__testUtils__/traceBuilder';
import { analyzeOperation } from './analyzeOperation';
import { analyzeTrace } from './analyzeTrace';
import { errorSignalOf } from './errorSources';
import { declaredParentId, earliestRootIndex } from './spanParents';
import { indexTrace } from './traceIndex';

const KINDS: SpanKind[] = [
  'server',
  'client',
  'producer',
  'consumer',
  'internal',
  'unspecified',
];
const SERVICES = ['checkout', 'payments', 'pricing', 'currency'];
const ROOT_DURATION_US = 1_000_000;

const attributesArbitrary: fc.Arbitrary<Attributes> = fc.record(
  {
    error: fc.boolean(),
    'http.response.status_code': fc.constantFrom(200, 404, 500, 503),
    'peer.service': fc.constantFrom(...SERVICES),
    'db.system': fc.constant('postgresql'),
    'messaging.destination.name': fc.constant('events'),
    flow_id: fc.constantFrom('f1', 'f2'),
  },
  { requiredKeys: [] },
);

interface SpanDraft {
  parentPick: number;
  service: string;
  kind: SpanKind;
  /** Start within the parent, in thousandths of the parent's duration. */
  startShare: number;
  /** Duration, in thousandths of what is left of the parent after the start. */
  durationShare: number;
  attributes: Attributes;
  failed: boolean;
}

const spanDraftArbitrary: fc.Arbitrary<SpanDraft> = fc.record({
  parentPick: fc.nat(),
  service: fc.constantFrom(...SERVICES),
  kind: fc.constantFrom(...KINDS),
  startShare: fc.integer({ min: 0, max: 1000 }),
  durationShare: fc.integer({ min: 0, max: 1000 }),
  attributes: attributesArbitrary,
  failed: fc.boolean(),
});

function span(
  trace: string,
  id: string,
  fields: Partial<Span> &
    Pick<Span, 'serviceName' | 'startTimeUs' | 'durationUs'>,
): Span {
  return {
    traceId: trace,
    spanId: id,
    references: [],
    name: `${fields.serviceName} work`,
    kind: 'internal',
    attributes: {},
    resource: {},
    events: [],
    status: { code: 'unset' },
    ...fields,
  };
}

/**
 * A well-formed trace: an edge-gateway root server span, every other span
 * nested in time inside its parent, in another service than edge-gateway,
 * listed in shuffled order.
 */
const wellFormedTraceArbitrary: fc.Arbitrary<Trace> = fc
  .tuple(
    fc.nat(),
    fc.array(spanDraftArbitrary, { maxLength: 40 }),
    fc.integer({ min: 0, max: 1_000_000 }),
  )
  .chain(([label, drafts, startUs]) => {
    const id = traceId(`well-formed-${label}`);
    const spans: Span[] = [
      span(id, spanId('root'), {
        serviceName: 'edge-gateway',
        kind: 'server',
        name: 'GET /api/catalog',
        startTimeUs: startUs,
        durationUs: ROOT_DURATION_US,
      }),
    ];
    drafts.forEach((draft, i) => {
      const parent = spans[draft.parentPick % spans.length];
      const start =
        parent.startTimeUs +
        Math.floor((parent.durationUs * draft.startShare) / 1000);
      const left = parent.startTimeUs + parent.durationUs - start;
      spans.push(
        span(id, spanId(`span-${i}`), {
          parentSpanId: parent.spanId,
          serviceName: draft.service,
          kind: draft.kind,
          startTimeUs: start,
          durationUs: Math.floor((left * draft.durationShare) / 1000),
          attributes: draft.attributes,
          status: { code: draft.failed ? 'error' : 'unset' },
        }),
      );
    });
    return fc
      .shuffledSubarray(spans, {
        minLength: spans.length,
        maxLength: spans.length,
      })
      .map(shuffled => ({ traceId: id, spans: shuffled }));
  });

/**
 * Anything the model allows: duplicate ids, parents that are missing, the
 * span itself or part of a cycle, negative durations, references anywhere.
 */
const wildTraceArbitrary: fc.Arbitrary<Trace> = fc
  .tuple(
    fc.nat(),
    fc.array(
      fc.record({
        idPick: fc.integer({ min: 0, max: 25 }),
        parentPick: fc.option(fc.integer({ min: 0, max: 30 }), {
          nil: undefined,
        }),
        service: fc.constantFrom('edge-gateway', ...SERVICES),
        kind: fc.constantFrom(...KINDS),
        start: fc.integer({ min: -1_000, max: 1_000 }),
        duration: fc.integer({ min: -50, max: 2_000 }),
        attributes: attributesArbitrary,
        failed: fc.boolean(),
        references: fc.array(
          fc.record({
            type: fc.constantFrom<SpanReference['type']>(
              'child_of',
              'follows_from',
              'link',
            ),
            inOwnTrace: fc.boolean(),
            spanPick: fc.integer({ min: 0, max: 30 }),
          }),
          { maxLength: 2 },
        ),
      }),
      { minLength: 1, maxLength: 30 },
    ),
  )
  .map(([label, drafts]) => {
    const id = traceId(`wild-${label}`);
    return {
      traceId: id,
      spans: drafts.map(draft =>
        span(id, spanId(`s${draft.idPick}`), {
          parentSpanId:
            draft.parentPick === undefined
              ? undefined
              : spanId(`s${draft.parentPick}`),
          serviceName: draft.service,
          kind: draft.kind,
          name: draft.service === 'edge-gateway' ? 'GET /api/catalog' : 'work',
          startTimeUs: draft.start,
          durationUs: draft.duration,
          attributes: draft.attributes,
          status: { code: draft.failed ? 'error' : 'unset' },
          references: draft.references.map(reference => ({
            type: reference.type,
            traceId: reference.inOwnTrace ? id : traceId('elsewhere'),
            spanId: spanId(`s${reference.spanPick}`),
          })),
        }),
      ),
    };
  });

const CATALOG = { entryService: 'edge-gateway', spanName: 'GET /api/catalog' };

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

describe('analyzeTrace on well-formed traces', () => {
  it('keeps self time non-negative and between the root duration and the sum of durations', () => {
    fc.assert(
      fc.property(wellFormedTraceArbitrary, trace => {
        const analysis = analyzeTrace(trace);
        const selfTimes = analysis.services.map(s => s.selfTimeUs);
        expect(selfTimes.every(t => t >= 0)).toBe(true);
        // Every instant of the root belongs to the deepest span covering it.
        expect(sum(selfTimes)).toBeGreaterThanOrEqual(ROOT_DURATION_US);
        expect(sum(selfTimes)).toBeLessThanOrEqual(
          sum(trace.spans.map(s => s.durationUs)),
        );
      }),
    );
  });

  it('computes self time like a direct measurement of the uncovered time', () => {
    // Reference: cut the span at every child boundary and add up the pieces
    // whose midpoint no child covers.
    const uncoveredTime = (parent: Span, children: Span[]) => {
      const end = (s: Span) => s.startTimeUs + s.durationUs;
      const cuts = [parent.startTimeUs, end(parent)];
      for (const child of children) {
        cuts.push(child.startTimeUs, end(child));
      }
      const points = [...new Set(cuts)]
        .filter(t => t >= parent.startTimeUs && t <= end(parent))
        .sort((a, b) => a - b);
      let uncovered = 0;
      for (let k = 1; k < points.length; k++) {
        const middle = (points[k - 1] + points[k]) / 2;
        if (!children.some(c => c.startTimeUs < middle && end(c) > middle)) {
          uncovered += points[k] - points[k - 1];
        }
      }
      return uncovered;
    };
    fc.assert(
      fc.property(wellFormedTraceArbitrary, trace => {
        const expected = new Map<string, number>();
        for (const parent of trace.spans) {
          const children = trace.spans.filter(
            s => s.parentSpanId === parent.spanId,
          );
          expected.set(
            parent.serviceName,
            (expected.get(parent.serviceName) ?? 0) +
              uncoveredTime(parent, children),
          );
        }
        const actual = analyzeTrace(trace).services.map(s => [
          s.service,
          s.selfTimeUs,
        ]);
        expect(actual).toEqual(
          [...expected].sort(([a], [b]) => (a < b ? -1 : 1)),
        );
      }),
    );
  });

  it('walks the critical path from the root down parent→child links, adding up to the root duration', () => {
    fc.assert(
      fc.property(wellFormedTraceArbitrary, trace => {
        const { criticalPath } = analyzeTrace(trace);
        const byId = new Map(trace.spans.map(s => [s.spanId, s]));
        expect(criticalPath[0].spanId).toBe(spanId('root'));
        for (let k = 1; k < criticalPath.length; k++) {
          expect(byId.get(criticalPath[k].spanId)?.parentSpanId).toBe(
            criticalPath[k - 1].spanId,
          );
        }
        expect(criticalPath.every(step => step.selfTimeOnPathUs >= 0)).toBe(
          true,
        );
        expect(sum(criticalPath.map(step => step.selfTimeOnPathUs))).toBe(
          ROOT_DURATION_US,
        );
      }),
    );
  });

  it('counts one inbound call per root and per call', () => {
    fc.assert(
      fc.property(wellFormedTraceArbitrary, trace => {
        const analysis = analyzeTrace(trace);
        expect(sum(analysis.services.map(s => s.inboundCalls))).toBe(
          analysis.rootSpans.length + sum(analysis.calls.map(c => c.calls)),
        );
        for (const call of analysis.calls) {
          expect(call.durationsUs).toHaveLength(call.calls);
        }
      }),
    );
  });

  it('names as error sources exactly the failed spans without failures below', () => {
    fc.assert(
      fc.property(wellFormedTraceArbitrary, trace => {
        const failed = new Set(
          trace.spans.filter(s => errorSignalOf(s)).map(s => s.spanId),
        );
        const parentOf = new Map(
          trace.spans.map(s => [s.spanId, s.parentSpanId]),
        );
        const failedBelow = new Set<string>();
        for (const id of failed) {
          for (let p = parentOf.get(id); p !== undefined; p = parentOf.get(p)) {
            failedBelow.add(p);
          }
        }
        const expected = [...failed].filter(id => !failedBelow.has(id)).sort();
        const sources = analyzeTrace(trace)
          .errorSources.map(s => s.spanId)
          .sort();
        expect(sources).toEqual(expected);
      }),
    );
  });

  it('does not depend on the order spans arrive in', () => {
    fc.assert(
      fc.property(wellFormedTraceArbitrary, trace => {
        const reversed = { ...trace, spans: [...trace.spans].reverse() };
        const a = analyzeTrace(trace);
        const b = analyzeTrace(reversed);
        expect(b.services).toEqual(a.services);
        expect(b.calls.map(c => [c.caller, c.callee, c.calls])).toEqual(
          a.calls.map(c => [c.caller, c.callee, c.calls]),
        );
        expect(b.uninstrumentedHops.length).toBe(a.uninstrumentedHops.length);
      }),
    );
  });
});

describe('analyzeOperation on well-formed traces', () => {
  it('gives the entry service a fan-out of exactly 1 and keeps every figure consistent', () => {
    fc.assert(
      fc.property(
        fc.array(wellFormedTraceArbitrary, { minLength: 1, maxLength: 8 }),
        traces => {
          const analysis = analyzeOperation({ operation: CATALOG, traces });
          const requests = analysis.sample.matchingTraces;
          expect(requests).toBe(traces.length);
          const edge = analysis.participants.find(
            p => p.service === 'edge-gateway',
          );
          expect(edge).toMatchObject({
            callsPerRequestMean: 1,
            callsPerRequestStdDev: 0,
            callsPerRequestMin: 1,
            callsPerRequestMax: 1,
            tracesWithService: requests,
          });
          for (const participant of analysis.participants) {
            expect(participant.callsPerRequestMin).toBeLessThanOrEqual(
              participant.callsPerRequestMean + 1e-9,
            );
            expect(participant.callsPerRequestMean).toBeLessThanOrEqual(
              participant.callsPerRequestMax + 1e-9,
            );
            expect(participant.callsPerRequestStdDev).toBeGreaterThanOrEqual(0);
            expect(participant.tracesWithService).toBeLessThanOrEqual(requests);
            expect(participant.callsPerRequestMean * requests).toBeCloseTo(
              participant.inboundCalls,
              9,
            );
          }
          const pathTotal = sum(
            analysis.latency.criticalPathByService.map(s => s.totalUs),
          );
          expect(pathTotal).toBe(requests * ROOT_DURATION_US);
          expect(
            sum(analysis.latency.criticalPathByService.map(s => s.share)),
          ).toBeCloseTo(1, 9);
          expect(analysis.endToEnd.tracesReachingFromEdge).toBe(requests);
          expect(JSON.parse(JSON.stringify(analysis))).toEqual(analysis);
        },
      ),
    );
  });
});

describe('analysis of malformed traces', () => {
  it('indexes every span once, each parent before its children, without cycles', () => {
    fc.assert(
      fc.property(wildTraceArbitrary, trace => {
        const index = indexTrace(trace);
        const order = Array.from(index.preorder);
        expect([...order].sort((a, b) => a - b)).toEqual(
          trace.spans.map((_, i) => i),
        );
        const position = new Map(order.map((span, k) => [span, k]));
        trace.spans.forEach((_, i) => {
          const parent = index.parent[i];
          if (parent === -1) {
            expect(index.roots).toContain(i);
          } else {
            expect(position.get(parent)!).toBeLessThan(position.get(i)!);
          }
        });
      }),
    );
  });

  it('finds the earliest span whose parent is not in the trace', () => {
    fc.assert(
      fc.property(wildTraceArbitrary, trace => {
        const ids = new Set(trace.spans.map(s => s.spanId));
        const isRoot = (span: Span) => {
          const parentId = declaredParentId(span, trace.traceId);
          return (
            parentId === undefined ||
            parentId === span.spanId ||
            !ids.has(parentId)
          );
        };
        const roots = trace.spans.filter(isRoot);
        const found = earliestRootIndex(trace, () => true);
        if (roots.length === 0) {
          expect(found).toBe(-1);
        } else {
          expect(isRoot(trace.spans[found])).toBe(true);
          expect(trace.spans[found].startTimeUs).toBe(
            Math.min(...roots.map(s => s.startTimeUs)),
          );
        }
      }),
    );
  });

  it('never throws, and covers every span once', () => {
    fc.assert(
      fc.property(wildTraceArbitrary, trace => {
        const analysis = analyzeTrace(trace, { operation: CATALOG });
        expect(sum(analysis.services.map(s => s.spans))).toBe(
          trace.spans.length,
        );
        expect(analysis.rootSpans.length).toBeGreaterThan(0);
        const pathIds = analysis.criticalPath.map(step => step.spanId);
        expect(pathIds.length).toBeLessThanOrEqual(trace.spans.length);
        if (analysis.structureProblems.duplicateSpanIds.length === 0) {
          expect(new Set(pathIds).size).toBe(pathIds.length);
        }
        expect(analysis.services.every(s => s.selfTimeUs >= 0)).toBe(true);
        expect(JSON.parse(JSON.stringify(analysis))).toEqual(analysis);
      }),
    );
  });

  it('never throws over a window of them', () => {
    fc.assert(
      fc.property(fc.array(wildTraceArbitrary, { maxLength: 6 }), traces => {
        const analysis = analyzeOperation({ operation: CATALOG, traces });
        for (const participant of analysis.participants) {
          expect(participant.callsPerRequestStdDev).toBeGreaterThanOrEqual(0);
          expect(Number.isFinite(participant.callsPerRequestMean)).toBe(true);
        }
        expect(JSON.parse(JSON.stringify(analysis))).toEqual(analysis);
      }),
    );
  });
});
