'use strict';

const { call } = require('../http-kit');

// Passes a downstream answer on. A downstream server error becomes 502, as a
// gateway reports it.
function relay(response) {
  if (response.status >= 500) {
    return {
      status: 502,
      body: { error: response.body?.error ?? 'upstream error' },
    };
  }
  return { status: response.status, body: response.body };
}

// The public API: routes each request to the service that owns it.
module.exports = () => ({
  'GET /api/products': async ({ query }) =>
    relay(
      await call(
        'catalog-browse',
        'GET',
        `/products?limit=${Number(query.get('limit')) || 4}`,
      ),
    ),

  'GET /api/products/:id': async ({ params }) =>
    relay(
      await call(
        'catalog-browse',
        'GET',
        `/products/${encodeURIComponent(params.id)}`,
      ),
    ),

  'POST /api/cart/items': async ({ body = {} }) =>
    relay(
      await call(
        'cart',
        'POST',
        `/carts/${encodeURIComponent(body.cartId)}/items`,
        {
          body: { sku: body.sku, quantity: body.quantity },
        },
      ),
    ),

  'POST /api/checkout': async ({ body }) =>
    relay(await call('checkout', 'POST', '/checkouts', { body })),
});
