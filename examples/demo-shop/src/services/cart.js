'use strict';

const { callOk, HttpError } = require('../http-kit');

function subtotalOf(items) {
  return items.reduce(
    (sum, item) => sum + item.unitPriceCents * item.quantity,
    0,
  );
}

function summary(cartId, cart) {
  const subtotalCents = subtotalOf(cart.items);
  return {
    cartId,
    items: cart.items,
    subtotalCents,
    discountCents: cart.discountCents,
    totalCents: subtotalCents - cart.discountCents,
  };
}

module.exports = () => {
  // Carts live in memory; the traffic generator only ever uses a handful.
  const carts = new Map();
  const cartOf = cartId => carts.get(cartId) ?? { items: [], discountCents: 0 };

  return {
    'POST /carts/:cartId/items': async ({ params, body = {} }) => {
      const quantity = Number(body.quantity) || 1;
      if (!body.sku) throw new HttpError(400, 'sku is required');

      // Price at the time of adding, then let promotions judge the whole cart.
      const price = await callOk('pricing', 'GET', `/prices/${body.sku}`);
      const cart = cartOf(params.cartId);
      const items = [
        ...cart.items,
        { sku: body.sku, quantity, unitPriceCents: price.salePriceCents },
      ];
      const evaluation = { body: { cartId: params.cartId, items } };
      const promotion = await callOk(
        'promotions',
        'POST',
        '/promotions/evaluate',
        evaluation,
      );

      const updated = { items, discountCents: promotion.discountCents };
      carts.set(params.cartId, updated);
      return { status: 201, body: summary(params.cartId, updated) };
    },

    'GET /carts/:cartId': async ({ params }) => ({
      body: summary(params.cartId, cartOf(params.cartId)),
    }),

    'DELETE /carts/:cartId': async ({ params }) => {
      carts.delete(params.cartId);
      return { body: { cartId: params.cartId, emptied: true } };
    },
  };
};
