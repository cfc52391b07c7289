const express = require('express');
const Redis = require('ioredis');
const { trace } = require('@opentelemetry/api');

const redis = new Redis(process.env.REDIS_URL || 'redis://redis:6379');
const PRICING_URL = process.env.PRICING_URL || 'http://pricing:8080';
const tracer = trace.getTracer('cart');
const app = express();
app.use(express.json());

app.get('/carts/:id', async (req, res) => {
  const items = await redis.hgetall(`cart:${req.params.id}`);
  res.json({ id: req.params.id, items });
});

app.post('/carts/:id/items', async (req, res) => {
  const { sku, quantity } = req.body;
  await tracer.startActiveSpan('cart.add-item', async (span) => {
    span.setAttribute('cart.sku', sku);
    const price = await fetch(`${PRICING_URL}/prices/${encodeURIComponent(sku)}`).then((r) => r.json());
    await redis.hincrby(`cart:${req.params.id}`, sku, quantity);
    span.end();
    res.status(201).json({ sku, quantity, unitPrice: price.amount });
  });
});

app.get('/healthz', (_req, res) => res.send('ok'));

app.listen(process.env.PORT || 3000, () => console.log('cart listening'));
