import {
  ParseResult,
  parseZipkinJson,
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

/** Zipkin v2 API (`/api/v2/traces`, times in milliseconds). */
export class ZipkinTraceSource implements TraceSource {
  readonly kind = 'zipkin';
  readonly id: string;

  constructor(private readonly settings: HttpTraceSourceSettings) {
    this.id = settings.id;
  }

  async readTraces(query: TraceQuery): Promise<ParseResult> {
    const limit = pLimit(this.settings.concurrency);
    const results = await Promise.all(
      query.serviceNames.map(service =>
        limit(async () => {
          const params = new URLSearchParams({
            serviceName: service,
            endTs: String(query.end.getTime()),
            lookback: String(query.end.getTime() - query.start.getTime()),
            limit: String(query.limitPerService),
          });
          const body = await fetchJson(
            joinUrl(this.settings.baseUrl, `/api/v2/traces?${params}`),
            { ...this.settings.request, signal: query.signal },
          );
          return parseZipkinJson(body);
        }),
      ),
    );
    return mergeParseResults(results);
  }

  traceUrl(traceId: string): string | undefined {
    return traceUrlFromTemplate(this.settings.traceUrlTemplate, traceId);
  }
}
