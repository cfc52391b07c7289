'use strict';

const { SpanKind, trace } = require('@opentelemetry/api');
const { callOk } = require('../http-kit');

const tracer = trace.getTracer('order-events-consumer');

// Order events arrive by HTTP push from the orders outbox, without trace
// context, so each one starts a new trace. The flow id it still carries is on
// the server span (see telemetry.js) and on the processing span below.
module.exports = () => ({
  'POST /events': async ({ body = {}, headers }) =>
    tracer.startActiveSpan(
      'process order-events',
      {
        kind: SpanKind.CONSUMER,
        attributes: {
          'messaging.operation.type': 'process',
          'messaging.destination.name': 'order-events',
          flow_id: headers['x-flow-id'],
        },
      },
      async span => {
        try {
          await callOk('inventory', 'POST', '/reservations', {
            body: { orderId: body.orderId, items: body.items },
          });
          return { status: 202, body: { accepted: body.type } };
        } finally {
          span.end();
        }
      },
    ),
});
