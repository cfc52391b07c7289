import type { Attributes } from '../model';
import {
  PLACE_ORDER,
  placeOrderTrace,
  PLACE_ORDER_VARIANTS,
} from './__testUtils__/onlineShop';
import {
  buildTrace,
  client,
  internal,
  server,
  spanId,
} from './__testUtils__/traceBuilder';
import { compileGlob } from './glob';
import { findEntrySpan, traceMatchesOperation } from './operationMatcher';

describe('compileGlob', () => {
  it.each([
    ['/api/checkout', '/api/checkout', true],
    ['/api/checkout', '/api/checkout/', false],
    ['/api/*', '/api/checkout', true],
    ['/api/*', '/api/', true],
    ['/api/*', '/api', false],
    ['*/items', '/api/cart/items', true],
    ['/api/*/items', '/api/cart/items', true],
    ['/api/*/items', '/api/items', false],
    ['GET /api/catalog*', 'GET /api/catalog', true],
    ['GET /api/catalog*', 'GET /api/catalog/shoes', true],
    ['*', '', true],
    ['a*b*a', 'aba', true],
    ['a*b*a', 'ab', false],
    ['a*a', 'a', false],
    ['/orders/{id}', '/orders/{id}', true],
    ['/price (eur)?', '/price (eur)?', true],
  ])('%s matches %s: %s', (pattern, value, expected) => {
    expect(compileGlob(pattern)(value)).toBe(expected);
  });
});

function edgeTrace(attributes: Attributes, name = 'POST /api/checkout') {
  return buildTrace(
    'edge',
    server('edge', 'edge-gateway', [0, 1_000], { name, attributes }),
  );
}

describe('traceMatchesOperation', () => {
  it.each<[string, Attributes, boolean]>([
    [
      'http.route',
      { 'http.route': '/api/checkout', 'http.method': 'POST' },
      true,
    ],
    [
      'OpenTelemetry method spelling, any case',
      { 'http.route': '/api/checkout', 'http.request.method': 'post' },
      true,
    ],
    [
      'http.target without its query',
      { 'http.target': '/api/checkout?step=2', 'http.method': 'POST' },
      true,
    ],
    [
      'path of an OpenTracing http.url',
      {
        'http.url': 'https://shop.example.com/api/checkout#top',
        'http.method': 'POST',
      },
      true,
    ],
    [
      'path of url.full',
      { 'url.full': 'http://edge:8080/api/checkout', 'http.method': 'POST' },
      true,
    ],
    [
      'another route',
      { 'http.route': '/api/cart', 'http.method': 'POST' },
      false,
    ],
    [
      'another method',
      { 'http.route': '/api/checkout', 'http.method': 'GET' },
      false,
    ],
    ['no route at all', { 'http.method': 'POST' }, false],
    ['no method', { 'http.route': '/api/checkout' }, false],
  ])('reads the request from %s', (_, attributes, expected) => {
    expect(traceMatchesOperation(edgeTrace(attributes), PLACE_ORDER)).toBe(
      expected,
    );
  });

  it('matches span names with globs and leaves unset fields open', () => {
    const trace = edgeTrace({}, 'GET /api/catalog/shoes');
    expect(
      traceMatchesOperation(trace, {
        entryService: 'edge-gateway',
        spanName: 'GET /api/catalog*',
      }),
    ).toBe(true);
    expect(traceMatchesOperation(trace, { entryService: 'edge-gateway' })).toBe(
      true,
    );
    expect(traceMatchesOperation(trace, { entryService: 'checkout' })).toBe(
      false,
    );
  });

  it('matches the shop fixture', () => {
    const [variant] = PLACE_ORDER_VARIANTS;
    expect(
      traceMatchesOperation(
        placeOrderTrace(variant.label, variant),
        PLACE_ORDER,
      ),
    ).toBe(true);
  });
});

describe('findEntrySpan', () => {
  const checkout = { entryService: 'checkout', spanName: 'POST /checkout' };

  it('takes the root span when the entry service is the root', () => {
    const trace = buildTrace(
      't',
      server('root', 'checkout', [0, 100], {
        name: 'POST /checkout',
        children: [
          server('nested', 'checkout', [10, 50], { name: 'POST /checkout' }),
        ],
      }),
    );
    expect(findEntrySpan(trace, checkout)?.spanId).toBe(spanId('root'));
  });

  it('takes the first server span when the service sits behind another one', () => {
    const trace = buildTrace(
      't',
      server('edge', 'edge-gateway', [0, 100], {
        children: [
          client('call', 'edge-gateway', [10, 80], {
            children: [
              server('second', 'checkout', [40, 20], {
                name: 'POST /checkout',
              }),
              server('first', 'checkout', [20, 10], { name: 'POST /checkout' }),
            ],
          }),
        ],
      }),
    );
    expect(findEntrySpan(trace, checkout)?.spanId).toBe(spanId('first'));
  });

  it('counts a span whose parent is missing as a root', () => {
    const trace = buildTrace('t', [
      internal('job', 'checkout', [0, 10], { name: 'POST /checkout' }),
      server('orphan', 'checkout', [-5, 10], {
        name: 'POST /checkout',
        parentSpanId: spanId('not-exported'),
      }),
    ]);
    expect(findEntrySpan(trace, checkout)?.spanId).toBe(spanId('orphan'));
  });

  it('judges the trace by its entry span only', () => {
    // The request entered through another route; a later span of the same
    // service that happens to match does not make it a request of the operation.
    const trace = buildTrace(
      't',
      server('root', 'checkout', [0, 100], {
        name: 'GET /cart',
        children: [
          server('nested', 'checkout', [10, 50], { name: 'POST /checkout' }),
        ],
      }),
    );
    expect(findEntrySpan(trace, checkout)).toBeUndefined();
  });

  it('finds nothing when the entry service has no root or server span', () => {
    const trace = buildTrace(
      't',
      server('edge', 'edge-gateway', [0, 100], {
        children: [
          internal('work', 'checkout', [1, 5], { name: 'POST /checkout' }),
        ],
      }),
    );
    expect(findEntrySpan(trace, checkout)).toBeUndefined();
    expect(
      findEntrySpan({ traceId: 'x', spans: [] }, checkout),
    ).toBeUndefined();
  });
});
