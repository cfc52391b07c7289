import type { Span, Trace } from '../model';
import { compileGlob } from './glob';
import { httpMethod, httpRouteOrPath, isInboundKind } from './spanAttributes';
import { earliestRootIndex } from './spanParents';
import type { OperationMatcher } from './types';

/** An {@link OperationMatcher} with its globs compiled once. */
export interface CompiledOperationMatcher {
  readonly entryService: string;
  /** Whether an entry-service span satisfies the name, route and method. */
  readonly acceptsEntrySpan: (span: Span) => boolean;
}

/** Compiles a matcher's globs once, so that matching a trace builds nothing. */
export function compileOperationMatcher(
  matcher: OperationMatcher,
): CompiledOperationMatcher {
  const spanNameMatches =
    matcher.spanName === undefined ? undefined : compileGlob(matcher.spanName);
  const routeMatches =
    matcher.httpRoute === undefined
      ? undefined
      : compileGlob(matcher.httpRoute);
  const method = matcher.httpMethod?.toUpperCase();
  return {
    entryService: matcher.entryService,
    acceptsEntrySpan: span => {
      if (spanNameMatches && !spanNameMatches(span.name)) {
        return false;
      }
      if (routeMatches) {
        const route = httpRouteOrPath(span.attributes);
        if (route === undefined || !routeMatches(route)) {
          return false;
        }
      }
      return method === undefined || httpMethod(span.attributes) === method;
    },
  };
}

/**
 * Index of the span through which a request enters the entry service: its
 * earliest root span, else its earliest server/consumer span (the service
 * sits behind something that emits spans too). -1 when the service is absent.
 * Whether the span matches the operation is a separate question.
 */
function entryCandidateIndex(trace: Trace, entryService: string): number {
  const root = earliestRootIndex(
    trace,
    span => span.serviceName === entryService,
  );
  if (root !== -1) {
    return root;
  }
  const spans = trace.spans;
  let first = -1;
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i];
    if (
      span.serviceName === entryService &&
      isInboundKind(span.kind) &&
      (first === -1 || span.startTimeUs < spans[first].startTimeUs)
    ) {
      first = i;
    }
  }
  return first;
}

/**
 * Index of the operation's entry span in the trace, or -1 when the trace is
 * not a request of the operation.
 */
export function matchingEntryIndex(
  trace: Trace,
  matcher: CompiledOperationMatcher,
): number {
  const candidate = entryCandidateIndex(trace, matcher.entryService);
  return candidate !== -1 && matcher.acceptsEntrySpan(trace.spans[candidate])
    ? candidate
    : -1;
}

/**
 * The entry span of the operation in the trace: the entry service's earliest
 * root span, else its earliest server/consumer span, provided that span
 * matches the name, route and method of the matcher.
 *
 * @public
 */
export function findEntrySpan(
  trace: Trace,
  matcher: OperationMatcher,
): Span | undefined {
  const index = matchingEntryIndex(trace, compileOperationMatcher(matcher));
  return index === -1 ? undefined : trace.spans[index];
}

/**
 * Whether the trace is a request of the operation.
 *
 * @public
 */
export function traceMatchesOperation(
  trace: Trace,
  matcher: OperationMatcher,
): boolean {
  return findEntrySpan(trace, matcher) !== undefined;
}
