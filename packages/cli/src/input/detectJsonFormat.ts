import type { InputFormat } from './inputFormats';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An OTLP request, bare or wrapped as Jaeger api_v3 (`result`) and Tempo (`trace`) serve it. */
function isOtlpRequest(value: Record<string, unknown>): boolean {
  const request = [value.result, value.trace].find(isRecord) ?? value;
  return 'resourceSpans' in request || 'batches' in request;
}

function isJaegerTrace(value: Record<string, unknown>): boolean {
  return (
    Array.isArray(value.spans) && ('traceID' in value || 'processes' in value)
  );
}

/**
 * Recognises the format of a parsed JSON dump from its shape, or returns
 * undefined when it is none of the formats read.
 */
export function detectJsonFormat(payload: unknown): InputFormat | undefined {
  if (isRecord(payload)) {
    if (isOtlpRequest(payload)) return 'otlp-json';
    if (Array.isArray(payload.data) || isJaegerTrace(payload)) return 'jaeger';
    return undefined;
  }
  if (!Array.isArray(payload)) {
    return undefined;
  }
  const [first] = payload;
  if (first === undefined) {
    // An empty Zipkin answer: no spans, which every parser reads as nothing.
    return 'zipkin';
  }
  if (!isRecord(first)) return undefined;
  if (isOtlpRequest(first)) return 'otlp-json';
  if (isJaegerTrace(first)) return 'jaeger';
  if ('traceId' in first && ('id' in first || 'localEndpoint' in first)) {
    return 'zipkin';
  }
  return undefined;
}
