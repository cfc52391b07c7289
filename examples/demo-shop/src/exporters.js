'use strict';

const { BatchSpanProcessor } = require('@opentelemetry/sdk-trace-base');
const {
  OTLPTraceExporter: OtlpProtoExporter,
} = require('@opentelemetry/exporter-trace-otlp-proto');
const {
  OTLPTraceExporter: OtlpJsonExporter,
} = require('@opentelemetry/exporter-trace-otlp-http');
const { ZipkinExporter } = require('@opentelemetry/exporter-zipkin');
const config = require('./config');

// ExportResultCode.SUCCESS from @opentelemetry/core.
const EXPORT_SUCCEEDED = 0;

// Hands every failed export to `onFailure` and otherwise behaves like the
// exporter it wraps. The batch processor drops the spans of a failed export,
// so an unreachable receiver costs spans, never the shop.
function reportingFailures(exporter, onFailure) {
  return {
    export(spans, resultCallback) {
      exporter.export(spans, result => {
        if (result.code !== EXPORT_SUCCEEDED) {
          onFailure(result.error ?? new Error('export failed'));
        }
        resultCallback(result);
      });
    },
    forceFlush: () => exporter.forceFlush(),
    shutdown: () => exporter.shutdown(),
  };
}

// Normal runs: OTLP/HTTP protobuf to the portal's receiver.
function portalProcessors(onFailure) {
  const exporter = new OtlpProtoExporter({
    url: config.otlpEndpoint,
    headers: { Authorization: `Bearer ${config.otlpToken}` },
    timeoutMillis: 5000,
  });
  return [new BatchSpanProcessor(reportingFailures(exporter, onFailure))];
}

// Fixture recording: the same spans in every format the fixtures need. Batches
// go out only when the process shuts down, so each process sends exactly one
// request per format.
function captureProcessors(captureUrl, onFailure) {
  const exporters = [
    new OtlpJsonExporter({ url: `${captureUrl}/otlp-json` }),
    new OtlpProtoExporter({ url: `${captureUrl}/otlp-proto` }),
    new ZipkinExporter({ url: `${captureUrl}/zipkin` }),
  ];
  const holdUntilShutdown = {
    maxQueueSize: 100_000,
    maxExportBatchSize: 100_000,
    scheduledDelayMillis: 24 * 60 * 60 * 1000,
  };
  return exporters.map(
    exporter =>
      new BatchSpanProcessor(
        reportingFailures(exporter, onFailure),
        holdUntilShutdown,
      ),
  );
}

function createSpanProcessors(onFailure) {
  return config.captureUrl
    ? captureProcessors(config.captureUrl, onFailure)
    : portalProcessors(onFailure);
}

module.exports = { createSpanProcessors };
