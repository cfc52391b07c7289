'use strict';

const { setTimeout: sleep } = require('node:timers/promises');
const { HttpError } = require('../http-kit');
const { findProduct } = require('../products');
const { jitter } = require('../random');

// Seasonal rule: apparel is 20 % off.
const SALE = { apparel: 0.2 };

module.exports = () => ({
  'GET /prices/:sku': async ({ params }) => {
    const product = findProduct(params.sku);
    if (!product) throw new HttpError(404, `No price for ${params.sku}`);
    await sleep(jitter(2, 8));
    const discount = SALE[product.category] ?? 0;
    return {
      body: {
        sku: product.sku,
        currency: 'EUR',
        listPriceCents: product.listPriceCents,
        salePriceCents: Math.round(product.listPriceCents * (1 - discount)),
      },
    };
  },
});
