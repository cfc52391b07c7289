// No tracing yet: trace headers on incoming messages are ignored.
const { Kafka } = require('kafkajs');
const nodemailer = require('nodemailer');
const Handlebars = require('handlebars');

const kafka = new Kafka({ clientId: 'email-sender', brokers: (process.env.KAFKA_BROKERS || 'kafka:9092').split(',') });
const consumer = kafka.consumer({ groupId: 'email-sender' });
const transport = nodemailer.createTransport({
  host: process.env.SMTP_HOST || 'smtp.example.com',
  port: Number(process.env.SMTP_PORT || 587),
  auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASSWORD },
});

const templates = {
  'order-confirmed': Handlebars.compile('<p>Hi {{name}}, your order {{orderId}} is confirmed.</p>'),
  'order-shipped': Handlebars.compile('<p>Good news {{name}}: order {{orderId}} is on its way ({{trackingNumber}}).</p>'),
};

async function send(msg) {
  const render = templates[msg.type];
  if (!render) return console.warn(`no template for ${msg.type}`);
  await transport.sendMail({
    from: 'Shopfront <no-reply@example.com>',
    to: msg.to,
    subject: msg.subject || 'Your Shopfront order',
    html: render(msg),
  });
  console.log(JSON.stringify({ level: 'info', msg: 'email sent', type: msg.type, orderId: msg.orderId }));
}

async function main() {
  await consumer.connect();
  await consumer.subscribe({ topic: 'customer-notifications.email' });
  await consumer.run({ eachMessage: ({ message }) => send(JSON.parse(message.value.toString())) });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
