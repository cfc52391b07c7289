import type { Span } from '../model';
import { httpStatusCode } from './spanAttributes';
import type { TraceIndex } from './traceIndex';
import type { ErrorSignal, ErrorSource } from './types';

/**
 * Why the span failed, or undefined: an error status, the OpenTracing
 * `error=true` tag, or an HTTP status of 500 or more.
 */
export function errorSignalOf(span: Span): ErrorSignal | undefined {
  if (span.status.code === 'error') {
    return 'status';
  }
  const errorTag = span.attributes.error;
  if (errorTag === true || errorTag === 'true') {
    return 'error-tag';
  }
  const status = httpStatusCode(span.attributes);
  return status !== undefined && status >= 500 ? 'http-status' : undefined;
}

/**
 * Failed spans with no failed span below them. Callers usually fail because
 * a callee did; the deepest failure on a branch is where the error started.
 */
export function findErrorSources(index: TraceIndex): ErrorSource[] {
  const { spans, parent, preorder } = index;
  const signals: Array<ErrorSignal | undefined> = new Array(spans.length);
  let anyError = false;
  for (let i = 0; i < spans.length; i++) {
    signals[i] = errorSignalOf(spans[i]);
    anyError ||= signals[i] !== undefined;
  }
  if (!anyError) {
    return [];
  }
  // Children come after their parents in preorder, so walking it backwards
  // settles every subtree before its parent is looked at.
  const failureBelow = new Uint8Array(spans.length);
  for (let k = preorder.length - 1; k >= 0; k--) {
    const i = preorder[k];
    if ((signals[i] !== undefined || failureBelow[i]) && parent[i] !== -1) {
      failureBelow[parent[i]] = 1;
    }
  }
  const sources: ErrorSource[] = [];
  for (const i of preorder) {
    const signal = signals[i];
    if (signal !== undefined && !failureBelow[i]) {
      sources.push({
        spanId: spans[i].spanId,
        service: spans[i].serviceName,
        spanName: spans[i].name,
        signal,
      });
    }
  }
  return sources;
}
