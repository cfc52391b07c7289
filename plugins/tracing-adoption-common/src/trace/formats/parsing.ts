import {
  AttributeValue,
  Attributes,
  ParseProblem,
  Span,
  Trace,
} from '../model';
import {
  canonicalSpanId,
  canonicalTraceId,
  isZeroSpanId,
  isZeroTraceId,
} from './ids';

/** Service name OpenTelemetry SDKs report when none is configured. */
export const UNKNOWN_SERVICE = 'unknown_service';

/**
 * Enough problems to diagnose a payload; beyond that a garbage payload would
 * only cost memory.
 */
export const MAX_RECORDED_PROBLEMS = 100;

const MAX_QUOTED_LENGTH = 40;
/** 2^64 nanoseconds has 20 digits; anything longer cannot be a timestamp. */
const MAX_NANOS_DIGITS = 20;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A short description of an unexpected value for a problem message. Strings
 * are cut short so that a huge string in a payload is not copied into the
 * problem list.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    return value.length > MAX_QUOTED_LENGTH
      ? `"${value.slice(0, MAX_QUOTED_LENGTH)}…" (${value.length} characters)`
      : `"${value}"`;
  }
  if (Array.isArray(value)) return `an array of ${value.length} items`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : describeValue(error);
}

/** Collects problems up to {@link MAX_RECORDED_PROBLEMS}, then only counts them. */
export class ProblemLog {
  private readonly recorded: ParseProblem[] = [];
  private unrecordedCount = 0;

  /** An empty path means the payload as a whole. */
  add(path: string, message: string): void {
    if (this.recorded.length < MAX_RECORDED_PROBLEMS) {
      this.recorded.push({ path, message });
    } else {
      this.unrecordedCount++;
    }
  }

  toArray(): ParseProblem[] {
    if (this.unrecordedCount > 0) {
      return [
        ...this.recorded,
        {
          path: '',
          message: `… and ${this.unrecordedCount} more problems`,
        },
      ];
    }
    return this.recorded;
  }
}

/** Groups spans into traces by trace id, keeping the order of first appearance. */
export class TraceCollector {
  private readonly tracesById = new Map<string, Trace>();
  private lastTrace: Trace | undefined;

  add(span: Span): void {
    // Spans of one trace usually arrive together, so most look-ups are skipped.
    let trace = this.lastTrace;
    if (trace === undefined || trace.traceId !== span.traceId) {
      trace = this.tracesById.get(span.traceId);
      if (trace === undefined) {
        trace = { traceId: span.traceId, spans: [] };
        this.tracesById.set(span.traceId, trace);
      }
      this.lastTrace = trace;
    }
    trace.spans.push(span);
  }

  toArray(): Trace[] {
    return Array.from(this.tracesById.values());
  }
}

/**
 * Assigns an attribute without letting a `__proto__` key from the payload
 * replace the prototype of the attributes object.
 */
export function setAttribute(
  attributes: Attributes,
  key: string,
  value: AttributeValue,
): void {
  if (key === '__proto__') {
    Object.defineProperty(attributes, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    attributes[key] = value;
  }
}

/** Non-finite numbers are excluded: attributes must survive JSON serialisation. */
export function isPrimitiveAttributeValue(
  value: unknown,
): value is string | number | boolean {
  const type = typeof value;
  return (
    type === 'string' ||
    type === 'boolean' ||
    (type === 'number' && Number.isFinite(value))
  );
}

/**
 * Microseconds from a nanosecond timestamp given as a decimal string or a
 * number. Digits are accumulated without the last three: a full nanosecond
 * timestamp exceeds 2^53 and would lose precision as a number, the
 * microseconds do not.
 */
export function nanosToMicros(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return value >= 0 && value / 1000 <= Number.MAX_SAFE_INTEGER
      ? Math.floor(value / 1000)
      : undefined;
  }
  if (typeof value !== 'string') return undefined;
  const length = value.length;
  if (length === 0 || length > MAX_NANOS_DIGITS) return undefined;
  const microsDigits = length - 3;
  let micros = 0;
  for (let i = 0; i < length; i++) {
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return undefined;
    if (i < microsDigits) micros = micros * 10 + digit;
  }
  return micros <= Number.MAX_SAFE_INTEGER ? micros : undefined;
}

/**
 * A timestamp or duration already in microseconds (Jaeger, Zipkin). Values
 * beyond 2^53 are refused: they are not real times, and arithmetic on them
 * (durations, clock-skew shifts) would round.
 */
export function readMicros(value: unknown): number | undefined {
  return typeof value === 'number' &&
    value >= 0 &&
    value <= Number.MAX_SAFE_INTEGER
    ? value
    : undefined;
}

/**
 * Reports a problem at `suffix` below a location the reporter knows, e.g.
 * `.attributes[2].value` below the span being read. Paths are only built when
 * there is a problem: building them for every field of every span would cost
 * more than reading the span.
 */
export type ProblemReporter = (suffix: string, message: string) => void;

/** The problem message for an id of a reference or link that cannot be read. */
export function invalidReferenceIdMessage(
  value: unknown,
  idKind: 'trace' | 'span',
): string {
  return `expected a ${idKind} id, got ${describeValue(
    value,
  )}; reference dropped`;
}

/**
 * Reads the ids of a span and reports malformed ones. Remembers the last
 * trace id because consecutive spans nearly always repeat it.
 */
export class SpanIdReader {
  private lastRawTraceId: unknown;
  private lastTraceId: string | undefined;

  /** The trace id, or undefined (reported) when the span has to be dropped. */
  traceId(
    value: unknown,
    report: ProblemReporter,
    suffix: string,
  ): string | undefined {
    if (value === this.lastRawTraceId && this.lastTraceId !== undefined) {
      return this.lastTraceId;
    }
    const id = canonicalTraceId(value);
    if (id === undefined) {
      report(
        suffix,
        `expected a trace id (up to 32 hex digits or base64 of 16 bytes), got ${describeValue(
          value,
        )}; span dropped`,
      );
      return undefined;
    }
    if (isZeroTraceId(id)) {
      report(suffix, 'trace id is all zeros; span dropped');
      return undefined;
    }
    this.lastRawTraceId = value;
    this.lastTraceId = id;
    return id;
  }

  /** The span id, or undefined (reported) when the span has to be dropped. */
  spanId(
    value: unknown,
    report: ProblemReporter,
    suffix: string,
  ): string | undefined {
    const id = canonicalSpanId(value);
    if (id === undefined) {
      report(
        suffix,
        `expected a span id (up to 16 hex digits or base64 of 8 bytes), got ${describeValue(
          value,
        )}; span dropped`,
      );
      return undefined;
    }
    if (isZeroSpanId(id)) {
      report(suffix, 'span id is all zeros; span dropped');
      return undefined;
    }
    return id;
  }

  /**
   * The parent span id. Absent, empty and all-zero values mean "root span";
   * a malformed value is reported and the span kept as a root, because its
   * own data is still valid.
   */
  parentSpanId(
    value: unknown,
    spanId: string,
    report: ProblemReporter,
    suffix: string,
  ): string | undefined {
    if (value === undefined || value === null || value === '') {
      return undefined;
    }
    const id = canonicalSpanId(value);
    if (id === undefined) {
      report(
        suffix,
        `expected a parent span id, got ${describeValue(
          value,
        )}; span kept as a root`,
      );
      return undefined;
    }
    if (id === spanId) {
      report(suffix, 'span is its own parent; span kept as a root');
      return undefined;
    }
    return isZeroSpanId(id) ? undefined : id;
  }
}
