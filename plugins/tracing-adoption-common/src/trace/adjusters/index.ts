export type { Adjuster } from './adjuster';
export { adjusterSequence } from './adjuster';
export { dedupeSpanIds } from './dedupeSpanIds';
export { clockSkew } from './clockSkew';
export { orphans, findRootSpans } from './orphans';
export { sortSpans } from './sortSpans';
export { standardAdjusters, adjustTrace } from './standardAdjusters';
