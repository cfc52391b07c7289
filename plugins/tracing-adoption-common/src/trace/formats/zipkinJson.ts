import { Attributes, ParseResult, Span, SpanEvent, SpanKind } from '../model';
import {
  ProblemLog,
  ProblemReporter,
  SpanIdReader,
  TraceCollector,
  UNKNOWN_SERVICE,
  describeError,
  describeValue,
  isPrimitiveAttributeValue,
  isRecord,
  readMicros,
  setAttribute,
} from './parsing';

const MAX_PORT = 65535;

/** Marks the server half of a B3 shared span, which the span id adjuster splits off. */
export const ZIPKIN_SHARED_ATTRIBUTE = 'zipkin.shared';

function readKind(value: unknown): SpanKind | undefined {
  switch (value) {
    case 'CLIENT':
      return 'client';
    case 'SERVER':
      return 'server';
    case 'PRODUCER':
      return 'producer';
    case 'CONSUMER':
      return 'consumer';
    default:
      return undefined;
  }
}

/**
 * Zipkin marks a failure by the presence of an `error` tag whose value is the
 * message; OpenTelemetry's Zipkin exporter adds `otel.status_code`.
 */
function statusOfTags(tags: Attributes): Span['status'] {
  const error = tags.error;
  const otelStatus = tags['otel.status_code'];
  const isError =
    (error !== undefined && error !== false && error !== 'false') ||
    otelStatus === 'ERROR';
  if (!isError) return { code: otelStatus === 'OK' ? 'ok' : 'unset' };
  const description = tags['otel.status_description'];
  if (typeof description === 'string' && description !== '') {
    return { code: 'error', message: description };
  }
  return typeof error === 'string' && error !== '' && error !== 'true'
    ? { code: 'error', message: error }
    : { code: 'error' };
}

function endpointAddress(
  endpoint: Record<string, unknown>,
): string | undefined {
  if (typeof endpoint.ipv4 === 'string' && endpoint.ipv4 !== '') {
    return endpoint.ipv4;
  }
  return typeof endpoint.ipv6 === 'string' && endpoint.ipv6 !== ''
    ? endpoint.ipv6
    : undefined;
}

interface LocalEndpoint {
  serviceName: string;
  resource: Attributes;
}

class ZipkinParser {
  readonly problems = new ProblemLog();
  readonly traces = new TraceCollector();
  private readonly ids = new SpanIdReader();
  /** One resource per distinct local endpoint, shared by its spans. */
  private readonly localEndpoints = new Map<string, LocalEndpoint>();
  /**
   * Where the span being read is: `[${traceIndex}][${spanIndex}]` in a list
   * of traces, `[${spanIndex}]` in a list of spans (traceIndex -1).
   */
  private traceIndex = -1;
  private spanIndex = 0;
  private readonly reportSpanProblem: ProblemReporter = (suffix, message) => {
    const tracePath = this.traceIndex < 0 ? '' : `[${this.traceIndex}]`;
    this.problems.add(`${tracePath}[${this.spanIndex}]${suffix}`, message);
  };

  readPayload(payload: unknown): void {
    if (!Array.isArray(payload)) {
      this.problems.add(
        '',
        `expected an array of spans or of traces, got ${describeValue(
          payload,
        )}`,
      );
      return;
    }
    for (let i = 0; i < payload.length; i++) {
      const item = payload[i];
      if (Array.isArray(item)) {
        this.traceIndex = i;
        for (let j = 0; j < item.length; j++) {
          this.spanIndex = j;
          this.readSpanSafely(item[j]);
        }
      } else {
        this.traceIndex = -1;
        this.spanIndex = i;
        this.readSpanSafely(item);
      }
    }
  }

  private readSpanSafely(value: unknown): void {
    try {
      const span = this.readSpan(value);
      if (span !== undefined) this.traces.add(span);
    } catch (error) {
      this.reportSpanProblem('', `span dropped: ${describeError(error)}`);
    }
  }

  private readSpan(value: unknown): Span | undefined {
    const report = this.reportSpanProblem;
    if (!isRecord(value)) {
      report('', `expected a span, got ${describeValue(value)}`);
      return undefined;
    }
    const traceId = this.ids.traceId(value.traceId, report, '.traceId');
    if (traceId === undefined) return undefined;
    const spanId = this.ids.spanId(value.id, report, '.id');
    if (spanId === undefined) return undefined;
    const startTimeUs = readMicros(value.timestamp);
    if (startTimeUs === undefined) {
      report(
        '.timestamp',
        `expected microseconds since the epoch, got ${describeValue(
          value.timestamp,
        )}; span dropped`,
      );
      return undefined;
    }
    let durationUs = readMicros(value.duration);
    if (durationUs === undefined) {
      // Zipkin leaves the duration out of spans that never finished.
      report(
        '.duration',
        `expected microseconds, got ${describeValue(
          value.duration,
        )}; duration set to 0`,
      );
      durationUs = 0;
    }
    const parentSpanId = this.ids.parentSpanId(
      value.parentId,
      spanId,
      report,
      '.parentId',
    );

    let kind = readKind(value.kind);
    if (kind === undefined) {
      if (value.kind !== undefined && value.kind !== null) {
        report(
          '.kind',
          `expected CLIENT, SERVER, PRODUCER or CONSUMER, got ${describeValue(
            value.kind,
          )}`,
        );
      }
      // Zipkin omits the kind of in-process spans, which have a parent.
      kind = parentSpanId === undefined ? 'unspecified' : 'internal';
    }

    const name = value.name;
    if (typeof name !== 'string' && name !== undefined && name !== null) {
      report('.name', `expected a string, got ${describeValue(name)}`);
    }

    const attributes = this.readTags(value.tags);
    if (value.shared === true) {
      attributes[ZIPKIN_SHARED_ATTRIBUTE] = true;
    }
    addRemoteEndpoint(attributes, value.remoteEndpoint);
    const localEndpoint = this.readLocalEndpoint(value.localEndpoint);

    return {
      traceId,
      spanId,
      parentSpanId,
      references: [],
      name: typeof name === 'string' ? name : '',
      kind,
      serviceName: localEndpoint.serviceName,
      startTimeUs,
      durationUs,
      attributes,
      resource: localEndpoint.resource,
      events: this.readAnnotations(value.annotations),
      status: statusOfTags(attributes),
    };
  }

  private readTags(value: unknown): Attributes {
    const attributes: Attributes = {};
    if (value === undefined || value === null) return attributes;
    if (!isRecord(value)) {
      this.reportSpanProblem(
        '.tags',
        `expected an object of string tags, got ${describeValue(value)}`,
      );
      return attributes;
    }
    for (const key in value) {
      if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
      const tagValue = value[key];
      if (isPrimitiveAttributeValue(tagValue)) {
        setAttribute(attributes, key, tagValue);
      } else {
        this.reportSpanProblem(
          `.tags[${JSON.stringify(key)}]`,
          `expected a string, got ${describeValue(tagValue)}; tag dropped`,
        );
      }
    }
    return attributes;
  }

  private readLocalEndpoint(value: unknown): LocalEndpoint {
    let serviceName = UNKNOWN_SERVICE;
    let address: string | undefined;
    if (isRecord(value)) {
      if (typeof value.serviceName === 'string' && value.serviceName !== '') {
        serviceName = value.serviceName;
      }
      address = endpointAddress(value);
    } else if (value !== undefined && value !== null) {
      this.reportSpanProblem(
        '.localEndpoint',
        `expected an endpoint, got ${describeValue(value)}`,
      );
    }
    const key =
      address === undefined ? serviceName : `${serviceName}\u0000${address}`;
    let endpoint = this.localEndpoints.get(key);
    if (endpoint === undefined) {
      const resource: Attributes = { 'service.name': serviceName };
      if (address !== undefined) resource['host.ip'] = [address];
      endpoint = { serviceName, resource };
      this.localEndpoints.set(key, endpoint);
    }
    return endpoint;
  }

  private readAnnotations(value: unknown): SpanEvent[] {
    const events: SpanEvent[] = [];
    if (value === undefined || value === null) return events;
    if (!Array.isArray(value)) {
      this.reportSpanProblem(
        '.annotations',
        `expected an array, got ${describeValue(value)}`,
      );
      return events;
    }
    for (let i = 0; i < value.length; i++) {
      const annotation = value[i];
      const timeUs = isRecord(annotation)
        ? readMicros(annotation.timestamp)
        : undefined;
      if (
        timeUs === undefined ||
        !isRecord(annotation) ||
        typeof annotation.value !== 'string'
      ) {
        this.reportSpanProblem(
          `.annotations[${i}]`,
          `expected { timestamp, value }, got ${describeValue(
            annotation,
          )}; annotation dropped`,
        );
        continue;
      }
      events.push({ timeUs, name: annotation.value, attributes: {} });
    }
    return events;
  }
}

/**
 * The remote endpoint names the callee even when it is not instrumented.
 * Instrumentation that already set the attributes knows better.
 */
function addRemoteEndpoint(attributes: Attributes, endpoint: unknown): void {
  if (!isRecord(endpoint)) return;
  const serviceName = endpoint.serviceName;
  if (
    typeof serviceName === 'string' &&
    serviceName !== '' &&
    attributes['peer.service'] === undefined
  ) {
    attributes['peer.service'] = serviceName;
  }
  const address = endpointAddress(endpoint);
  if (
    address !== undefined &&
    attributes['network.peer.address'] === undefined
  ) {
    attributes['network.peer.address'] = address;
  }
  const port = endpoint.port;
  if (
    typeof port === 'number' &&
    Number.isInteger(port) &&
    port > 0 &&
    port <= MAX_PORT &&
    attributes['network.peer.port'] === undefined
  ) {
    attributes['network.peer.port'] = port;
  }
}

/**
 * Reads Zipkin v2 JSON: `/api/v2/traces` (an array of traces, each an array
 * of spans), `/api/v2/trace/{id}` and the `/api/v2/spans` upload body (an
 * array of spans). Spans are grouped by trace id. The remote endpoint's
 * service becomes `peer.service`, and `shared` becomes `zipkin.shared: true`
 * for the span id adjuster. Never throws: whatever cannot be read is reported
 * in `problems` and skipped.
 *
 * @public
 */
export function parseZipkinJson(payload: unknown): ParseResult {
  const parser = new ZipkinParser();
  try {
    parser.readPayload(payload);
  } catch (error) {
    parser.problems.add('', `payload not fully read: ${describeError(error)}`);
  }
  return {
    traces: parser.traces.toArray(),
    problems: parser.problems.toArray(),
  };
}
