import {
  ParseResult,
  parseZipkinJson,
} from '@internal/plugin-tracing-adoption-common';
import {
  TraceQuery,
  TraceSource,
} from '@internal/plugin-tracing-adoption-node';
import {
  HttpTraceSourceSettings,
  getJson,
  readConcurrently,
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
    return readConcurrently(
      query.serviceNames,
      this.settings.concurrency,
      async service => {
        const params = new URLSearchParams({
          serviceName: service,
          endTs: String(query.end.getTime()),
          lookback: String(query.end.getTime() - query.start.getTime()),
          limit: String(query.limitPerService),
        });
        const answer = await getJson(
          this.settings,
          `/api/v2/traces?${params}`,
          query.signal,
        );
        // a proxy's or the server's JSON error page is no empty trace list
        if (!Array.isArray(answer)) {
          throw new Error(
            `Zipkin answered the traces query for ${service} with JSON that is not a list of traces`,
          );
        }
        return parseZipkinJson(answer);
      },
    );
  }

  traceUrl(traceId: string): string | undefined {
    return traceUrlFromTemplate(this.settings.traceUrlTemplate, traceId);
  }
}
