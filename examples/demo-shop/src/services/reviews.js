'use strict';

const crypto = require('node:crypto');
const { setTimeout: sleep } = require('node:timers/promises');
const { jitter } = require('../random');

// A stable, made-up rating between 3.0 and 5.0 per SKU.
function ratingOf(sku) {
  const byte = crypto.createHash('sha1').update(`rating:${sku}`).digest()[0];
  return Math.round((3 + (byte / 255) * 2) * 10) / 10;
}

module.exports = () => ({
  'GET /ratings': async ({ query }) => {
    const skus = (query.get('skus') ?? '').split(',').filter(Boolean);
    await sleep(jitter(3, 10));
    return {
      body: {
        ratings: Object.fromEntries(skus.map(sku => [sku, ratingOf(sku)])),
      },
    };
  },

  'GET /reviews/:sku': async ({ params }) => {
    await sleep(jitter(5, 15));
    return {
      body: {
        sku: params.sku,
        rating: ratingOf(params.sku),
        reviews: [
          { author: 'alex', stars: 5, text: 'Does exactly what it should.' },
          { author: 'sam', stars: 4, text: 'Good value, runs a little small.' },
        ],
      },
    };
  },
});
