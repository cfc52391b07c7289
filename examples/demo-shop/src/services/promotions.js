'use strict';

const { setTimeout: sleep } = require('node:timers/promises');
const { jitter } = require('../random');

// Applied in order; a cart gets every promotion it qualifies for.
const PROMOTIONS = [
  {
    code: 'SPEND200',
    percent: 10,
    applies: cart => cart.subtotalCents >= 20000,
  },
  { code: 'BUNDLE3', percent: 5, applies: cart => cart.itemCount >= 3 },
];

module.exports = () => ({
  'POST /promotions/evaluate': async ({ body = {} }) => {
    await sleep(jitter(3, 12));
    const items = body.items ?? [];
    const cart = {
      subtotalCents: items.reduce(
        (sum, item) => sum + item.unitPriceCents * item.quantity,
        0,
      ),
      itemCount: items.reduce((sum, item) => sum + item.quantity, 0),
    };
    const applied = PROMOTIONS.filter(promotion => promotion.applies(cart));
    const percent = applied.reduce(
      (sum, promotion) => sum + promotion.percent,
      0,
    );
    return {
      body: {
        applied: applied.map(promotion => promotion.code),
        discountCents: Math.round((cart.subtotalCents * percent) / 100),
      },
    };
  },
});
