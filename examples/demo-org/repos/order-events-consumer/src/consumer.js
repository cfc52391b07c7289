// Tracing is switched on from the outside: the container sets
//   NODE_OPTIONS=--require @opentelemetry/auto-instrumentations-node/register
// so this file only adds one manual span around each event.
const { Kafka } = require('kafkajs');
const { request } = require('undici');
const { trace, SpanStatusCode } = require('@opentelemetry/api');

const tracer = trace.getTracer('order-events-consumer');
const kafka = new Kafka({
  clientId: 'order-events-consumer',
  brokers: (process.env.KAFKA_BROKERS || 'kafka:9092').split(','),
});
const consumer = kafka.consumer({ groupId: 'order-events-consumer' });
const producer = kafka.producer();

const WAREHOUSE_URL = process.env.WAREHOUSE_URL || 'http://warehouse:8080';
const INVENTORY_URL = process.env.INVENTORY_URL || 'http://inventory:8080';

async function onOrderPlaced(order) {
  for (const item of order.items) {
    await request(`${INVENTORY_URL}/reservations`, {
      method: 'POST',
      body: JSON.stringify({ sku: item.sku, quantity: item.quantity, orderId: order.id }),
      headers: { 'content-type': 'application/json' },
    });
  }
  await request(`${WAREHOUSE_URL}/orders/${order.id}/pick`, { method: 'POST' });
  await producer.send({
    topic: 'customer-notifications',
    messages: [{ key: order.customerId, value: JSON.stringify({ type: 'order-confirmed', ...order }) }],
  });
}

async function main() {
  await Promise.all([consumer.connect(), producer.connect()]);
  await consumer.subscribe({ topic: 'orders.events' });
  await consumer.run({
    eachMessage: ({ message }) =>
      tracer.startActiveSpan('order-event process', async (span) => {
        try {
          const event = JSON.parse(message.value.toString());
          span.setAttribute('order.event_type', event.type);
          if (event.type === 'OrderPlaced') await onOrderPlaced(event.order);
        } catch (err) {
          span.recordException(err);
          span.setStatus({ code: SpanStatusCode.ERROR });
          throw err;
        } finally {
          span.end();
        }
      }),
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
