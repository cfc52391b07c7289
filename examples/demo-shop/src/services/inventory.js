'use strict';

const crypto = require('node:crypto');
const { setTimeout: sleep } = require('node:timers/promises');
const { trace } = require('@opentelemetry/api');
const { jitter } = require('../random');

// Stock lookups are usually served from a cache; a miss goes to the warehouse
// system and is slow. Reservations always go to the warehouse but are quick.
const CACHE_MISS_RATE = 0.08;

// A stable, made-up stock level per SKU; SKU-1004 is sold out.
function stockLevel(sku) {
  if (sku === 'SKU-1004') return 0;
  return 3 + (crypto.createHash('sha1').update(sku).digest()[0] % 40);
}

module.exports = ({ random }) => ({
  'GET /stock': async ({ query }) => {
    const skus = (query.get('skus') ?? '').split(',').filter(Boolean);
    const cacheHit = !random.chance(CACHE_MISS_RATE);
    trace.getActiveSpan()?.setAttribute('inventory.cache.hit', cacheHit);
    await sleep(cacheHit ? jitter(2, 6) : jitter(400, 1200));
    return {
      body: {
        levels: Object.fromEntries(skus.map(sku => [sku, stockLevel(sku)])),
      },
    };
  },

  'POST /reservations': async ({ body = {} }) => {
    await sleep(jitter(5, 15));
    return {
      status: 201,
      body: { orderId: body.orderId, reserved: (body.items ?? []).length },
    };
  },
});
