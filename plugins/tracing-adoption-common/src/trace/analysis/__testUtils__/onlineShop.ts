import type { Trace } from '../../model';
import type { OperationMatcher } from '../types';
import {
  BASE_TIME_US,
  buildTrace,
  client,
  consumer,
  internal,
  producer,
  server,
  spanId,
} from './traceBuilder';

/**
 * Traffic of an online shop:
 *
 * - place order: edge-gateway → checkout → payments → fraud-check, payments
 *   writes to PostgreSQL, checkout calls currency (which emits nothing) and
 *   orders, which publishes to `order-events`; order-events-consumer handles
 *   the message in a trace of its own.
 * - browse catalog: edge-gateway → catalog-browse → pricing, once per
 *   product shown, and sometimes recommendations (which emits nothing).
 */

export const PLACE_ORDER: OperationMatcher = {
  entryService: 'edge-gateway',
  httpRoute: '/api/checkout',
  httpMethod: 'POST',
};

export const BROWSE_CATALOG: OperationMatcher = {
  entryService: 'edge-gateway',
  spanName: 'GET /api/catalog*',
};

export interface PlaceOrderVariant {
  /** Absolute start of the request. */
  startUs: number;
  /** Duration of checkout's call to payments, 40–45 ms. */
  paymentsUs: number;
  paymentFails?: boolean;
  /** X-Flow-ID sent by the client, propagated to the consumer as a tag. */
  flowId?: string;
  /** The edge span names a parent (a CDN) that sends no spans. */
  behindUntracedProxy?: boolean;
}

/** A place-order request. */
export function placeOrderTrace(label: string, variant: PlaceOrderVariant) {
  const fails = variant.paymentFails ?? false;
  const payments = variant.paymentsUs;
  return buildTrace(
    label,
    server(`${label}/edge`, 'edge-gateway', [0, 100_000], {
      name: 'POST /api/checkout',
      parentSpanId: variant.behindUntracedProxy
        ? spanId(`${label}/cdn`)
        : undefined,
      attributes: {
        'http.request.method': 'POST',
        'http.route': '/api/checkout',
        'http.response.status_code': fails ? 500 : 200,
        ...(variant.flowId
          ? { 'http.request.header.x-flow-id': [variant.flowId] }
          : {}),
      },
      children: [
        client(`${label}/edge→checkout`, 'edge-gateway', [1_000, 98_000], {
          name: 'POST',
          attributes: { 'peer.service': 'checkout' },
          children: [
            server(`${label}/checkout`, 'checkout', [2_000, 95_000], {
              name: 'POST /checkout',
              attributes: {
                'http.route': '/checkout',
                'http.response.status_code': fails ? 500 : 200,
              },
              children: [
                client(
                  `${label}/checkout→payments`,
                  'checkout',
                  [5_000, payments],
                  {
                    name: 'POST',
                    error: fails,
                    attributes: { 'peer.service': 'payments' },
                    children: [
                      server(
                        `${label}/payments`,
                        'payments',
                        [6_000, payments - 2_000],
                        {
                          name: 'POST /payments',
                          error: fails,
                          children: [
                            client(
                              `${label}/payments→fraud`,
                              'payments',
                              [10_000, 20_000],
                              {
                                name: 'POST',
                                attributes: { 'peer.service': 'fraud-check' },
                                children: [
                                  server(
                                    `${label}/fraud`,
                                    'fraud-check',
                                    [11_000, 18_000],
                                    { name: 'POST /score' },
                                  ),
                                ],
                              },
                            ),
                            client(
                              `${label}/payments→db`,
                              'payments',
                              [31_000, 8_000],
                              {
                                name: 'INSERT payments',
                                attributes: {
                                  'db.system': 'postgresql',
                                  'db.name': 'payments',
                                },
                              },
                            ),
                          ],
                        },
                      ),
                    ],
                  },
                ),
                client(
                  `${label}/checkout→currency`,
                  'checkout',
                  [50_000, 8_000],
                  {
                    name: 'GET',
                    attributes: {
                      'server.address': 'currency',
                      'url.full': 'http://currency:8080/rates?from=EUR',
                    },
                  },
                ),
                client(
                  `${label}/checkout→orders`,
                  'checkout',
                  [60_000, 30_000],
                  {
                    name: 'POST',
                    attributes: { 'peer.service': 'orders' },
                    children: [
                      server(`${label}/orders`, 'orders', [61_000, 28_000], {
                        name: 'POST /orders',
                        children: [
                          producer(
                            `${label}/orders-publish`,
                            'orders',
                            [80_000, 2_000],
                            {
                              name: 'order-events publish',
                              attributes: {
                                'messaging.system': 'kafka',
                                'messaging.destination.name': 'order-events',
                              },
                            },
                          ),
                        ],
                      }),
                    ],
                  },
                ),
              ],
            }),
          ],
        }),
      ],
    }),
    {
      startUs: variant.startUs,
      resources: {
        'edge-gateway': {
          'telemetry.sdk.name': 'opentelemetry',
          'telemetry.sdk.language': 'go',
          'telemetry.sdk.version': '1.28.0',
        },
        payments: { 'jaeger.version': 'Java-1.8.1' },
      },
    },
  );
}

/**
 * The consumer's trace for an order placed at `orderStartUs`: it starts 3 ms
 * after the message was published, without the producer's context.
 */
export function orderEventsConsumerTrace(
  label: string,
  orderStartUs: number,
  flowId?: string,
) {
  return buildTrace(
    label,
    consumer(`${label}/consume`, 'order-events-consumer', [85_000, 5_000], {
      name: 'order-events process',
      attributes: {
        'messaging.system': 'kafka',
        'messaging.destination.name': 'order-events',
        ...(flowId ? { flow_id: flowId } : {}),
      },
      children: [
        internal(`${label}/store`, 'order-events-consumer', [86_000, 3_000], {
          name: 'store order event',
        }),
      ],
    }),
    { startUs: orderStartUs },
  );
}

/** A catalog page showing `products` prices, maybe with recommendations. */
export function browseCatalogTrace(
  label: string,
  startUs: number,
  products: number,
  withRecommendations: boolean,
) {
  const priceCalls = Array.from({ length: products }, (_, i) =>
    client(
      `${label}/pricing-call-${i}`,
      'catalog-browse',
      [3_000 + i * 2_000, 1_500],
      {
        name: 'GET',
        attributes: { 'peer.service': 'pricing' },
        children: [
          server(
            `${label}/pricing-${i}`,
            'pricing',
            [3_100 + i * 2_000, 1_300],
            {
              name: 'GET /prices/{sku}',
            },
          ),
        ],
      },
    ),
  );
  const recommendations = withRecommendations
    ? [
        client(`${label}/recommendations`, 'catalog-browse', [15_000, 4_000], {
          name: 'GET',
          attributes: { 'peer.service': 'recommendations' },
        }),
      ]
    : [];
  return buildTrace(
    label,
    server(`${label}/edge`, 'edge-gateway', [0, 25_000], {
      name: 'GET /api/catalog',
      attributes: {
        'http.request.method': 'GET',
        'http.route': '/api/catalog',
      },
      children: [
        client(`${label}/edge→browse`, 'edge-gateway', [500, 24_000], {
          name: 'GET',
          children: [
            server(`${label}/browse`, 'catalog-browse', [1_000, 23_000], {
              name: 'GET /catalog',
              children: [...priceCalls, ...recommendations],
            }),
          ],
        }),
      ],
    }),
    { startUs },
  );
}

const SECOND = 1_000_000;

/** Place-order requests one second apart: the first carries a flow id, the second fails, the fourth came through an untraced proxy. */
export const PLACE_ORDER_VARIANTS: Array<
  PlaceOrderVariant & { label: string }
> = [
  {
    label: 'order-a',
    startUs: BASE_TIME_US,
    paymentsUs: 40_000,
    flowId: 'flow-1',
  },
  {
    label: 'order-b',
    startUs: BASE_TIME_US + SECOND,
    paymentsUs: 40_000,
    paymentFails: true,
  },
  { label: 'order-c', startUs: BASE_TIME_US + 2 * SECOND, paymentsUs: 44_000 },
  {
    label: 'order-d',
    startUs: BASE_TIME_US + 3 * SECOND,
    paymentsUs: 42_000,
    behindUntracedProxy: true,
  },
];

/** Prices shown per catalog page: 3 in every request but one, which shows 5. */
export const CATALOG_PAGES = [
  { label: 'browse-a', products: 3, withRecommendations: true },
  { label: 'browse-b', products: 3, withRecommendations: false },
  { label: 'browse-c', products: 5, withRecommendations: true },
  { label: 'browse-d', products: 3, withRecommendations: false },
];

/** Every trace of a four-second window, interleaved as a backend returns them. */
export function shopWindow(): Trace[] {
  const traces: Trace[] = [];
  PLACE_ORDER_VARIANTS.forEach((variant, i) => {
    traces.push(placeOrderTrace(variant.label, variant));
    traces.push(
      orderEventsConsumerTrace(
        `${variant.label}-consumer`,
        variant.startUs,
        variant.flowId,
      ),
    );
    const page = CATALOG_PAGES[i];
    traces.push(
      browseCatalogTrace(
        page.label,
        variant.startUs + SECOND / 2,
        page.products,
        page.withRecommendations,
      ),
    );
  });
  return traces;
}
