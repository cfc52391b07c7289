'use strict';

const { callOk, HttpError } = require('../http-kit');
const { PRODUCTS, findProduct } = require('../products');

const MAX_PAGE_SIZE = 12;

// Pricing has no batch endpoint, so every product shown costs one call.
const priceOf = sku => callOk('pricing', 'GET', `/prices/${sku}`);

module.exports = ({ random }) => ({
  'GET /products': async ({ query }) => {
    const requested = Number(query.get('limit')) || 4;
    const size = Math.min(Math.max(requested, 1), MAX_PAGE_SIZE);
    const first = random.int(0, PRODUCTS.length - 1);
    const page = Array.from(
      { length: size },
      (_, i) => PRODUCTS[(first + i) % PRODUCTS.length],
    );
    const skus = page.map(product => product.sku).join(',');

    const [prices, stock, ratings] = await Promise.all([
      Promise.all(page.map(product => priceOf(product.sku))),
      callOk('inventory', 'GET', `/stock?skus=${skus}`),
      callOk('reviews', 'GET', `/ratings?skus=${skus}`),
    ]);
    return {
      body: {
        products: page.map((product, i) => ({
          ...product,
          price: prices[i],
          inStock: stock.levels[product.sku] > 0,
          rating: ratings.ratings[product.sku],
        })),
      },
    };
  },

  'GET /products/:sku': async ({ params }) => {
    const product = findProduct(params.sku);
    if (!product) throw new HttpError(404, `No product ${params.sku}`);

    const [price, stock, reviews] = await Promise.all([
      priceOf(product.sku),
      callOk('inventory', 'GET', `/stock?skus=${product.sku}`),
      callOk('reviews', 'GET', `/reviews/${product.sku}`),
    ]);
    return {
      body: {
        ...product,
        price,
        inStock: stock.levels[product.sku] > 0,
        reviews: reviews.reviews,
      },
    };
  },
});
