'use strict';

// The shop's assortment, shared by the services that need product facts.
// Prices are list prices in euro cents.
const PRODUCTS = [
  {
    sku: 'SKU-1001',
    name: 'Trail running shoes',
    category: 'shoes',
    listPriceCents: 12900,
  },
  {
    sku: 'SKU-1002',
    name: 'Merino base layer',
    category: 'apparel',
    listPriceCents: 7900,
  },
  {
    sku: 'SKU-1003',
    name: 'Ultralight tent',
    category: 'camping',
    listPriceCents: 34900,
  },
  {
    sku: 'SKU-1004',
    name: 'Down sleeping bag',
    category: 'camping',
    listPriceCents: 27900,
  },
  {
    sku: 'SKU-1005',
    name: 'Headlamp 400 lm',
    category: 'gear',
    listPriceCents: 4500,
  },
  {
    sku: 'SKU-1006',
    name: 'Hiking poles',
    category: 'gear',
    listPriceCents: 8900,
  },
  {
    sku: 'SKU-1007',
    name: 'Rain shell jacket',
    category: 'apparel',
    listPriceCents: 19900,
  },
  {
    sku: 'SKU-1008',
    name: 'Water filter',
    category: 'gear',
    listPriceCents: 3900,
  },
  {
    sku: 'SKU-1009',
    name: 'Approach shoes',
    category: 'shoes',
    listPriceCents: 14900,
  },
  {
    sku: 'SKU-1010',
    name: 'Camp stove',
    category: 'camping',
    listPriceCents: 6900,
  },
  {
    sku: 'SKU-1011',
    name: 'Daypack 24 l',
    category: 'gear',
    listPriceCents: 9900,
  },
  {
    sku: 'SKU-1012',
    name: 'Wool socks (3 pairs)',
    category: 'apparel',
    listPriceCents: 2900,
  },
];

function findProduct(sku) {
  return PRODUCTS.find(product => product.sku === sku);
}

module.exports = { PRODUCTS, findProduct };
