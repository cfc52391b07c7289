import type { Span, Trace } from '../model';
import { declaredParentId } from './spanParents';

/**
 * The span tree of one trace, built once and shared by every analysis step.
 * Spans are addressed by their position in `trace.spans`, services by their
 * position in `serviceNames`. The per-span arrays are views into two buffers
 * per trace, because allocating many small typed arrays per trace costs more
 * than the analysis itself.
 */
export interface TraceIndex {
  readonly trace: Trace;
  readonly spans: readonly Span[];
  readonly startUs: Float64Array;
  /** Start plus duration, a negative duration counting as 0. */
  readonly endUs: Float64Array;
  /** Distinct service names, in order of first appearance. */
  readonly serviceNames: readonly string[];
  /** Position in `serviceNames` of each span's service. */
  readonly serviceOf: Int32Array;
  /** Position of the parent span, -1 for roots. */
  readonly parent: Int32Array;
  /** 1 where a parent id is declared but no span in the trace has it. */
  readonly parentMissing: Int32Array;
  /**
   * Children of span i are `childList[childOffsets[i]]` up to
   * `childList[childOffsets[i + 1]]`, in start order.
   */
  readonly childOffsets: Int32Array;
  readonly childList: Int32Array;
  /** Root positions in start order. */
  readonly roots: readonly number[];
  /** Every span once, each parent before its children. */
  readonly preorder: Int32Array;
  readonly duplicateSpanIds: readonly string[];
  readonly parentCycleSpanIds: readonly string[];
}

/** Below this many spans, scanning for an id beats building a Map. */
const LINEAR_LOOKUP_LIMIT = 32;

/** Position of the first span with the id. */
function positionOf(spans: readonly Span[], id: string): number | undefined {
  for (let i = 0; i < spans.length; i++) {
    if (spans[i].spanId === id) {
      return i;
    }
  }
  return undefined;
}

/** Builds the span tree, dropping parent links that would close a cycle. */
export function indexTrace(trace: Trace): TraceIndex {
  const spans = trace.spans;
  const count = spans.length;
  const times = new Float64Array(2 * count);
  const startUs = times.subarray(0, count);
  const endUs = times.subarray(count);
  const ints = new Int32Array(6 * count + 1);
  const parent = ints.subarray(0, count);
  const parentMissing = ints.subarray(count, 2 * count);
  const serviceOf = ints.subarray(2 * count, 3 * count);
  const preorder = ints.subarray(3 * count, 4 * count);
  const childList = ints.subarray(4 * count, 5 * count);
  const childOffsets = ints.subarray(5 * count);

  const positionById =
    count > LINEAR_LOOKUP_LIMIT ? new Map<string, number>() : undefined;
  const duplicateSpanIds: string[] = [];
  const serviceNames: string[] = [];
  const serviceIndex = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const span = spans[i];
    startUs[i] = span.startTimeUs;
    endUs[i] = span.startTimeUs + Math.max(0, span.durationUs);
    let service = serviceIndex.get(span.serviceName);
    if (service === undefined) {
      service = serviceNames.length;
      serviceNames.push(span.serviceName);
      serviceIndex.set(span.serviceName, service);
    }
    serviceOf[i] = service;
    const first = positionById
      ? positionById.get(span.spanId)
      : positionOf(spans, span.spanId);
    if (first !== undefined && first !== i) {
      duplicateSpanIds.push(span.spanId);
    } else {
      positionById?.set(span.spanId, i);
    }
  }

  for (let i = 0; i < count; i++) {
    parent[i] = -1;
    const parentId = declaredParentId(spans[i], trace.traceId);
    if (parentId === undefined || parentId === spans[i].spanId) {
      continue;
    }
    const position = positionById
      ? positionById.get(parentId)
      : positionOf(spans, parentId);
    if (position === undefined) {
      parentMissing[i] = 1;
    } else {
      parent[i] = position;
    }
  }

  let roots = buildChildren(parent, startUs, childOffsets, childList);
  let parentCycleSpanIds: string[] = [];
  // Spans in a parent cycle are not reachable from any root; cycles are rare,
  // so they are only looked for when the walk from the roots falls short.
  if (buildPreorder(roots, childOffsets, childList, preorder) < count) {
    parentCycleSpanIds = breakParentCycles(parent, startUs).map(
      i => spans[i].spanId,
    );
    roots = buildChildren(parent, startUs, childOffsets, childList);
    buildPreorder(roots, childOffsets, childList, preorder);
  }

  return {
    trace,
    spans,
    startUs,
    endUs,
    serviceNames,
    serviceOf,
    parent,
    parentMissing,
    childOffsets,
    childList,
    roots,
    preorder,
    duplicateSpanIds,
    parentCycleSpanIds,
  };
}

/**
 * Walks up from every span; a walk that meets its own path has found a
 * cycle. The earliest-starting span of the cycle most plausibly started the
 * work, so it becomes a root. Each span is walked over once.
 */
function breakParentCycles(parent: Int32Array, startUs: Float64Array) {
  const notVisited = 0;
  const onPath = 1;
  const done = 2;
  const state = new Uint8Array(parent.length);
  const path: number[] = [];
  const newRoots: number[] = [];
  for (let i = 0; i < parent.length; i++) {
    let node = i;
    while (node !== -1 && state[node] === notVisited) {
      state[node] = onPath;
      path.push(node);
      node = parent[node];
    }
    if (node !== -1 && state[node] === onPath) {
      let earliest = node;
      for (let k = path.length - 1; path[k] !== node; k--) {
        if (startUs[path[k]] < startUs[earliest]) {
          earliest = path[k];
        }
      }
      parent[earliest] = -1;
      newRoots.push(earliest);
    }
    for (const visited of path) {
      state[visited] = done;
    }
    path.length = 0;
  }
  return newRoots;
}

/** Fills the child lists and returns the roots, both in start order. */
function buildChildren(
  parent: Int32Array,
  startUs: Float64Array,
  childOffsets: Int32Array,
  childList: Int32Array,
): number[] {
  const count = parent.length;
  // Count children at their parent's slot, turn counts into list ends, then
  // place children walking backwards: each placement moves its parent's slot
  // one back, leaving it at the list's start, and lists in position order.
  childOffsets.fill(0);
  const roots: number[] = [];
  for (let i = 0; i < count; i++) {
    if (parent[i] === -1) {
      roots.push(i);
    } else {
      childOffsets[parent[i]]++;
    }
  }
  for (let i = 1; i < count; i++) {
    childOffsets[i] += childOffsets[i - 1];
  }
  childOffsets[count] = count === 0 ? 0 : childOffsets[count - 1];
  for (let i = count - 1; i >= 0; i--) {
    if (parent[i] !== -1) {
      childList[--childOffsets[parent[i]]] = i;
    }
  }
  return sortByStart(roots, childOffsets, childList, startUs);
}

function sortByStart(
  roots: number[],
  childOffsets: Int32Array,
  childList: Int32Array,
  startUs: Float64Array,
): number[] {
  // Lists were filled in position order, which breaks ties between equal
  // starts; spans usually arrive in start order, so few lists need sorting.
  const byStart = (a: number, b: number) => startUs[a] - startUs[b] || a - b;
  for (let i = 0; i + 1 < childOffsets.length; i++) {
    const from = childOffsets[i];
    const to = childOffsets[i + 1];
    if (!isSortedByStart(childList, from, to, startUs)) {
      childList.subarray(from, to).sort(byStart);
    }
  }
  if (!isSortedByStart(roots, 0, roots.length, startUs)) {
    roots.sort(byStart);
  }
  return roots;
}

function isSortedByStart(
  positions: ArrayLike<number>,
  from: number,
  to: number,
  startUs: Float64Array,
): boolean {
  for (let k = from + 1; k < to; k++) {
    if (startUs[positions[k]] < startUs[positions[k - 1]]) {
      return false;
    }
  }
  return true;
}

/** Writes the spans reachable from the roots in preorder; returns how many. */
function buildPreorder(
  roots: readonly number[],
  childOffsets: Int32Array,
  childList: Int32Array,
  preorder: Int32Array,
): number {
  let written = 0;
  const stack: number[] = [];
  for (let r = roots.length - 1; r >= 0; r--) {
    stack.push(roots[r]);
  }
  while (stack.length > 0) {
    const node = stack.pop()!;
    preorder[written++] = node;
    for (let c = childOffsets[node + 1] - 1; c >= childOffsets[node]; c--) {
      stack.push(childList[c]);
    }
  }
  return written;
}

/** Positions of the children of span `i`, in start order. */
export function childrenOf(index: TraceIndex, i: number): Int32Array {
  return index.childList.subarray(
    index.childOffsets[i],
    index.childOffsets[i + 1],
  );
}
