import { ParseResult } from '@internal/plugin-tracing-adoption-common';

/**
 * What a scheduled pull asks a trace backend for.
 *
 * @public
 */
export interface TraceQuery {
  /** Start of the time window to read. */
  start: Date;
  /** End of the time window to read. */
  end: Date;
  /** Service names to read traces of; the catalog's tracked services by default. */
  serviceNames: string[];
  /** Most traces to read per service. */
  limitPerService: number;
  /** Cancelled when the pull times out or the backend shuts down. */
  signal: AbortSignal;
}

/**
 * A trace backend the plugin pulls sampled traces from (Jaeger, Zipkin, Tempo,
 * exported OTLP files, or an organisation's own).
 *
 * @public
 */
export interface TraceSource {
  /** Unique id, as configured; names the source in statuses and errors. */
  readonly id: string;
  /** Kind of backend, e.g. `jaeger`, shown to users. */
  readonly kind: string;
  /**
   * Reads the traces of a window. Throws when the backend cannot be reached or
   * answers with an error status; returns parse problems for bad traces in an
   * otherwise good answer.
   */
  readTraces(query: TraceQuery): Promise<ParseResult>;
  /** Link to a trace in the backend's own UI, when one is configured. */
  traceUrl?(traceId: string): string | undefined;
}
