import { InputError } from '@backstage/errors';
// The OpenTelemetry project's protobufjs code generated from opentelemetry-proto;
// newer releases of otlp-transformer only serialise and no longer ship a decoder.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const otlpProtobufRoot = require('@opentelemetry/otlp-transformer/build/src/generated/root');

/** The part of a protobufjs generated message class used here. */
interface GeneratedMessageType {
  decode(buffer: Uint8Array): unknown;
  encode(message: unknown): { finish(): Uint8Array };
  fromObject(object: object): unknown;
  toObject(message: unknown, options: object): unknown;
}

// The generated declarations type the root as an untyped protobufjs Root.
const { ExportTraceServiceRequest, ExportTraceServiceResponse } = (
  otlpProtobufRoot as unknown as {
    opentelemetry: {
      proto: {
        collector: {
          trace: {
            v1: {
              ExportTraceServiceRequest: GeneratedMessageType;
              ExportTraceServiceResponse: GeneratedMessageType;
            };
          };
        };
      };
    };
  }
).opentelemetry.proto.collector.trace.v1;

export type OtlpEncoding = 'protobuf' | 'json';

/** The content types OTLP/HTTP defines for traces. */
export function otlpEncodingOf(contentType: string | undefined): OtlpEncoding {
  const mediaType = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (mediaType === 'application/x-protobuf') {
    return 'protobuf';
  }
  if (mediaType === 'application/json') {
    return 'json';
  }
  throw new InputError(
    `Unsupported content type '${
      contentType ?? ''
    }': send OTLP as application/x-protobuf or application/json`,
  );
}

/**
 * Decodes an OTLP/HTTP trace export request (already decompressed) into the
 * OTLP JSON shape the trace parser reads (ids as base64 from protobuf, hex
 * from JSON; 64-bit times as strings).
 */
export function decodeOtlpTraceRequest(
  raw: Buffer,
  contentType: string | undefined,
): unknown {
  const encoding = otlpEncodingOf(contentType);
  if (encoding === 'json') {
    try {
      return JSON.parse(raw.toString('utf8'));
    } catch (error) {
      throw new InputError(
        `Body is not valid JSON: ${(error as Error).message}`,
      );
    }
  }
  try {
    return ExportTraceServiceRequest.toObject(
      ExportTraceServiceRequest.decode(raw),
      { longs: String, bytes: String, enums: Number, arrays: true },
    );
  } catch (error) {
    throw new InputError(
      `Body is not a valid OTLP ExportTraceServiceRequest: ${
        (error as Error).message
      }`,
    );
  }
}

/** The OTLP success answer, in the request's encoding. */
export function encodeOtlpTraceResponse(
  encoding: OtlpEncoding,
  rejectedSpans: number,
  errorMessage: string,
): Buffer | object {
  const response =
    rejectedSpans > 0
      ? { partialSuccess: { rejectedSpans, errorMessage } }
      : {};
  if (encoding === 'json') {
    return response;
  }
  return Buffer.from(
    ExportTraceServiceResponse.encode(
      ExportTraceServiceResponse.fromObject(response),
    ).finish(),
  );
}
