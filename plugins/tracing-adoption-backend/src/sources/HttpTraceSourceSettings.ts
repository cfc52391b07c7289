import { ParseResult } from '@internal/plugin-tracing-adoption-common';
import { FetchJsonOptions } from './fetchJson';

/** Settings every HTTP trace backend shares, read from app-config. */
export interface HttpTraceSourceSettings {
  id: string;
  baseUrl: string;
  request: Omit<FetchJsonOptions, 'signal'>;
  /** Requests in flight at once against this backend. */
  concurrency: number;
  /** Link to a trace in the backend's UI; `{traceId}` is replaced. */
  traceUrlTemplate?: string;
}

export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}

export function traceUrlFromTemplate(
  template: string | undefined,
  traceId: string,
): string | undefined {
  return template?.replaceAll('{traceId}', encodeURIComponent(traceId));
}

/**
 * Combines the answers of several requests. A trace read through two of its
 * services arrives twice; the copy with more spans wins.
 */
export function mergeParseResults(results: ParseResult[]): ParseResult {
  const byId = new Map<string, ParseResult['traces'][number]>();
  const problems: ParseResult['problems'] = [];
  for (const result of results) {
    problems.push(...result.problems);
    for (const trace of result.traces) {
      const known = byId.get(trace.traceId);
      if (!known || known.spans.length < trace.spans.length) {
        byId.set(trace.traceId, trace);
      }
    }
  }
  return { traces: [...byId.values()], problems };
}
