'use strict';

// Shoppers, simulated: a steady stream of requests to edge-gateway with a
// realistic mix of browsing, product views, adding to cart and checking out.
const { call } = require('./http-kit');
const { PRODUCTS } = require('./products');

const MIX = [
  { kind: 'browse', weight: 50 },
  { kind: 'product', weight: 25 },
  { kind: 'add-to-cart', weight: 15 },
  { kind: 'checkout', weight: 10 },
];
const ROUTES = {
  browse: 'GET /api/products',
  product: 'GET /api/products/:id',
  'add-to-cart': 'POST /api/cart/items',
  checkout: 'POST /api/checkout',
};
const CART_IDS = Array.from({ length: 8 }, (_, i) => `cart-${i + 1}`);
const CURRENCIES = ['EUR', 'EUR', 'GBP', 'USD'];
const SUMMARY_INTERVAL_MS = 30_000;

function pickKind(random) {
  let roll = random.next() * MIX.reduce((sum, entry) => sum + entry.weight, 0);
  for (const entry of MIX) {
    roll -= entry.weight;
    if (roll < 0) return entry.kind;
  }
  return MIX[MIX.length - 1].kind;
}

function createTally() {
  return { sent: 0, errors: 0, byRoute: {}, byFailure: {} };
}

function describe(tally) {
  const routes = Object.entries(tally.byRoute)
    .map(([route, count]) => `${route} ${count}`)
    .join(', ');
  const failures = Object.entries(tally.byFailure)
    .map(([failure, count]) => `${failure} x${count}`)
    .join(', ');
  const errors = `${tally.errors} ${tally.errors === 1 ? 'error' : 'errors'}`;
  const causes = failures ? ` (${failures})` : '';
  return `${tally.sent} requests (${routes || 'none'}), ${errors}${causes}`;
}

// Sends `requestsPerSecond` requests to edge-gateway, never more than
// `maxInFlight` at once: when the shop falls behind, ticks are skipped rather
// than queued. Stops by itself after `maxRequests` if given; `finished`
// resolves once the last response is in.
function startTraffic({
  requestsPerSecond,
  maxRequests,
  maxInFlight,
  random,
  log,
}) {
  // Items per cart, as far as the shoppers know.
  const carts = new Map(CART_IDS.map(id => [id, 0]));
  const total = createTally();
  let recent = createTally();
  let inFlight = 0;
  let stopped = false;
  let timer;
  let resolveFinished;
  const finished = new Promise(resolve => (resolveFinished = resolve));

  function nextRequest() {
    let kind = pickKind(random);
    const filledCarts = CART_IDS.filter(id => carts.get(id) > 0);
    // Nobody checks out an empty cart: until someone has added something,
    // shoppers add to their carts instead.
    if (kind === 'checkout' && filledCarts.length === 0) kind = 'add-to-cart';

    switch (kind) {
      case 'browse':
        return {
          kind,
          method: 'GET',
          path: `/api/products?limit=${random.int(3, 6)}`,
        };
      case 'product':
        return {
          kind,
          method: 'GET',
          path: `/api/products/${random.pick(PRODUCTS).sku}`,
        };
      case 'add-to-cart':
        return {
          kind,
          method: 'POST',
          path: '/api/cart/items',
          body: {
            cartId: random.pick(CART_IDS),
            sku: random.pick(PRODUCTS).sku,
            quantity: random.int(1, 2),
          },
        };
      default:
        return {
          kind,
          method: 'POST',
          path: '/api/checkout',
          body: {
            cartId: random.pick(filledCarts),
            currency: random.pick(CURRENCIES),
          },
        };
    }
  }

  function record(route, failure) {
    for (const tally of [total, recent]) {
      tally.sent++;
      tally.byRoute[route] = (tally.byRoute[route] ?? 0) + 1;
      if (failure) {
        tally.errors++;
        tally.byFailure[failure] = (tally.byFailure[failure] ?? 0) + 1;
      }
    }
  }

  async function send({ kind, method, path, body }) {
    inFlight++;
    let failure;
    try {
      const response = await call('edge-gateway', method, path, {
        body,
        timeoutMs: 10_000,
      });
      const ok = response.status < 300;
      if (response.status >= 500) failure = String(response.status);
      if (ok && kind === 'add-to-cart') {
        carts.set(body.cartId, carts.get(body.cartId) + body.quantity);
      }
      if (ok && kind === 'checkout') carts.set(body.cartId, 0);
    } catch (error) {
      failure = error.code ?? 'no answer';
    }
    record(ROUTES[kind], failure);
    inFlight--;
    if (stopped && inFlight === 0) resolveFinished();
  }

  const intervalMs = 1000 / requestsPerSecond;
  let dueAt = Date.now();
  let started = 0;
  function tick() {
    if (stopped) return;
    if (inFlight < maxInFlight) {
      started++;
      send(nextRequest());
    }
    if (maxRequests !== undefined && started >= maxRequests) {
      stop();
      return;
    }
    dueAt += intervalMs;
    timer = setTimeout(tick, Math.max(0, dueAt - Date.now()));
  }

  const summaryTimer = setInterval(() => {
    const sinceStart = `${total.sent} requests, ${total.errors} errors`;
    log(`last 30 s: ${describe(recent)}; since start: ${sinceStart}`);
    recent = createTally();
  }, SUMMARY_INTERVAL_MS);
  summaryTimer.unref();

  function stop() {
    if (stopped) return;
    stopped = true;
    clearTimeout(timer);
    clearInterval(summaryTimer);
    if (inFlight === 0) resolveFinished();
  }

  tick();
  return { finished, stop, summary: () => describe(total) };
}

module.exports = { startTraffic };
