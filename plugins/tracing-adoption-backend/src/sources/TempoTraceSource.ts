import {
  ParseResult,
  parseOtlpJson,
} from '@internal/plugin-tracing-adoption-common';
import {
  TraceQuery,
  TraceSource,
} from '@internal/plugin-tracing-adoption-node';
import pLimit from 'p-limit';
import {
  HttpTraceSourceSettings,
  getJson,
  readConcurrently,
  traceUrlFromTemplate,
} from './HttpTraceSourceSettings';

type TempoSearchResponse = { traces?: Array<{ traceID?: unknown }> };

/**
 * Grafana Tempo: TraceQL search per service (`/api/search?q=…`, times in
 * seconds), then each trace by id (`/api/traces/{id}`, OTLP JSON).
 */
export class TempoTraceSource implements TraceSource {
  readonly kind = 'tempo';
  readonly id: string;

  constructor(private readonly settings: HttpTraceSourceSettings) {
    this.id = settings.id;
  }

  async readTraces(query: TraceQuery): Promise<ParseResult> {
    const limit = pLimit(this.settings.concurrency);
    const ids = new Set<string>();
    await Promise.all(
      query.serviceNames.map(service =>
        limit(async () => {
          for (const id of await this.searchTraceIds(service, query)) {
            ids.add(id);
          }
        }),
      ),
    );
    return readConcurrently([...ids], this.settings.concurrency, async id =>
      parseOtlpJson(
        await getJson(
          this.settings,
          `/api/traces/${encodeURIComponent(id)}`,
          query.signal,
        ),
      ),
    );
  }

  traceUrl(traceId: string): string | undefined {
    return traceUrlFromTemplate(this.settings.traceUrlTemplate, traceId);
  }

  private async searchTraceIds(
    service: string,
    query: TraceQuery,
  ): Promise<string[]> {
    const params = new URLSearchParams({
      q: `{ resource.service.name = ${JSON.stringify(service)} }`,
      start: String(Math.floor(query.start.getTime() / 1000)),
      end: String(Math.ceil(query.end.getTime() / 1000)),
      limit: String(query.limitPerService),
    });
    const body = (await getJson(
      this.settings,
      `/api/search?${params}`,
      query.signal,
    )) as TempoSearchResponse;
    if (!body || typeof body !== 'object' || !Array.isArray(body.traces)) {
      throw new Error(
        `Tempo search for service ${service} answered without a traces array`,
      );
    }
    return body.traces
      .map(t => t?.traceID)
      .filter(
        (id): id is string =>
          typeof id === 'string' && /^[0-9a-fA-F]{1,32}$/.test(id),
      );
  }
}
