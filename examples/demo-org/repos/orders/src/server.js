const { tracer, tracingMiddleware, outgoingHeaders } = require('./tracing');
const express = require('express');
const { Pool } = require('pg');

const db = new Pool({ connectionString: process.env.DATABASE_URL });
const MONOLITH_URL = process.env.LEGACY_MONOLITH_URL || 'http://legacy-monolith:8080';
const app = express();
app.use(express.json());
app.use(tracingMiddleware);

app.post('/orders', async (req, res) => {
  const span = tracer.startSpan('db.insert-order', { childOf: req.span });
  const { rows } = await db.query(
    'INSERT INTO orders (customer_id, items, total) VALUES ($1, $2, $3) RETURNING id',
    [req.body.customerId, JSON.stringify(req.body.items), req.body.total],
  );
  span.finish();

  // The monolith still owns invoicing; it reads X-Flow-ID for its logs.
  await fetch(`${MONOLITH_URL}/legacy/invoices`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...outgoingHeaders(req) },
    body: JSON.stringify({ orderId: rows[0].id }),
  });
  res.status(201).json({ id: rows[0].id });
});

app.get('/orders/:id', async (req, res) => {
  const { rows } = await db.query('SELECT * FROM orders WHERE id = $1', [req.params.id]);
  return rows.length ? res.json(rows[0]) : res.sendStatus(404);
});

app.get('/customers/:id/items', async (req, res) => {
  const { rows } = await db.query(
    'SELECT DISTINCT jsonb_array_elements(items)->>\'sku\' AS sku FROM orders WHERE customer_id = $1',
    [req.params.id],
  );
  res.json(rows.map((r) => r.sku));
});

app.listen(process.env.PORT || 3000, () => console.log('orders listening'));
