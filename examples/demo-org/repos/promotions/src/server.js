const express = require('express');
const http = require('http');

const LOYALTY_URL = process.env.LOYALTY_URL || 'http://loyalty:8080';
const app = express();
app.use(express.json());

const rules = [
  { code: 'WELCOME10', percent: 10, minTotal: 0 },
  { code: 'SPRING25', percent: 25, minTotal: 100 },
];

function loyaltyTier(customerId) {
  return new Promise((resolve) => {
    http
      .get(`${LOYALTY_URL}/members/${customerId}`, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve(res.statusCode === 200 ? JSON.parse(body).tier : 'none'));
      })
      .on('error', () => resolve('none'));
  });
}

app.post('/promotions/evaluate', async (req, res) => {
  const { code, total, customerId } = req.body;
  const rule = rules.find((r) => r.code === code && total >= r.minTotal);
  const tier = await loyaltyTier(customerId);
  const extra = tier === 'gold' ? 5 : 0;
  const percent = (rule ? rule.percent : 0) + extra;
  res.json({ code, percent, discount: Math.round(total * percent) / 100 });
});

app.listen(process.env.PORT || 3000, () => console.log('promotions listening'));
