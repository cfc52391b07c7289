import { TraceSource } from '@internal/plugin-tracing-adoption-node';
import { TraceSourceSettings } from '../config/readSettings';
import { JaegerTraceSource } from './JaegerTraceSource';
import { OtlpFileTraceSource } from './OtlpFileTraceSource';
import { TempoTraceSource } from './TempoTraceSource';
import { ZipkinTraceSource } from './ZipkinTraceSource';

/** First retry waits this long; later ones double it. */
const RETRY_BACKOFF_MS = 500;

export function createConfiguredTraceSource(
  settings: TraceSourceSettings,
): TraceSource {
  if (settings.type === 'otlp-file') {
    return new OtlpFileTraceSource(settings);
  }
  const http = {
    id: settings.id,
    baseUrl: settings.baseUrl,
    concurrency: settings.concurrency,
    traceUrlTemplate: settings.traceUrlTemplate,
    request: {
      timeoutMs: settings.timeoutMs,
      retries: settings.retries,
      backoffMs: RETRY_BACKOFF_MS,
      headers: settings.headers,
    },
  };
  switch (settings.type) {
    case 'jaeger':
      return new JaegerTraceSource({
        ...http,
        apiVersion: settings.apiVersion,
      });
    case 'zipkin':
      return new ZipkinTraceSource(http);
    case 'tempo':
      return new TempoTraceSource(http);
    default:
      throw new Error(
        `Unknown trace source type in ${JSON.stringify(settings)}`,
      );
  }
}
