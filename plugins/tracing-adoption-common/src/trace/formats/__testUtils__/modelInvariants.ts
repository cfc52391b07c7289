import {
  Attributes,
  ParseResult,
  Span,
  SpanKind,
  SpanStatusCode,
  Trace,
} from '../../model';
import { MAX_RECORDED_PROBLEMS } from '../parsing';

const TRACE_ID = /^[0-9a-f]{32}$/;
const SPAN_ID = /^[0-9a-f]{16}$/;
const KINDS: SpanKind[] = [
  'server',
  'client',
  'producer',
  'consumer',
  'internal',
  'unspecified',
];
const STATUS_CODES: SpanStatusCode[] = ['unset', 'ok', 'error'];
const REFERENCE_TYPES = ['follows_from', 'child_of', 'link'];

function isNonNegativeFinite(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function isValidTraceId(value: unknown): boolean {
  return (
    typeof value === 'string' && TRACE_ID.test(value) && /[^0]/.test(value)
  );
}

function isValidSpanId(value: unknown): boolean {
  return typeof value === 'string' && SPAN_ID.test(value) && /[^0]/.test(value);
}

function isScalar(value: unknown): boolean {
  return (
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

function attributeViolations(attributes: Attributes, where: string): string[] {
  if (typeof attributes !== 'object' || attributes === null) {
    return [`${where} is not an object`];
  }
  if (Object.getPrototypeOf(attributes) !== Object.prototype) {
    return [`${where} has a replaced prototype`];
  }
  const violations: string[] = [];
  for (const [key, value] of Object.entries(attributes)) {
    const valid = Array.isArray(value)
      ? value.every(isScalar)
      : isScalar(value);
    if (!valid) violations.push(`${where}.${key} has an invalid value`);
  }
  return violations;
}

function spanViolations(span: Span, trace: Trace, where: string): string[] {
  const violations: string[] = [];
  const check = (ok: boolean, message: string) => {
    if (!ok) violations.push(`${where}: ${message}`);
  };
  check(span.traceId === trace.traceId, 'trace id differs from its trace');
  check(isValidSpanId(span.spanId), `invalid span id ${span.spanId}`);
  check(
    span.parentSpanId === undefined ||
      (isValidSpanId(span.parentSpanId) && span.parentSpanId !== span.spanId),
    `invalid parent span id ${span.parentSpanId}`,
  );
  check(typeof span.name === 'string', 'name is not a string');
  check(KINDS.includes(span.kind), `invalid kind ${span.kind}`);
  check(
    typeof span.serviceName === 'string' && span.serviceName !== '',
    'empty service name',
  );
  check(isNonNegativeFinite(span.startTimeUs), 'invalid start time');
  check(isNonNegativeFinite(span.durationUs), 'invalid duration');
  check(STATUS_CODES.includes(span.status?.code), 'invalid status code');
  check(
    span.status?.message === undefined ||
      typeof span.status.message === 'string',
    'invalid status message',
  );
  check(Array.isArray(span.references), 'references is not an array');
  for (const reference of span.references ?? []) {
    check(
      REFERENCE_TYPES.includes(reference.type) &&
        isValidTraceId(reference.traceId) &&
        isValidSpanId(reference.spanId),
      'invalid reference',
    );
  }
  check(Array.isArray(span.events), 'events is not an array');
  for (const event of span.events ?? []) {
    check(
      typeof event.timeUs === 'number' &&
        Number.isFinite(event.timeUs) &&
        typeof event.name === 'string',
      'invalid event',
    );
    violations.push(...attributeViolations(event.attributes, `${where}.event`));
  }
  check(
    span.warnings === undefined ||
      (Array.isArray(span.warnings) &&
        span.warnings.every(w => typeof w === 'string')),
    'invalid warnings',
  );
  violations.push(
    ...attributeViolations(span.attributes, `${where}.attributes`),
  );
  violations.push(...attributeViolations(span.resource, `${where}.resource`));
  return violations;
}

/** Everything in a parse result that breaks the model's rules; empty when it is valid. */
export function modelViolations(result: ParseResult): string[] {
  const violations: string[] = [];
  if (!Array.isArray(result.traces) || !Array.isArray(result.problems)) {
    return ['result is not { traces, problems }'];
  }
  if (result.problems.length > MAX_RECORDED_PROBLEMS + 1) {
    violations.push(`${result.problems.length} problems recorded`);
  }
  for (const problem of result.problems) {
    if (
      typeof problem.path !== 'string' ||
      typeof problem.message !== 'string'
    ) {
      violations.push('invalid problem');
    }
  }
  const traceIds = new Set<string>();
  result.traces.forEach((trace, traceIndex) => {
    const where = `traces[${traceIndex}]`;
    if (!isValidTraceId(trace.traceId)) {
      violations.push(`${where}: invalid trace id ${trace.traceId}`);
    }
    if (traceIds.has(trace.traceId)) {
      violations.push(`${where}: trace id appears twice`);
    }
    traceIds.add(trace.traceId);
    if (trace.spans.length === 0) violations.push(`${where}: no spans`);
    trace.spans.forEach((span, spanIndex) => {
      violations.push(
        ...spanViolations(span, trace, `${where}.spans[${spanIndex}]`),
      );
    });
  });
  return violations;
}

/** All spans of a result, in order. */
export function allSpans(result: ParseResult): Span[] {
  return result.traces.flatMap(trace => trace.spans);
}
