'use strict';

// Starts tracing for one service process, in the way that service is
// instrumented (see topology.js). Must run before anything requires `http`:
// the HTTP instrumentation patches the module for code that loads it later.
const { trace } = require('@opentelemetry/api');
const { NodeSDK } = require('@opentelemetry/sdk-node');
const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http');
const {
  defaultResource,
  resourceFromAttributes,
} = require('@opentelemetry/resources');
const {
  ATTR_DEPLOYMENT_ENVIRONMENT_NAME,
  ATTR_SERVICE_NAME,
  ATTR_SERVICE_VERSION,
} = require('@opentelemetry/semantic-conventions');
const {
  ATTR_PEER_SERVICE,
  ATTR_SERVER_SERVICE_NAME,
} = require('@opentelemetry/semantic-conventions/incubating');
const { TracerShim } = require('@opentelemetry/shim-opentracing');
const opentracing = require('opentracing');
const { createSpanProcessors } = require('./exporters');
const { serviceAtPort } = require('./topology');

function httpInstrumentation() {
  return new HttpInstrumentation({
    // Names the callee on every client span. For a callee that emits no spans
    // (currency) this is the only place its name appears. peer.service is what
    // service-graph tools read; server.service.name is its replacement in the
    // current conventions.
    startOutgoingSpanHook: options => {
      const callee = serviceAtPort(options.port);
      if (!callee) return {};
      return {
        [ATTR_PEER_SERVICE]: callee.name,
        [ATTR_SERVER_SERVICE_NAME]: callee.name,
      };
    },
    // Keeps the legacy correlation id where a caller still sends it, so traces
    // that lost their context can still be matched up.
    startIncomingSpanHook: request => {
      const flowId = request.headers['x-flow-id'];
      return flowId ? { flow_id: flowId } : {};
    },
  });
}

// For a service traced with `otel` or `opentracing`. Returns { shutdown },
// which flushes buffered spans.
function startTelemetry(service, onExportFailure) {
  const sdk = new NodeSDK({
    resource: defaultResource().merge(
      resourceFromAttributes({
        [ATTR_SERVICE_NAME]: service.name,
        [ATTR_SERVICE_VERSION]: service.version,
        [ATTR_DEPLOYMENT_ENVIRONMENT_NAME]: 'demo',
      }),
    ),
    // Host and process detectors would add machine details that vary between
    // runs and machines; the services are told apart by name alone.
    autoDetectResources: false,
    spanProcessors: createSpanProcessors(onExportFailure),
    // Traces only: without these the SDK would also start OTLP metrics and
    // logs exporters pointed at localhost:4318.
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: service.tracing === 'otel' ? [httpInstrumentation()] : [],
  });
  sdk.start();

  if (service.tracing === 'opentracing') {
    // Legacy code keeps calling opentracing.globalTracer(); the shim turns its
    // spans into OpenTelemetry spans and uses the W3C propagator for
    // inject/extract.
    const shimTracer = trace.getTracer('@opentelemetry/shim-opentracing');
    opentracing.initGlobalTracer(new TracerShim(shimTracer));
  }

  return { shutdown: () => sdk.shutdown() };
}

module.exports = { startTelemetry };
