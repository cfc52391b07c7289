// The OpenTelemetry project's protobufjs code generated from opentelemetry-proto;
// newer releases of otlp-transformer only serialise and no longer ship a decoder.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const otlpProtobufRoot = require('@opentelemetry/otlp-transformer/build/src/generated/root');

/** The part of a protobufjs generated message class used here. */
interface GeneratedMessageType {
  decode(buffer: Uint8Array): unknown;
  toObject(message: unknown, options: object): unknown;
}

// The generated declarations type the root as an untyped protobufjs Root.
const { ExportTraceServiceRequest } = (
  otlpProtobufRoot as {
    opentelemetry: {
      proto: {
        collector: {
          trace: { v1: { ExportTraceServiceRequest: GeneratedMessageType } };
        };
      };
    };
  }
).opentelemetry.proto.collector.trace.v1;

/**
 * Decodes an OTLP protobuf `ExportTraceServiceRequest` into the OTLP JSON
 * shape `parseOtlpJson` reads (ids as base64, 64-bit times as strings).
 * Requests written back to back decode as one, since `resource_spans` is the
 * message's only, repeated field.
 *
 * @throws when the bytes are not such a message.
 */
export function decodeOtlpProtobuf(bytes: Uint8Array): unknown {
  return ExportTraceServiceRequest.toObject(
    ExportTraceServiceRequest.decode(bytes),
    { longs: String, bytes: String, enums: Number, arrays: true },
  );
}
