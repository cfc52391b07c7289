import { ParseResult } from '@internal/plugin-tracing-adoption-common';
import pLimit from 'p-limit';
import { FetchJsonOptions, fetchJson } from './fetchJson';

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

/** GETs `path` below the backend's base URL with the source's timeout and retries. */
export function getJson(
  settings: HttpTraceSourceSettings,
  path: string,
  signal: AbortSignal,
): Promise<unknown> {
  return fetchJson(`${settings.baseUrl.replace(/\/+$/, '')}${path}`, {
    ...settings.request,
    signal,
  });
}

/** Reads each item with at most `concurrency` requests in flight, and merges the answers. */
export async function readConcurrently<T>(
  items: T[],
  concurrency: number,
  read: (item: T) => Promise<ParseResult>,
): Promise<ParseResult> {
  const limit = pLimit(concurrency);
  return mergeParseResults(
    await Promise.all(items.map(item => limit(() => read(item)))),
  );
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
