/**
 * One trace model for every source format (OTLP, Jaeger, Zipkin, Tempo).
 * Identifiers are lowercase hex (trace ids 32 characters, span ids 16, left-padded
 * with zeros); times are microseconds since the Unix epoch, which every source
 * can express exactly within a double.
 */

/** @public */
export type SpanKind =
  | 'server'
  | 'client'
  | 'producer'
  | 'consumer'
  | 'internal'
  | 'unspecified';

/** @public */
export type AttributeValue =
  | string
  | number
  | boolean
  | Array<string | number | boolean>;

/** @public */
export type Attributes = Record<string, AttributeValue>;

/**
 * A causal link other than the parent: OpenTracing `FOLLOWS_FROM`, an extra
 * `CHILD_OF` reference, or an OpenTelemetry span link.
 *
 * @public
 */
export interface SpanReference {
  type: 'follows_from' | 'child_of' | 'link';
  traceId: string;
  spanId: string;
}

/** A timestamped event (OTel span event, OpenTracing/Jaeger log, Zipkin annotation). @public */
export interface SpanEvent {
  timeUs: number;
  name: string;
  attributes: Attributes;
}

/** @public */
export type SpanStatusCode = 'unset' | 'ok' | 'error';

/** @public */
export interface Span {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  references: SpanReference[];
  name: string;
  kind: SpanKind;
  /** `service.name` of the emitting process. */
  serviceName: string;
  startTimeUs: number;
  durationUs: number;
  attributes: Attributes;
  /**
   * Resource attributes (OTel) or process tags (Jaeger). Spans of the same
   * process share one object, so large traces do not copy it per span.
   */
  resource: Attributes;
  events: SpanEvent[];
  status: { code: SpanStatusCode; message?: string };
  /** Notes added by adjusters, e.g. a clock-skew correction. */
  warnings?: string[];
}

/** @public */
export interface Trace {
  traceId: string;
  spans: Span[];
}

/**
 * Something in a payload that could not be turned into the model. The rest of
 * the payload is still used.
 *
 * @public
 */
export interface ParseProblem {
  /** Where in the payload, e.g. `resourceSpans[2].scopeSpans[0].spans[17]`. */
  path: string;
  message: string;
}

/** @public */
export interface ParseResult {
  traces: Trace[];
  problems: ParseProblem[];
}
