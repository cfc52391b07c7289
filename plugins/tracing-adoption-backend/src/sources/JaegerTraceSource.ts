import {
  ParseResult,
  parseJaegerJson,
  parseOtlpJson,
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
    return readConcurrently(
      query.serviceNames,
      this.settings.concurrency,
      service => this.readService(service, query),
    );
  }

  traceUrl(traceId: string): string | undefined {
    return traceUrlFromTemplate(this.settings.traceUrlTemplate, traceId);
  }

  private async readService(
    service: string,
    query: TraceQuery,
  ): Promise<ParseResult> {
    const { apiVersion } = this.settings;
    if (apiVersion === 'v3') {
      const params = new URLSearchParams({
        'query.service_name': service,
        'query.start_time_min': query.start.toISOString(),
        'query.start_time_max': query.end.toISOString(),
        'query.num_traces': String(query.limitPerService),
      });
      return parseOtlpJson(
        await getJson(this.settings, `/api/v3/traces?${params}`, query.signal),
      );
    }
    const params = new URLSearchParams({
      service,
      start: String(query.start.getTime() * 1000),
      end: String(query.end.getTime() * 1000),
      limit: String(query.limitPerService),
    });
    return parseJaegerJson(
      jaegerQueryAnswer(
        await getJson(this.settings, `/api/traces?${params}`, query.signal),
        service,
      ),
    );
  }
}

/**
 * Jaeger's query service answers 200 with `data: null` and the storage's
 * errors when its backend fails; taken as is, that would read as "no traces"
 * and keep the source healthy while nothing arrives.
 */
function jaegerQueryAnswer(body: unknown, service: string): unknown {
  const answer = body as { data?: unknown; errors?: unknown } | null;
  if (!answer || typeof answer !== 'object' || !Array.isArray(answer.data)) {
    const errors = Array.isArray(answer?.errors)
      ? answer!.errors
          .map(e => (e as { msg?: unknown })?.msg)
          .filter(msg => typeof msg === 'string')
      : [];
    throw new Error(
      `Jaeger answered the traces query for ${service} without a data list${
        errors.length > 0 ? `: ${errors.join('; ')}` : ''
      }`,
    );
  }
  return answer;
}
