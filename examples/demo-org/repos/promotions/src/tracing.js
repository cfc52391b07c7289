// Tracing bootstrap written during the 2021 OpenTelemetry pilot; never upgraded.
const { NodeSDK } = require('@opentelemetry/sdk-node');
const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http');
const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http');
const { ExpressInstrumentation } = require('@opentelemetry/instrumentation-express');
const { Resource } = require('@opentelemetry/resources');
const { SemanticResourceAttributes } = require('@opentelemetry/semantic-conventions');

const sdk = new NodeSDK({
  resource: new Resource({
    [SemanticResourceAttributes.SERVICE_NAME]: 'promotions',
  }),
  traceExporter: new OTLPTraceExporter({
    url: 'http://otel-collector.observability:4318/v1/traces',
  }),
  instrumentations: [new HttpInstrumentation(), new ExpressInstrumentation()],
});

sdk
  .start()
  .then(() => console.log('tracing initialised'))
  .catch((err) => console.error('tracing failed to start', err));
