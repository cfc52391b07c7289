import {
  AttributeValue,
  Attributes,
  ParseResult,
  Span,
  SpanEvent,
  SpanKind,
  SpanReference,
  SpanStatusCode,
} from '../model';
import { normalizeSpanId, normalizeTraceId } from './ids';
import {
  ProblemLog,
  ProblemReporter,
  SpanIdReader,
  TraceCollector,
  UNKNOWN_SERVICE,
  describeError,
  describeValue,
  invalidReferenceIdMessage,
  isRecord,
  nanosToMicros,
  setAttribute,
} from './parsing';

const SPAN_KINDS_BY_NUMBER: readonly SpanKind[] = [
  'unspecified',
  'internal',
  'server',
  'client',
  'producer',
  'consumer',
];

/**
 * Nested array and kvlist values are flattened to JSON; the depth limit keeps
 * hostile nesting from exhausting the stack.
 */
const MAX_NESTING_DEPTH = 8;
const NESTING_TOO_DEEP = '…';

/** What {@link readAnyValue} returns for a value of an unsupported shape. */
const UNSUPPORTED = null;

interface ScopeContext {
  resource: Attributes;
  serviceName: string;
  scopeName: string | undefined;
  scopeVersion: string | undefined;
}

function readSpanKind(value: unknown): SpanKind | undefined {
  if (value === undefined || value === null) return 'unspecified';
  if (typeof value === 'number') return SPAN_KINDS_BY_NUMBER[value];
  switch (value) {
    case 'SPAN_KIND_UNSPECIFIED':
      return 'unspecified';
    case 'SPAN_KIND_INTERNAL':
      return 'internal';
    case 'SPAN_KIND_SERVER':
      return 'server';
    case 'SPAN_KIND_CLIENT':
      return 'client';
    case 'SPAN_KIND_PRODUCER':
      return 'producer';
    case 'SPAN_KIND_CONSUMER':
      return 'consumer';
    default:
      return undefined;
  }
}

function readStatusCode(value: unknown): SpanStatusCode | undefined {
  switch (value) {
    case undefined:
    case null:
    case 0:
    case 'STATUS_CODE_UNSET':
      return 'unset';
    case 1:
    case 'STATUS_CODE_OK':
      return 'ok';
    case 2:
    case 'STATUS_CODE_ERROR':
      return 'error';
    default:
      return undefined;
  }
}

function isIntegerString(value: string): boolean {
  const length = value.length;
  const start = value.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  // 20 digits cover every int64 and uint64.
  if (length === start || length - start > 20) return false;
  for (let i = start; i < length; i++) {
    const code = value.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** int64 arrives as a JSON string; values beyond 2^53 stay strings to stay exact. */
function readIntValue(value: unknown): AttributeValue | typeof UNSUPPORTED {
  if (typeof value === 'number') {
    return Number.isInteger(value) ? value : UNSUPPORTED;
  }
  if (typeof value !== 'string' || !isIntegerString(value)) return UNSUPPORTED;
  const number = Number(value);
  return Number.isSafeInteger(number) ? number : value;
}

/** Non-finite doubles (JSON strings "NaN", "Infinity") stay strings so attributes remain JSON-safe. */
function readDoubleValue(value: unknown): AttributeValue | typeof UNSUPPORTED {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : String(value);
  }
  if (typeof value !== 'string' || value.length === 0 || value.length > 32) {
    return UNSUPPORTED;
  }
  if (value === 'NaN' || value === 'Infinity' || value === '-Infinity') {
    return value;
  }
  const number = Number(value);
  return Number.isFinite(number) ? number : UNSUPPORTED;
}

/** Plain JSON form of an AnyValue, used where the model has no structured equivalent. */
function anyValueToJson(value: unknown, depth: number): unknown {
  if (!isRecord(value)) return null;
  if (depth > MAX_NESTING_DEPTH) return NESTING_TOO_DEEP;
  if (value.arrayValue !== undefined) {
    const values = isRecord(value.arrayValue) ? value.arrayValue.values : null;
    if (!Array.isArray(values)) return [];
    const items: unknown[] = new Array(values.length);
    for (let i = 0; i < values.length; i++) {
      items[i] = anyValueToJson(values[i], depth + 1);
    }
    return items;
  }
  if (value.kvlistValue !== undefined) {
    const entries = isRecord(value.kvlistValue)
      ? value.kvlistValue.values
      : null;
    // No prototype, so that a "__proto__" key is an ordinary entry.
    const object: Record<string, unknown> = Object.create(null);
    if (Array.isArray(entries)) {
      for (const entry of entries) {
        if (isRecord(entry) && typeof entry.key === 'string') {
          object[entry.key] = anyValueToJson(entry.value, depth + 1);
        }
      }
    }
    return object;
  }
  const scalar = readAnyValue(value);
  return scalar === undefined ? null : scalar;
}

function isNestedAnyValue(value: unknown): boolean {
  return (
    isRecord(value) &&
    (value.arrayValue !== undefined || value.kvlistValue !== undefined)
  );
}

function readArrayValue(value: unknown): AttributeValue | typeof UNSUPPORTED {
  if (!isRecord(value)) return UNSUPPORTED;
  const values = value.values;
  if (values === undefined || values === null) return [];
  if (!Array.isArray(values)) return UNSUPPORTED;
  const items: Array<string | number | boolean> = [];
  for (const element of values) {
    if (isNestedAnyValue(element)) {
      items.push(JSON.stringify(anyValueToJson(element, 1)));
      continue;
    }
    const item = readAnyValue(element);
    if (item === UNSUPPORTED || Array.isArray(item)) return UNSUPPORTED;
    if (item !== undefined) items.push(item);
  }
  return items;
}

/**
 * An OTLP AnyValue as an attribute value: undefined for the empty value,
 * {@link UNSUPPORTED} for a malformed one. Key/value lists have no model
 * equivalent and become a JSON string.
 */
function readAnyValue(
  value: unknown,
): AttributeValue | undefined | typeof UNSUPPORTED {
  if (!isRecord(value)) {
    return value === undefined || value === null ? undefined : UNSUPPORTED;
  }
  const stringValue = value.stringValue;
  if (stringValue !== undefined) {
    return typeof stringValue === 'string' ? stringValue : UNSUPPORTED;
  }
  if (value.intValue !== undefined) return readIntValue(value.intValue);
  const boolValue = value.boolValue;
  if (boolValue !== undefined) {
    return typeof boolValue === 'boolean' ? boolValue : UNSUPPORTED;
  }
  if (value.doubleValue !== undefined)
    return readDoubleValue(value.doubleValue);
  if (value.arrayValue !== undefined) return readArrayValue(value.arrayValue);
  if (value.kvlistValue !== undefined) {
    return JSON.stringify(anyValueToJson(value, 0));
  }
  const bytesValue = value.bytesValue;
  if (bytesValue !== undefined) {
    return typeof bytesValue === 'string' ? bytesValue : UNSUPPORTED;
  }
  return undefined;
}

class OtlpParser {
  readonly problems = new ProblemLog();
  readonly traces = new TraceCollector();
  private readonly ids = new SpanIdReader();
  /** Where the span being read is: `${spansPath}[${spanIndex}]`. */
  private spansPath = '';
  private spanIndex = 0;
  private readonly reportSpanProblem: ProblemReporter = (suffix, message) => {
    this.problems.add(`${this.spansPath}[${this.spanIndex}]${suffix}`, message);
  };

  readPayload(payload: unknown): void {
    if (Array.isArray(payload)) {
      for (let i = 0; i < payload.length; i++) {
        this.readRequest(payload[i], `[${i}]`);
      }
    } else {
      this.readRequest(payload, '');
    }
  }

  /**
   * One ExportTraceServiceRequest, possibly wrapped the way Jaeger api_v3
   * (`result`) and Tempo's v2 API (`trace`) wrap it.
   */
  private readRequest(value: unknown, path: string): void {
    if (!isRecord(value)) {
      this.problems.add(
        path,
        `expected an OTLP trace object, got ${describeValue(value)}`,
      );
      return;
    }
    if (isRecord(value.error)) {
      const message = value.error.message;
      this.problems.add(
        join(path, 'error'),
        typeof message === 'string' ? message : 'the backend reported an error',
      );
    }
    let request = value;
    let requestPath = path;
    for (const wrapper of ['result', 'trace']) {
      const wrapped = value[wrapper];
      if (isRecord(wrapped)) {
        request = wrapped;
        requestPath = join(path, wrapper);
        break;
      }
    }
    // Tempo's own trace message, served by its /api/traces endpoint, calls the list "batches".
    const listKey =
      request.resourceSpans === undefined && request.batches !== undefined
        ? 'batches'
        : 'resourceSpans';
    const list = request[listKey];
    const listPath = join(requestPath, listKey);
    if (list === undefined || list === null) {
      // An empty object is a valid export with no spans.
      if (value.error === undefined && Object.keys(request).length > 0) {
        this.problems.add(
          requestPath,
          'no resourceSpans or batches found; nothing read',
        );
      }
      return;
    }
    if (!Array.isArray(list)) {
      this.problems.add(
        listPath,
        `expected an array, got ${describeValue(list)}`,
      );
      return;
    }
    for (let i = 0; i < list.length; i++) {
      this.readResourceSpans(list[i], `${listPath}[${i}]`);
    }
  }

  private readResourceSpans(value: unknown, path: string): void {
    if (!isRecord(value)) {
      this.problems.add(
        path,
        `expected a ResourceSpans object, got ${describeValue(value)}`,
      );
      return;
    }
    const resource: Attributes = isRecord(value.resource)
      ? this.readAttributes(
          value.resource.attributes,
          (suffix, message) =>
            this.problems.add(`${path}.resource${suffix}`, message),
          '.attributes',
        )
      : {};
    const serviceNameAttribute = resource['service.name'];
    const serviceName =
      typeof serviceNameAttribute === 'string' && serviceNameAttribute !== ''
        ? serviceNameAttribute
        : UNKNOWN_SERVICE;
    // OTLP before 0.15 called scopes "instrumentation libraries".
    const listKey =
      value.scopeSpans === undefined &&
      value.instrumentationLibrarySpans !== undefined
        ? 'instrumentationLibrarySpans'
        : 'scopeSpans';
    const list = value[listKey];
    if (list === undefined || list === null) return;
    if (!Array.isArray(list)) {
      this.problems.add(
        `${path}.${listKey}`,
        `expected an array, got ${describeValue(list)}`,
      );
      return;
    }
    for (let i = 0; i < list.length; i++) {
      this.readScopeSpans(
        list[i],
        `${path}.${listKey}[${i}]`,
        resource,
        serviceName,
      );
    }
  }

  private readScopeSpans(
    value: unknown,
    path: string,
    resource: Attributes,
    serviceName: string,
  ): void {
    if (!isRecord(value)) {
      this.problems.add(
        path,
        `expected a ScopeSpans object, got ${describeValue(value)}`,
      );
      return;
    }
    const scope = isRecord(value.scope)
      ? value.scope
      : value.instrumentationLibrary;
    const scopeName = isRecord(scope) ? scope.name : undefined;
    const scopeVersion = isRecord(scope) ? scope.version : undefined;
    const context: ScopeContext = {
      resource,
      serviceName,
      scopeName:
        typeof scopeName === 'string' && scopeName !== ''
          ? scopeName
          : undefined,
      scopeVersion:
        typeof scopeVersion === 'string' && scopeVersion !== ''
          ? scopeVersion
          : undefined,
    };
    const spans = value.spans;
    const spansPath = `${path}.spans`;
    if (spans === undefined || spans === null) return;
    if (!Array.isArray(spans)) {
      this.problems.add(
        spansPath,
        `expected an array, got ${describeValue(spans)}`,
      );
      return;
    }
    this.spansPath = spansPath;
    for (let i = 0; i < spans.length; i++) {
      this.spanIndex = i;
      try {
        const span = this.readSpan(spans[i], context);
        if (span !== undefined) this.traces.add(span);
      } catch (error) {
        this.reportSpanProblem('', `span dropped: ${describeError(error)}`);
      }
    }
  }

  private readSpan(value: unknown, context: ScopeContext): Span | undefined {
    const report = this.reportSpanProblem;
    if (!isRecord(value)) {
      report('', `expected a span, got ${describeValue(value)}`);
      return undefined;
    }
    const traceId = this.ids.traceId(value.traceId, report, '.traceId');
    if (traceId === undefined) return undefined;
    const spanId = this.ids.spanId(value.spanId, report, '.spanId');
    if (spanId === undefined) return undefined;
    const startTimeUs = nanosToMicros(value.startTimeUnixNano);
    if (startTimeUs === undefined) {
      report(
        '.startTimeUnixNano',
        `expected nanoseconds since the epoch, got ${describeValue(
          value.startTimeUnixNano,
        )}; span dropped`,
      );
      return undefined;
    }
    const parentSpanId = this.ids.parentSpanId(
      value.parentSpanId,
      spanId,
      report,
      '.parentSpanId',
    );

    let kind = readSpanKind(value.kind);
    if (kind === undefined) {
      report('.kind', `unknown span kind ${describeValue(value.kind)}`);
      kind = 'unspecified';
    }

    const name = value.name;
    if (typeof name !== 'string' && name !== undefined) {
      report('.name', `expected a string, got ${describeValue(name)}`);
    }

    const attributes = this.readAttributes(
      value.attributes,
      report,
      '.attributes',
    );
    if (
      context.scopeName !== undefined &&
      attributes['otel.scope.name'] === undefined
    ) {
      attributes['otel.scope.name'] = context.scopeName;
    }
    if (
      context.scopeVersion !== undefined &&
      attributes['otel.scope.version'] === undefined
    ) {
      attributes['otel.scope.version'] = context.scopeVersion;
    }

    return {
      traceId,
      spanId,
      parentSpanId,
      references: this.readLinks(value.links),
      name: typeof name === 'string' ? name : '',
      kind,
      serviceName: context.serviceName,
      startTimeUs,
      durationUs: this.readDuration(value.endTimeUnixNano, startTimeUs),
      attributes,
      resource: context.resource,
      events: this.readEvents(value.events),
      status: this.readStatus(value.status),
    };
  }

  private readDuration(endTimeUnixNano: unknown, startTimeUs: number): number {
    const endTimeUs = nanosToMicros(endTimeUnixNano);
    if (endTimeUs === undefined) {
      this.reportSpanProblem(
        '.endTimeUnixNano',
        `expected nanoseconds since the epoch, got ${describeValue(
          endTimeUnixNano,
        )}; duration set to 0`,
      );
      return 0;
    }
    if (endTimeUs < startTimeUs) {
      this.reportSpanProblem(
        '.endTimeUnixNano',
        'span ends before it starts; duration set to 0',
      );
      return 0;
    }
    return endTimeUs - startTimeUs;
  }

  private readAttributes(
    value: unknown,
    report: ProblemReporter,
    suffix: string,
  ): Attributes {
    const attributes: Attributes = {};
    if (value === undefined || value === null) return attributes;
    if (!Array.isArray(value)) {
      report(
        suffix,
        `expected an array of key/value pairs, got ${describeValue(value)}`,
      );
      return attributes;
    }
    for (let i = 0; i < value.length; i++) {
      const keyValue = value[i];
      if (!isRecord(keyValue) || typeof keyValue.key !== 'string') {
        report(
          `${suffix}[${i}]`,
          `expected { key, value }, got ${describeValue(keyValue)}`,
        );
        continue;
      }
      const attributeValue = readAnyValue(keyValue.value);
      if (attributeValue === UNSUPPORTED) {
        report(
          `${suffix}[${i}].value`,
          `unsupported value for attribute "${keyValue.key}"; attribute dropped`,
        );
      } else if (attributeValue !== undefined) {
        setAttribute(attributes, keyValue.key, attributeValue);
      }
    }
    return attributes;
  }

  private readEvents(value: unknown): SpanEvent[] {
    const report = this.reportSpanProblem;
    const events: SpanEvent[] = [];
    if (value === undefined || value === null) return events;
    if (!Array.isArray(value)) {
      report('.events', `expected an array, got ${describeValue(value)}`);
      return events;
    }
    for (let i = 0; i < value.length; i++) {
      const event = value[i];
      if (!isRecord(event)) {
        report(
          `.events[${i}]`,
          `expected an event, got ${describeValue(event)}`,
        );
        continue;
      }
      const timeUs = nanosToMicros(event.timeUnixNano);
      if (timeUs === undefined) {
        report(
          `.events[${i}].timeUnixNano`,
          `expected nanoseconds since the epoch, got ${describeValue(
            event.timeUnixNano,
          )}; event dropped`,
        );
        continue;
      }
      events.push({
        timeUs,
        name: typeof event.name === 'string' ? event.name : '',
        attributes: this.readAttributes(
          event.attributes,
          report,
          `.events[${i}].attributes`,
        ),
      });
    }
    return events;
  }

  private readLinks(value: unknown): SpanReference[] {
    const report = this.reportSpanProblem;
    const references: SpanReference[] = [];
    if (value === undefined || value === null) return references;
    if (!Array.isArray(value)) {
      report('.links', `expected an array, got ${describeValue(value)}`);
      return references;
    }
    for (let i = 0; i < value.length; i++) {
      const link = value[i];
      if (!isRecord(link)) {
        report(`.links[${i}]`, `expected a link, got ${describeValue(link)}`);
        continue;
      }
      const traceId = normalizeTraceId(link.traceId);
      if (traceId === undefined) {
        report(
          `.links[${i}].traceId`,
          invalidReferenceIdMessage(link.traceId, 'trace'),
        );
        continue;
      }
      const spanId = normalizeSpanId(link.spanId);
      if (spanId === undefined) {
        report(
          `.links[${i}].spanId`,
          invalidReferenceIdMessage(link.spanId, 'span'),
        );
        continue;
      }
      references.push({ type: 'link', traceId, spanId });
    }
    return references;
  }

  private readStatus(value: unknown): Span['status'] {
    if (value === undefined || value === null) return { code: 'unset' };
    if (!isRecord(value)) {
      this.reportSpanProblem(
        '.status',
        `expected a status object, got ${describeValue(value)}`,
      );
      return { code: 'unset' };
    }
    let code = readStatusCode(value.code);
    if (code === undefined) {
      this.reportSpanProblem(
        '.status.code',
        `unknown status code ${describeValue(value.code)}`,
      );
      code = 'unset';
    }
    const message = value.message;
    return typeof message === 'string' && message !== ''
      ? { code, message }
      : { code };
  }
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/**
 * Reads an OTLP trace export in its JSON shape: an ExportTraceServiceRequest
 * (`{ resourceSpans }`), Tempo's `{ batches }` (also with the pre-1.0
 * `instrumentationLibrarySpans`), Jaeger api_v3's `{ result: { resourceSpans } }`,
 * Tempo v2's `{ trace: { resourceSpans } }`, or an array of any of these.
 * Ids may be hex or base64 (protobuf `bytes` decoded to JSON). Never throws:
 * whatever cannot be read is reported in `problems` and skipped.
 *
 * @public
 */
export function parseOtlpJson(payload: unknown): ParseResult {
  const parser = new OtlpParser();
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
