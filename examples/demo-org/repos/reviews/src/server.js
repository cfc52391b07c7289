// Elastic APM must be started before any other module is required so that
// it can hook into http, express and pg.
const apm = require('elastic-apm-node').start({
  serviceName: 'reviews',
  serverUrl: process.env.ELASTIC_APM_SERVER_URL || 'http://apm-server.observability:8200',
  secretToken: process.env.ELASTIC_APM_SECRET_TOKEN,
  environment: process.env.NODE_ENV || 'development',
  transactionSampleRate: 0.3,
});

const express = require('express');
const { Pool } = require('pg');

const db = new Pool({ connectionString: process.env.DATABASE_URL });
const PROFILE_URL = process.env.CUSTOMER_PROFILE_URL || 'http://customer-profile:8080';
const app = express();
app.use(express.json());

app.get('/products/:id/reviews', async (req, res) => {
  const { rows } = await db.query(
    'SELECT id, customer_id, rating, body, created_at FROM reviews WHERE product_id = $1 ORDER BY created_at DESC LIMIT 50',
    [req.params.id],
  );
  res.json(rows);
});

app.post('/products/:id/reviews', async (req, res) => {
  const { customerId, rating, body } = req.body;
  const profile = await fetch(`${PROFILE_URL}/customers/${customerId}`);
  if (!profile.ok) return res.status(400).json({ error: 'unknown customer' });

  apm.setLabel('rating', rating);
  const { rows } = await db.query(
    'INSERT INTO reviews (product_id, customer_id, rating, body) VALUES ($1, $2, $3, $4) RETURNING id',
    [req.params.id, customerId, rating, body],
  );
  res.status(201).json({ id: rows[0].id });
});

app.get('/healthz', (_req, res) => res.send('ok'));

app.listen(process.env.PORT || 3000, () => console.log('reviews listening'));
