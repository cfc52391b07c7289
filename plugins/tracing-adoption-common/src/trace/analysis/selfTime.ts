import type { TraceIndex } from './traceIndex';

/**
 * Per span, its duration minus the time its children cover within it. The
 * children's intervals are merged first, so parallel children are not
 * subtracted twice, and clipped to the span, so an asynchronous child that
 * outlives its parent takes nothing beyond the parent's end.
 */
export function computeSelfTimes(index: TraceIndex): Float64Array {
  const { startUs, endUs, childOffsets, childList } = index;
  const selfTimes = new Float64Array(startUs.length);
  for (let i = 0; i < startUs.length; i++) {
    const spanStart = startUs[i];
    const spanEnd = endUs[i];
    let covered = 0;
    let runStart = 0;
    let runEnd = -Infinity;
    // Children are in start order, so clipped starts are ascending too.
    for (let c = childOffsets[i]; c < childOffsets[i + 1]; c++) {
      const child = childList[c];
      const from = Math.max(startUs[child], spanStart);
      const to = Math.min(endUs[child], spanEnd);
      if (to <= from) {
        continue;
      }
      if (from > runEnd) {
        if (runEnd > runStart) {
          covered += runEnd - runStart;
        }
        runStart = from;
        runEnd = to;
      } else if (to > runEnd) {
        runEnd = to;
      }
    }
    if (runEnd > runStart) {
      covered += runEnd - runStart;
    }
    selfTimes[i] = Math.max(0, spanEnd - spanStart - covered);
  }
  return selfTimes;
}
