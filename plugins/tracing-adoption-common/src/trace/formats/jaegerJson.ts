import {
  Attributes,
  ParseResult,
  Span,
  SpanEvent,
  SpanKind,
  SpanReference,
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
  isPrimitiveAttributeValue,
  isRecord,
  readMicros,
  setAttribute,
} from './parsing';

/** Name Jaeger gives a log without an `event` field. */
const DEFAULT_LOG_NAME = 'log';

interface Process {
  serviceName: string;
  resource: Attributes;
}

function spanKindOfTag(value: unknown): SpanKind {
  switch (value) {
    case 'server':
    case 'client':
    case 'producer':
    case 'consumer':
    case 'internal':
      return value;
    default:
      return 'unspecified';
  }
}

/**
 * Jaeger has no status field: OpenTracing marks failures with the `error`
 * tag, OpenTelemetry exporters add `otel.status_code`.
 */
function statusOfTags(tags: Attributes): Span['status'] {
  const otelStatus = tags['otel.status_code'];
  const error = tags.error;
  if (error === true || error === 'true' || otelStatus === 'ERROR') {
    const description = tags['otel.status_description'];
    return typeof description === 'string' && description !== ''
      ? { code: 'error', message: description }
      : { code: 'error' };
  }
  return { code: otelStatus === 'OK' ? 'ok' : 'unset' };
}

/** Adds the `{ key, type, value }` tag at `${suffix}[${index}]`; its value already has the type `type` names. */
function addTag(
  attributes: Attributes,
  tag: unknown,
  report: ProblemReporter,
  suffix: string,
  index: number,
): void {
  if (!isRecord(tag) || typeof tag.key !== 'string') {
    report(
      `${suffix}[${index}]`,
      `expected { key, type, value }, got ${describeValue(tag)}`,
    );
    return;
  }
  const tagValue = tag.value;
  if (isPrimitiveAttributeValue(tagValue)) {
    setAttribute(attributes, tag.key, tagValue);
  } else {
    report(
      `${suffix}[${index}].value`,
      `unsupported value ${describeValue(tagValue)} for tag "${
        tag.key
      }"; tag dropped`,
    );
  }
}

/**
 * The processes of one trace, each converted once so that all its spans share
 * one resource object. Jaeger ids processes per trace (`p1`, `p2`, …); some
 * exports embed the process in each span instead.
 */
class ProcessTable {
  private readonly byId = new Map<string, Process>();
  private readonly byEmbeddedObject = new Map<object, Process>();
  private unknownProcess: Process | undefined;

  constructor(
    private readonly processes: unknown,
    private readonly path: string,
    private readonly problems: ProblemLog,
  ) {}

  resolve(
    processId: unknown,
    embedded: unknown,
    reportSpanProblem: ProblemReporter,
  ): Process {
    if (typeof processId === 'string') {
      const known = this.byId.get(processId);
      if (known !== undefined) return known;
      const raw =
        isRecord(this.processes) &&
        Object.prototype.hasOwnProperty.call(this.processes, processId)
          ? this.processes[processId]
          : undefined;
      if (isRecord(raw)) {
        const process = this.convert(raw, (suffix, message) =>
          this.problems.add(`${this.path}.${processId}${suffix}`, message),
        );
        this.byId.set(processId, process);
        return process;
      }
    }
    if (isRecord(embedded)) {
      let process = this.byEmbeddedObject.get(embedded);
      if (process === undefined) {
        process = this.convert(embedded, (suffix, message) =>
          reportSpanProblem(`.process${suffix}`, message),
        );
        this.byEmbeddedObject.set(embedded, process);
      }
      return process;
    }
    reportSpanProblem(
      '.processID',
      `process ${describeValue(
        processId,
      )} not found; service set to ${UNKNOWN_SERVICE}`,
    );
    this.unknownProcess ??= {
      serviceName: UNKNOWN_SERVICE,
      resource: { 'service.name': UNKNOWN_SERVICE },
    };
    return this.unknownProcess;
  }

  private convert(
    raw: Record<string, unknown>,
    report: ProblemReporter,
  ): Process {
    const rawServiceName = raw.serviceName;
    let serviceName = UNKNOWN_SERVICE;
    if (typeof rawServiceName === 'string' && rawServiceName !== '') {
      serviceName = rawServiceName;
    } else {
      report(
        '.serviceName',
        `expected a service name, got ${describeValue(
          rawServiceName,
        )}; using ${UNKNOWN_SERVICE}`,
      );
    }
    const resource: Attributes = {};
    const tags = raw.tags;
    if (Array.isArray(tags)) {
      for (let i = 0; i < tags.length; i++) {
        addTag(resource, tags[i], report, '.tags', i);
      }
    } else if (tags !== undefined && tags !== null) {
      report('.tags', `expected an array, got ${describeValue(tags)}`);
    }
    // Analysis reads the service name from the resource, as OTLP puts it there.
    if (resource['service.name'] === undefined) {
      resource['service.name'] = serviceName;
    }
    return { serviceName, resource };
  }
}

class JaegerParser {
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
      this.readTraces(payload, '');
      return;
    }
    if (!isRecord(payload)) {
      this.problems.add(
        '',
        `expected a Jaeger API response, trace or array of traces, got ${describeValue(
          payload,
        )}`,
      );
      return;
    }
    if (payload.spans !== undefined) {
      this.readTrace(payload, '');
      return;
    }
    if (payload.data === undefined && payload.errors === undefined) {
      this.problems.add('', 'no data, errors or spans found; nothing read');
      return;
    }
    this.readErrors(payload.errors);
    const data = payload.data;
    // The query service answers `"data": null` when it only has errors.
    if (data === undefined || data === null) return;
    if (Array.isArray(data)) {
      this.readTraces(data, 'data');
    } else {
      this.problems.add(
        'data',
        `expected an array of traces, got ${describeValue(data)}`,
      );
    }
  }

  /** Errors the query service reports, e.g. a trace id it could not find. */
  private readErrors(errors: unknown): void {
    if (!Array.isArray(errors)) return;
    for (let i = 0; i < errors.length; i++) {
      const error = errors[i];
      const message = isRecord(error) ? error.msg : undefined;
      const traceId = isRecord(error) ? error.traceID : undefined;
      this.problems.add(
        `errors[${i}]`,
        `${typeof message === 'string' ? message : 'query error'}${
          typeof traceId === 'string' ? ` (trace ${traceId})` : ''
        }`,
      );
    }
  }

  private readTraces(traces: unknown[], path: string): void {
    for (let i = 0; i < traces.length; i++) {
      this.readTrace(traces[i], `${path}[${i}]`);
    }
  }

  private readTrace(value: unknown, path: string): void {
    if (!isRecord(value)) {
      this.problems.add(path, `expected a trace, got ${describeValue(value)}`);
      return;
    }
    const spansPath = path === '' ? 'spans' : `${path}.spans`;
    const spans = value.spans;
    if (!Array.isArray(spans)) {
      this.problems.add(
        spansPath,
        `expected an array of spans, got ${describeValue(spans)}`,
      );
      return;
    }
    const processes = new ProcessTable(
      value.processes,
      path === '' ? 'processes' : `${path}.processes`,
      this.problems,
    );
    this.spansPath = spansPath;
    for (let i = 0; i < spans.length; i++) {
      this.spanIndex = i;
      try {
        const span = this.readSpan(spans[i], processes);
        if (span !== undefined) this.traces.add(span);
      } catch (error) {
        this.reportSpanProblem('', `span dropped: ${describeError(error)}`);
      }
    }
  }

  private readSpan(value: unknown, processes: ProcessTable): Span | undefined {
    const report = this.reportSpanProblem;
    if (!isRecord(value)) {
      report('', `expected a span, got ${describeValue(value)}`);
      return undefined;
    }
    const traceId = this.ids.traceId(value.traceID, report, '.traceID');
    if (traceId === undefined) return undefined;
    const spanId = this.ids.spanId(value.spanID, report, '.spanID');
    if (spanId === undefined) return undefined;
    const startTimeUs = readMicros(value.startTime);
    if (startTimeUs === undefined) {
      report(
        '.startTime',
        `expected microseconds since the epoch, got ${describeValue(
          value.startTime,
        )}; span dropped`,
      );
      return undefined;
    }
    let durationUs = readMicros(value.duration);
    if (durationUs === undefined) {
      report(
        '.duration',
        `expected microseconds, got ${describeValue(
          value.duration,
        )}; duration set to 0`,
      );
      durationUs = 0;
    }

    const references: SpanReference[] = [];
    const parentSpanId = this.readReferences(
      value.references,
      traceId,
      spanId,
      references,
    );
    const attributes = this.readTags(value.tags, report, '.tags');
    const process = processes.resolve(value.processID, value.process, report);
    const name = value.operationName;
    if (typeof name !== 'string') {
      report('.operationName', `expected a string, got ${describeValue(name)}`);
    }

    const span: Span = {
      traceId,
      spanId,
      parentSpanId,
      references,
      name: typeof name === 'string' ? name : '',
      kind: spanKindOfTag(attributes['span.kind']),
      serviceName: process.serviceName,
      startTimeUs,
      durationUs,
      attributes,
      resource: process.resource,
      events: this.readLogs(value.logs),
      status: statusOfTags(attributes),
    };
    const warnings = readWarnings(value.warnings);
    if (warnings !== undefined) span.warnings = warnings;
    return span;
  }

  /**
   * Fills `references` and returns the parent: like Jaeger's own model, the
   * first CHILD_OF reference within the same trace.
   */
  private readReferences(
    value: unknown,
    traceId: string,
    spanId: string,
    references: SpanReference[],
  ): string | undefined {
    const report = this.reportSpanProblem;
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) {
      report('.references', `expected an array, got ${describeValue(value)}`);
      return undefined;
    }
    let parentSpanId: string | undefined;
    for (let i = 0; i < value.length; i++) {
      const reference = value[i];
      if (!isRecord(reference)) {
        report(
          `.references[${i}]`,
          `expected a reference, got ${describeValue(reference)}`,
        );
        continue;
      }
      const refType = reference.refType;
      if (refType !== 'CHILD_OF' && refType !== 'FOLLOWS_FROM') {
        report(
          `.references[${i}].refType`,
          `expected CHILD_OF or FOLLOWS_FROM, got ${describeValue(
            refType,
          )}; reference dropped`,
        );
        continue;
      }
      const referencedTraceId = normalizeTraceId(reference.traceID);
      if (referencedTraceId === undefined) {
        report(
          `.references[${i}].traceID`,
          invalidReferenceIdMessage(reference.traceID, 'trace'),
        );
        continue;
      }
      const referencedSpanId = normalizeSpanId(reference.spanID);
      if (referencedSpanId === undefined) {
        report(
          `.references[${i}].spanID`,
          invalidReferenceIdMessage(reference.spanID, 'span'),
        );
        continue;
      }
      if (referencedSpanId === spanId && referencedTraceId === traceId) {
        report(
          `.references[${i}]`,
          'span references itself; reference dropped',
        );
        continue;
      }
      if (
        parentSpanId === undefined &&
        refType === 'CHILD_OF' &&
        referencedTraceId === traceId
      ) {
        parentSpanId = referencedSpanId;
      } else {
        references.push({
          type: refType === 'CHILD_OF' ? 'child_of' : 'follows_from',
          traceId: referencedTraceId,
          spanId: referencedSpanId,
        });
      }
    }
    return parentSpanId;
  }

  private readTags(
    value: unknown,
    report: ProblemReporter,
    suffix: string,
  ): Attributes {
    const attributes: Attributes = {};
    if (value === undefined || value === null) return attributes;
    if (!Array.isArray(value)) {
      report(suffix, `expected an array, got ${describeValue(value)}`);
      return attributes;
    }
    for (let i = 0; i < value.length; i++) {
      addTag(attributes, value[i], report, suffix, i);
    }
    return attributes;
  }

  private readLogs(value: unknown): SpanEvent[] {
    const report = this.reportSpanProblem;
    const events: SpanEvent[] = [];
    if (value === undefined || value === null) return events;
    if (!Array.isArray(value)) {
      report('.logs', `expected an array, got ${describeValue(value)}`);
      return events;
    }
    for (let i = 0; i < value.length; i++) {
      const log = value[i];
      if (!isRecord(log)) {
        report(`.logs[${i}]`, `expected a log, got ${describeValue(log)}`);
        continue;
      }
      const timeUs = readMicros(log.timestamp);
      if (timeUs === undefined) {
        report(
          `.logs[${i}].timestamp`,
          `expected microseconds since the epoch, got ${describeValue(
            log.timestamp,
          )}; log dropped`,
        );
        continue;
      }
      events.push(this.readLogFields(log.fields, timeUs, i));
    }
    return events;
  }

  /**
   * OpenTracing names a log by its `event` field and OpenTelemetry's Jaeger
   * exporter stores the event name there, so that field becomes the name
   * rather than an attribute.
   */
  private readLogFields(
    value: unknown,
    timeUs: number,
    logIndex: number,
  ): SpanEvent {
    const event: SpanEvent = {
      timeUs,
      name: DEFAULT_LOG_NAME,
      attributes: {},
    };
    if (value === undefined || value === null) return event;
    const suffix = `.logs[${logIndex}].fields`;
    if (!Array.isArray(value)) {
      this.reportSpanProblem(
        suffix,
        `expected an array, got ${describeValue(value)}`,
      );
      return event;
    }
    for (let i = 0; i < value.length; i++) {
      const field = value[i];
      if (
        isRecord(field) &&
        field.key === 'event' &&
        typeof field.value === 'string'
      ) {
        event.name = field.value;
      } else {
        addTag(event.attributes, field, this.reportSpanProblem, suffix, i);
      }
    }
    return event;
  }
}

function readWarnings(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const warnings: string[] = [];
  for (const warning of value) {
    if (typeof warning === 'string') warnings.push(warning);
  }
  return warnings.length > 0 ? warnings : undefined;
}

/**
 * Reads what the Jaeger query API returns: `/api/traces` and
 * `/api/traces/{id}` (`{ data: [trace], errors }`), a single trace object or
 * an array of traces. Tags stay attributes as they are (including `span.kind`
 * and `error`, which also set kind and status); process tags become the
 * shared resource. Never throws: whatever cannot be read is reported in
 * `problems` and skipped.
 *
 * @public
 */
export function parseJaegerJson(payload: unknown): ParseResult {
  const parser = new JaegerParser();
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
