'use strict';

// Orders predates the OpenTelemetry rollout: it is traced with hand-written
// OpenTracing spans, which the OpenTelemetry shim now exports. Its spans carry
// OpenTracing tags (span.kind, component, http.method, http.status_code, ...)
// instead of OpenTelemetry conventions, all of them are INTERNAL spans to
// OpenTelemetry, and requests are correlated by the legacy X-Flow-ID header.
const crypto = require('node:crypto');
const { setTimeout: sleep } = require('node:timers/promises');
const opentracing = require('opentracing');
const { call } = require('../http-kit');
const { jitter } = require('../random');

const { Tags, FORMAT_HTTP_HEADERS } = opentracing;
const tracer = opentracing.globalTracer();
const OUTBOX_INTERVAL_MS = 250;

// Placed orders wait here until the outbox worker pushes them to
// order-events-consumer. Only the event and its flow id are kept: the trace
// context does not survive the queue, so the consumer starts a new trace that
// shares nothing with this one but the flow id.
const outbox = [];
let delivering = false;

async function deliverOutbox() {
  if (delivering) return;
  delivering = true;
  try {
    while (outbox.length > 0) {
      const { event, flowId } = outbox.shift();
      try {
        await call('order-events-consumer', 'POST', '/events', {
          body: event,
          headers: { 'x-flow-id': flowId },
        });
      } catch (error) {
        console.warn(
          `[orders] could not deliver ${event.type} for ${event.orderId}: ${error.message}`,
        );
      }
    }
  } finally {
    delivering = false;
  }
}

setInterval(deliverOutbox, OUTBOX_INTERVAL_MS).unref();

// Simulated: the order table lives in the real service's database.
async function saveOrder(parent, flowId) {
  const span = tracer.startSpan('orders_db.insert', {
    childOf: parent,
    tags: {
      [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_CLIENT,
      [Tags.COMPONENT]: 'pg',
      [Tags.DB_TYPE]: 'sql',
      [Tags.DB_INSTANCE]: 'orders',
      [Tags.DB_STATEMENT]:
        'INSERT INTO orders (order_id, cart_id, total_cents, currency) VALUES ($1, $2, $3, $4)',
      flow_id: flowId,
    },
  });
  await sleep(jitter(4, 15));
  span.finish();
}

function publishOrderPlaced(parent, order, flowId) {
  const span = tracer.startSpan('order-events.publish', {
    childOf: parent,
    tags: {
      [Tags.SPAN_KIND]: Tags.SPAN_KIND_MESSAGING_PRODUCER,
      [Tags.MESSAGE_BUS_DESTINATION]: 'order-events',
      flow_id: flowId,
    },
  });
  outbox.push({ event: { type: 'order.placed', ...order }, flowId });
  span.finish();
}

module.exports = () => ({
  'POST /orders': async ({ headers, body = {} }) => {
    const flowId = headers['x-flow-id'] || `flow-${crypto.randomUUID()}`;
    const span = tracer.startSpan('create_order', {
      childOf: tracer.extract(FORMAT_HTTP_HEADERS, headers) ?? undefined,
      tags: {
        [Tags.SPAN_KIND]: Tags.SPAN_KIND_RPC_SERVER,
        [Tags.COMPONENT]: 'orders-api',
        [Tags.HTTP_METHOD]: 'POST',
        [Tags.HTTP_URL]: '/orders',
        flow_id: flowId,
      },
    });
    try {
      const order = {
        orderId: `ord_${crypto.randomBytes(5).toString('hex')}`,
        cartId: body.cartId,
        items: body.items ?? [],
        totalCents: body.totalCents,
        currency: body.currency,
      };
      await saveOrder(span, flowId);
      publishOrderPlaced(span, order, flowId);
      span.setTag(Tags.HTTP_STATUS_CODE, 201);
      return {
        status: 201,
        body: { orderId: order.orderId },
        headers: { 'x-flow-id': flowId },
      };
    } finally {
      span.finish();
    }
  },
});
