import {
  ParseResult,
  parseJaegerJson,
  parseOtlpJson,
} from '@internal/plugin-tracing-adoption-common';
import {
  TraceQuery,
  TraceSource,
} from '@internal/plugin-tracing-adoption-node';
import pLimit from 'p-limit';
import { fetchJson } from './fetchJson';
import {
  HttpTraceSourceSettings,
  joinUrl,
  mergeParseResults,
  traceUrlFromTemplate,
} from './HttpTraceSourceSettings';

/**
 * Jaeger query service. `v1` is the UI's HTTP API (`/api/traces`, times in
 * microseconds); `v3` is the OTLP-shaped API of Jaeger 1.5x+ and 2.x
 * (`/api/v3/traces`, RFC 3339 times).
 */
export class JaegerTraceSource implements TraceSource {
  readonly kind = 'jaeger';
  readonly id: string;

  constructor(
    private readonly settings: HttpTraceSourceSettings & {
      apiVersion: 'v1' | 'v3';
    },
  ) {
    this.id = settings.id;
  }

  async readTraces(query: TraceQuery): Promise<ParseResult> {
    const limit = pLimit(this.settings.concurrency);
    const results = await Promise.all(
      query.serviceNames.map(service =>
        limit(() => this.readService(service, query)),
      ),
    );
    return mergeParseResults(results);
  }

  traceUrl(traceId: string): string | undefined {
    return traceUrlFromTemplate(this.settings.traceUrlTemplate, traceId);
  }

  private async readService(
    service: string,
    query: TraceQuery,
  ): Promise<ParseResult> {
    const { baseUrl, request, apiVersion } = this.settings;
    if (apiVersion === 'v3') {
      const params = new URLSearchParams({
        'query.service_name': service,
        'query.start_time_min': query.start.toISOString(),
        'query.start_time_max': query.end.toISOString(),
        'query.num_traces': String(query.limitPerService),
      });
      const body = await fetchJson(
        joinUrl(baseUrl, `/api/v3/traces?${params}`),
        { ...request, signal: query.signal },
      );
      return parseOtlpJson(body);
    }
    const params = new URLSearchParams({
      service,
      start: String(query.start.getTime() * 1000),
      end: String(query.end.getTime() * 1000),
      limit: String(query.limitPerService),
    });
    const body = await fetchJson(joinUrl(baseUrl, `/api/traces?${params}`), {
      ...request,
      signal: query.signal,
    });
    return parseJaegerJson(body);
  }
}
