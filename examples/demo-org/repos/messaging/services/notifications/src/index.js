const { Kafka } = require('kafkajs');
const { trace, context, propagation } = require('@opentelemetry/api');

const kafka = new Kafka({ clientId: 'notifications', brokers: (process.env.KAFKA_BROKERS || 'kafka:9092').split(',') });
const consumer = kafka.consumer({ groupId: 'notifications' });
const producer = kafka.producer();
const tracer = trace.getTracer('notifications');
const PROFILE_URL = process.env.CUSTOMER_PROFILE_URL || 'http://customer-profile:8080';

async function handle(event) {
  return tracer.startActiveSpan('notifications.route', async (span) => {
    span.setAttribute('notification.type', event.type);
    const prefs = await fetch(`${PROFILE_URL}/customers/${event.customerId}`).then((r) => r.json());
    if (prefs.preferences && prefs.preferences.marketingEmails === false && event.type === 'marketing') {
      span.end();
      return;
    }
    const headers = {};
    propagation.inject(context.active(), headers); // traceparent for email-sender
    await producer.send({
      topic: 'customer-notifications.email',
      messages: [{ key: event.customerId, value: JSON.stringify({ ...event, to: prefs.email }), headers }],
    });
    span.end();
  });
}

async function main() {
  await Promise.all([consumer.connect(), producer.connect()]);
  await consumer.subscribe({ topic: 'customer-notifications', fromBeginning: false });
  await consumer.run({ eachMessage: ({ message }) => handle(JSON.parse(message.value.toString())) });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
