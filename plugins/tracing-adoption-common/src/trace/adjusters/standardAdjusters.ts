import { Trace } from '../model';
import { Adjuster, adjusterSequence } from './adjuster';
import { clockSkew } from './clockSkew';
import { dedupeSpanIds } from './dedupeSpanIds';
import { orphans } from './orphans';
import { sortSpans } from './sortSpans';

/**
 * The adjusters every trace goes through before analysis. The order matters:
 *
 * 1. `dedupeSpanIds` first, because every later step finds spans by id: while
 *    a B3 server half still shares its client's id, its children hang under
 *    the wrong span and an exact duplicate would be treated as two calls.
 * 2. `clockSkew` needs those repaired parent links (the server half must be
 *    compared with its client, not with the client's parent), and it changes
 *    start times, so it runs before anything that orders by time.
 * 3. `orphans` runs after the ids are final; before that, children moved
 *    under a new server span id would be reported as orphans.
 * 4. `sortSpans` last, when start times no longer change.
 *
 * @public
 */
export const standardAdjusters: readonly Adjuster[] = [
  dedupeSpanIds,
  clockSkew,
  orphans,
  sortSpans,
];

const applyStandardAdjusters = adjusterSequence(...standardAdjusters);

/**
 * Applies {@link standardAdjusters} to the trace, changing it in place, and
 * returns it.
 *
 * @public
 */
export function adjustTrace(trace: Trace): Trace {
  return applyStandardAdjusters(trace);
}
