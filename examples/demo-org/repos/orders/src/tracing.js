// OpenTracing with the Jaeger client. Agent host/port and sampler settings
// come from JAEGER_* environment variables (see Dockerfile).
const { initTracerFromEnv } = require('jaeger-client');
const opentracing = require('opentracing');

const FLOW_ID_HEADER = 'x-flow-id';

const tracer = initTracerFromEnv(
  { serviceName: process.env.JAEGER_SERVICE_NAME || 'orders' },
  { tags: { 'service.version': require('../package.json').version } },
);
opentracing.initGlobalTracer(tracer);

// Express middleware: continue the caller's trace and carry X-Flow-ID.
function tracingMiddleware(req, res, next) {
  const parent = tracer.extract(opentracing.FORMAT_HTTP_HEADERS, req.headers);
  const span = tracer.startSpan(`${req.method} ${req.path}`, {
    childOf: parent || undefined,
    tags: { [opentracing.Tags.SPAN_KIND]: opentracing.Tags.SPAN_KIND_RPC_SERVER },
  });
  req.flowId = req.headers[FLOW_ID_HEADER] || span.context().toTraceId();
  span.setTag('flow.id', req.flowId);
  res.setHeader('X-Flow-ID', req.flowId);
  req.span = span;
  res.on('finish', () => {
    span.setTag(opentracing.Tags.HTTP_STATUS_CODE, res.statusCode);
    if (res.statusCode >= 500) span.setTag(opentracing.Tags.ERROR, true);
    span.finish();
  });
  next();
}

// Headers for an outgoing call: Jaeger's uber-trace-id plus X-Flow-ID.
function outgoingHeaders(req) {
  const headers = { 'X-Flow-ID': req.flowId };
  tracer.inject(req.span, opentracing.FORMAT_HTTP_HEADERS, headers);
  return headers;
}

module.exports = { tracer, tracingMiddleware, outgoingHeaders };
