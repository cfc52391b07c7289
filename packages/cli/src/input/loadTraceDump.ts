import {
  ParseProblem,
  ParseResult,
  Trace,
  parseJaegerJson,
  parseOtlpJson,
  parseZipkinJson,
} from '@internal/plugin-tracing-adoption-common';
import { UsageError, messageOf } from '../io';
import { decodeOtlpProtobuf } from './decodeOtlpProtobuf';
import { detectJsonFormat } from './detectJsonFormat';
import type { InputFormat, InputFormatOption } from './inputFormats';
import { parseJsonDump } from './parseJsonDump';

/** A trace dump read into the trace model, before adjustment. */
export interface TraceDump {
  format: InputFormat;
  traces: Trace[];
  /** Spans and traces the parser skipped; the rest of the dump is used. */
  problems: ParseProblem[];
}

const JSON_PARSERS: Record<
  Exclude<InputFormat, 'otlp-protobuf'>,
  (payload: unknown) => ParseResult
> = {
  'otlp-json': parseOtlpJson,
  jaeger: parseJaegerJson,
  zipkin: parseZipkinJson,
};

/** JSON starts with an object or array; OTLP protobuf starts with field 1 (0x0a). */
function looksLikeJson(bytes: Buffer): boolean {
  const text = bytes
    .subarray(0, 64)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  return /^\s*[[{]/.test(text);
}

function readProtobuf(bytes: Buffer, origin: string): TraceDump {
  let payload: unknown;
  try {
    payload = decodeOtlpProtobuf(bytes);
  } catch (error) {
    throw new UsageError(
      `${origin} is not an OTLP protobuf ExportTraceServiceRequest: ${messageOf(
        error,
      )}`,
    );
  }
  return { format: 'otlp-protobuf', ...parseOtlpJson(payload) };
}

/**
 * Reads a trace dump in the given format, or recognises the format from the
 * content (`auto`). Throws a {@link UsageError} naming `origin` when the
 * dump is empty, not JSON nor protobuf, or of no known shape; problems with
 * single spans are returned, not thrown.
 */
export function loadTraceDump(
  bytes: Buffer,
  origin: string,
  requested: InputFormatOption,
): TraceDump {
  if (bytes.length === 0) {
    throw new UsageError(`${origin} is empty`);
  }
  if (
    requested === 'otlp-protobuf' ||
    (requested === 'auto' && !looksLikeJson(bytes))
  ) {
    return readProtobuf(bytes, origin);
  }
  const payload = parseJsonDump(
    bytes.toString('utf8').replace(/^\uFEFF/, ''),
    origin,
  );
  const format = requested === 'auto' ? detectJsonFormat(payload) : requested;
  if (format === undefined || format === 'otlp-protobuf') {
    throw new UsageError(
      `${origin}: cannot tell the format; expected OTLP JSON (resourceSpans), a Jaeger query answer ({ data: [...] }) or Zipkin v2 JSON (an array of spans). Name it with --input`,
    );
  }
  return { format, ...JSON_PARSERS[format](payload) };
}
