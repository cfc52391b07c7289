'use strict';
/*
 * Prints, as OTLP/JSON, the spans the OpenTelemetry HTTP instrumentation
 * emits for one request to a local server, under whatever
 * OTEL_SEMCONV_STABILITY_OPT_IN the process was started with. Used to check the
 * generated OpenTelemetry rule pack against real SDK output.
 */
const { NodeTracerProvider } = require('@opentelemetry/sdk-trace-node');
const {
  InMemorySpanExporter,
  SimpleSpanProcessor,
} = require('@opentelemetry/sdk-trace-base');
const { resourceFromAttributes } = require('@opentelemetry/resources');
const { registerInstrumentations } = require('@opentelemetry/instrumentation');
const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http');
const { JsonTraceSerializer } = require('@opentelemetry/otlp-transformer');

const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({
  resource: resourceFromAttributes({ 'service.name': 'semconv-probe' }),
  spanProcessors: [new SimpleSpanProcessor(exporter)],
});
provider.register();
registerInstrumentations({ instrumentations: [new HttpInstrumentation()] });

const http = require('node:http');

const server = http.createServer((request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain' });
  response.end('ok');
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  http.get(`http://127.0.0.1:${port}/api/products?page=2`, response => {
    response.resume();
    response.on('end', async () => {
      server.close();
      await provider.forceFlush();
      const spans = exporter.getFinishedSpans();
      process.stdout.write(
        Buffer.from(JsonTraceSerializer.serializeRequest(spans)).toString(
          'utf8',
        ),
      );
      await provider.shutdown();
    });
  });
});
