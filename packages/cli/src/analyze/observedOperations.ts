import {
  OperationMatcher,
  Trace,
  findRootSpans,
} from '@internal/plugin-tracing-adoption-common';

/**
 * The operations observed as trace roots: each distinct service and span name
 * of a trace's earliest root span, as the backend's analysis job finds them.
 * Sorted by service, then span name, so output is stable.
 */
export function observedOperations(
  traces: readonly Trace[],
): OperationMatcher[] {
  const operations = new Map<string, OperationMatcher>();
  for (const trace of traces) {
    const [root] = findRootSpans(trace);
    if (root) {
      operations.set(`${root.serviceName}|${root.name}`, {
        entryService: root.serviceName,
        spanName: root.name,
      });
    }
  }
  return [...operations.values()].sort(
    (a, b) =>
      a.entryService.localeCompare(b.entryService) ||
      (a.spanName ?? '').localeCompare(b.spanName ?? ''),
  );
}
