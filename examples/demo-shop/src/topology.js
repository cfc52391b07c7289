'use strict';

const { basePort } = require('./config');

// The shop's services. `name` is the service.name each one reports, matching
// the `tracing-adoption/service-name` annotation in examples/demo-org.
//
// `tracing` says how a service is instrumented:
//   otel         OpenTelemetry SDK with HTTP auto-instrumentation
//   opentracing  hand-written OpenTracing spans through the OpenTelemetry shim
//   none         no tracing at all
const SERVICES = [
  { name: 'edge-gateway', version: '2.14.0', tracing: 'otel' },
  { name: 'catalog-browse', version: '5.2.1', tracing: 'otel' },
  { name: 'pricing', version: '1.9.3', tracing: 'otel' },
  { name: 'inventory', version: '3.0.7', tracing: 'otel' },
  { name: 'reviews', version: '1.4.0', tracing: 'otel' },
  { name: 'cart', version: '4.1.2', tracing: 'otel' },
  { name: 'promotions', version: '0.27.5', tracing: 'otel' },
  { name: 'checkout', version: '6.3.0', tracing: 'otel' },
  { name: 'payments', version: '8.0.4', tracing: 'otel' },
  { name: 'fraud-check', version: '2.2.1', tracing: 'otel' },
  { name: 'currency', version: '1.0.9', tracing: 'none' },
  { name: 'orders', version: '3.8.2', tracing: 'opentracing' },
  { name: 'order-events-consumer', version: '1.6.0', tracing: 'otel' },
];

if (basePort + SERVICES.length - 1 > 65535) {
  throw new Error(
    `DEMO_SHOP_BASE_PORT ${basePort} leaves no room for ${SERVICES.length} ports`,
  );
}

function findService(name) {
  const service = SERVICES.find(candidate => candidate.name === name);
  if (!service) throw new Error(`Unknown service "${name}"`);
  return service;
}

// Ports follow the order of SERVICES, so edge-gateway always gets the base port.
function portOf(name) {
  return basePort + SERVICES.indexOf(findService(name));
}

function serviceAtPort(port) {
  return SERVICES[Number(port) - basePort];
}

module.exports = { SERVICES, findService, portOf, serviceAtPort };
