import type { TraceIndex } from './traceIndex';
import type { CriticalPathStep } from './types';

/**
 * The chain of spans the start span waited on: from the start span, step to
 * the child that finishes last while overlapping the current step, until a
 * span has no such child. Each step is clipped to the previous one, so time
 * an asynchronous child spends after its parent ended is not on the path and
 * the steps' `selfTimeOnPathUs` add up to the start span's duration.
 */
export function findCriticalPath(
  index: TraceIndex,
  startSpan: number,
): CriticalPathStep[] {
  const { spans, startUs, endUs, childOffsets, childList } = index;
  const steps: CriticalPathStep[] = [];
  let current = startSpan;
  let windowStart = startUs[current];
  let windowEnd = endUs[current];
  for (;;) {
    let next = -1;
    for (let c = childOffsets[current]; c < childOffsets[current + 1]; c++) {
      const child = childList[c];
      if (
        startUs[child] < windowEnd &&
        endUs[child] > windowStart &&
        (next === -1 || endUs[child] > endUs[next])
      ) {
        next = child;
      }
    }
    const span = spans[current];
    const step: CriticalPathStep = {
      spanId: span.spanId,
      service: span.serviceName,
      spanName: span.name,
      selfTimeOnPathUs: windowEnd - windowStart,
    };
    steps.push(step);
    if (next === -1) {
      return steps;
    }
    windowStart = Math.max(windowStart, startUs[next]);
    windowEnd = Math.min(windowEnd, endUs[next]);
    step.selfTimeOnPathUs -= windowEnd - windowStart;
    current = next;
  }
}
