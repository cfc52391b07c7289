'use strict';

const { callOk, HttpError } = require('../http-kit');

module.exports = () => ({
  'POST /checkouts': async ({ body = {} }) => {
    const { cartId, currency = 'EUR' } = body;
    if (!cartId) throw new HttpError(400, 'cartId is required');
    const cartPath = `/carts/${encodeURIComponent(cartId)}`;

    const cart = await callOk('cart', 'GET', cartPath);
    if (cart.items.length === 0) {
      throw new HttpError(409, `Cart ${cartId} is empty`);
    }
    // Cart prices are in euros; the shopper pays in their own currency.
    const charge = await callOk('currency', 'POST', '/convert', {
      body: { amountCents: cart.totalCents, from: 'EUR', to: currency },
    });
    const payment = await callOk('payments', 'POST', '/authorizations', {
      body: { cartId, amountCents: charge.amountCents, currency },
    });
    const order = await callOk('orders', 'POST', '/orders', {
      body: {
        cartId,
        items: cart.items,
        totalCents: charge.amountCents,
        currency,
        paymentId: payment.paymentId,
      },
    });
    await callOk('cart', 'DELETE', cartPath);

    return {
      status: 201,
      body: {
        orderId: order.orderId,
        totalCents: charge.amountCents,
        currency,
      },
    };
  },
});
