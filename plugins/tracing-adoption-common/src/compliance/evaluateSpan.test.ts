import type { RuleCheck, SpanSelector } from './rulePack';
import { compileRulePacks } from './compileRulePacks';
import { evaluateSpan } from './evaluateSpan';
import { rulePack, span } from './__testUtils__/builders';

/** Messages of the violations of a one-rule pack with this check. */
function messages(check: RuleCheck, target = span()): string[] {
  return evaluateSpan(target, [rulePack({ check })]).map(
    violation => violation.message,
  );
}

describe('evaluateSpan', () => {
  it('reports a violation with the rule, span and fix details', () => {
    const pack = rulePack(
      {
        id: 'flow-id',
        severity: 'error',
        check: { required: [['app.flow_id', 'flow_id']] },
        fix: 'Set app.flow_id',
      },
      { name: 'shopfront', version: '2.1.0', docUrl: 'https://docs.example/' },
    );
    expect(evaluateSpan(span(), compileRulePacks([pack]))).toEqual([
      {
        packName: 'shopfront',
        packVersion: '2.1.0',
        ruleId: 'flow-id',
        severity: 'error',
        traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
        spanId: '00f067aa0ba902b7',
        service: 'shop',
        spanName: 'GET /orders/:id',
        attribute: 'app.flow_id',
        message: "span lacks one of 'app.flow_id', 'flow_id'",
        fix: 'Set app.flow_id',
        docUrl: 'https://docs.example/',
      },
    ]);
  });

  describe('required attributes', () => {
    const check: RuleCheck = {
      required: [['http.request.method'], ['app.flow_id', 'flow_id']],
    };

    it('accepts any attribute of an alternatives group', () => {
      expect(
        messages(
          check,
          span({ attributes: { 'http.request.method': 'GET', flow_id: 'f' } }),
        ),
      ).toEqual([]);
    });

    it('reports each missing entry; empty values count as missing', () => {
      expect(
        messages(
          check,
          span({ attributes: { 'http.request.method': '', flow_id: [] } }),
        ),
      ).toEqual([
        "span lacks required 'http.request.method'",
        "span lacks one of 'app.flow_id', 'flow_id'",
      ]);
    });

    it('looks at the resource for resourceRequired', () => {
      expect(
        messages(
          { resourceRequired: [['service.name'], ['service.version']] },
          span({ attributes: { 'service.version': '1.0' } }),
        ),
      ).toEqual(["resource lacks required 'service.version'"]);
    });
  });

  it('reports forbidden attributes by name and glob', () => {
    expect(
      messages(
        { forbidden: ['user.email', '*.phone'] },
        span({
          attributes: {
            'user.email': 'a@b.example',
            'customer.phone': '+49',
            'http.route': '/x',
          },
        }),
      ),
    ).toEqual([
      "span carries forbidden attribute 'user.email'",
      "span carries forbidden attribute 'customer.phone'",
    ]);
  });

  it('matches value patterns against text, numbers and each list element', () => {
    const check: RuleCheck = {
      pattern: { attribute: 'app.code', regex: '^[A-Z]{3}$' },
    };
    expect(
      messages(check, span({ attributes: { 'app.code': 'ABC' } })),
    ).toEqual([]);
    expect(messages(check, span({ attributes: { 'app.code': 404 } }))).toEqual([
      "'app.code' = '404' does not match /^[A-Z]{3}$/",
    ]);
    expect(
      messages(check, span({ attributes: { 'app.code': ['ABC', 'abcd'] } })),
    ).toEqual([`'app.code' = '["ABC","abcd"]' does not match /^[A-Z]{3}$/`]);
    expect(messages(check)).toEqual([]);
  });

  it('reports every attribute key outside the namespace and its exceptions', () => {
    expect(
      messages(
        { keyPattern: { regex: '^app\\.', except: ['http.*', 'flow_id'] } },
        span({
          attributes: {
            'app.tier': 'edge',
            'http.route': '/x',
            flow_id: 'f',
            'inventory.cache.hit': true,
            cartSize: 3,
          },
        }),
      ),
    ).toEqual([
      "attribute 'inventory.cache.hit' is outside the allowed names /^app\\./",
      "attribute 'cartSize' is outside the allowed names /^app\\./",
    ]);
  });

  it('compares allowed values as text, optionally ignoring case', () => {
    const values = ['GET', 'POST', '200'];
    const strict: RuleCheck = {
      allowedValues: { attribute: 'm', values, ignoreCase: false },
    };
    const lenient: RuleCheck = {
      allowedValues: { attribute: 'm', values, ignoreCase: true },
    };
    expect(messages(strict, span({ attributes: { m: 200 } }))).toEqual([]);
    expect(messages(strict, span({ attributes: { m: 'get' } }))).toEqual([
      "'m' = 'get' is not one of GET, POST, 200",
    ]);
    expect(messages(lenient, span({ attributes: { m: 'get' } }))).toEqual([]);
  });

  it.each([
    ['int', 200, []],
    ['int', '200', ["'v' should be int but is string ('200')"]],
    ['int', 2.5, ["'v' should be int but is double ('2.5')"]],
    ['double', 2, []],
    ['double', 2.5, []],
    ['boolean', 'true', ["'v' should be boolean but is string ('true')"]],
    ['string', 'x', []],
    ['array', ['a'], []],
    ['string', ['a'], [`'v' should be string but is array ('["a"]')`]],
  ] as const)('checks that a %s value is one (%p)', (type, value, expected) => {
    expect(
      messages(
        { valueType: { attribute: 'v', type } },
        span({ attributes: { v: value as never } }),
      ),
    ).toEqual(expected);
  });

  describe('span names', () => {
    it('matches a pattern', () => {
      expect(
        messages(
          { spanName: { pattern: '^(GET|POST) /' } },
          span({ name: 'handler' }),
        ),
      ).toEqual(["span name 'handler' does not match /^(GET|POST) \\//"]);
    });

    it('compares with a template of attributes, when they are all present', () => {
      const check: RuleCheck = {
        spanName: { template: '{http.request.method} {http.route}' },
      };
      const attributes = {
        'http.request.method': 'GET',
        'http.route': '/orders/:id',
      };
      expect(messages(check, span({ attributes }))).toEqual([]);
      expect(
        messages(check, span({ attributes, name: 'GET /orders/17' })),
      ).toEqual([
        "span name 'GET /orders/17' should be 'GET /orders/:id' ({http.request.method} {http.route})",
      ]);
      expect(
        messages(
          check,
          span({ attributes: { 'http.request.method': 'GET' }, name: 'GET' }),
        ),
      ).toEqual([]);
    });

    it.each([
      ['GET /orders/12345', '12345'],
      [
        'GET /carts/3fa85f64-5717-4562-b3fc-2c963f66afa6/items',
        '3fa85f64-5717-4562-b3fc-2c963f66afa6',
      ],
      ['GET /sessions/5f1d7a9e3b2c', '5f1d7a9e3b2c'],
      ['SELECT orders WHERE id=42', '42'],
    ])('finds the id in %s', (name, id) => {
      expect(messages({ spanName: { noIds: true } }, span({ name }))).toEqual([
        `span name '${name}' contains the id '${id}'`,
      ]);
    });

    it.each([
      'GET /orders/:id',
      'GET /orders/{orderId}',
      'POST /v2/checkout',
      'orders_db.insert',
      'GET /products/SKU-1002',
      'process order-events',
      'GET /feed/deadbeef',
    ])('accepts %s', name => {
      expect(messages({ spanName: { noIds: true } }, span({ name }))).toEqual(
        [],
      );
    });
  });

  describe('status', () => {
    const needsCause: RuleCheck = {
      status: {
        errorNeeds: { attributes: ['error.type'], events: ['exception'] },
      },
    };
    const error = { code: 'error' } as const;

    it('wants error spans to say why', () => {
      expect(messages(needsCause, span({ status: error }))).toEqual([
        "span has error status without 'error.type' or an event named 'exception'",
      ]);
      expect(
        messages(
          needsCause,
          span({ status: error, attributes: { 'error.type': '502' } }),
        ),
      ).toEqual([]);
      expect(
        messages(
          needsCause,
          span({
            status: error,
            events: [{ name: 'exception', timeUs: 1, attributes: {} }],
          }),
        ),
      ).toEqual([]);
      expect(messages(needsCause, span())).toEqual([]);
    });

    it('wants error status for a range of codes, also sent as text', () => {
      const check: RuleCheck = {
        status: {
          errorWhen: {
            attribute: 'http.response.status_code',
            min: 500,
            max: 599,
          },
        },
      };
      expect(
        messages(
          check,
          span({ attributes: { 'http.response.status_code': '503' } }),
        ),
      ).toEqual([
        "'http.response.status_code' is 503 but the span status is unset, not error",
      ]);
      expect(
        messages(
          check,
          span({
            attributes: { 'http.response.status_code': 503 },
            status: error,
          }),
        ),
      ).toEqual([]);
      expect(
        messages(
          check,
          span({ attributes: { 'http.response.status_code': 404 } }),
        ),
      ).toEqual([]);
    });
  });

  describe('deprecated attributes', () => {
    const check: RuleCheck = {
      deprecated: {
        attribute: 'http.method',
        replacedBy: ['http.request.method'],
      },
    };

    it('reports a migration', () => {
      const [violation] = evaluateSpan(
        span({ attributes: { 'http.method': 'GET' } }),
        [rulePack({ check })],
      );
      expect(violation).toMatchObject({
        attribute: 'http.method',
        message: "deprecated attribute 'http.method' → 'http.request.method'",
        migration: { from: 'http.method', to: ['http.request.method'] },
      });
    });

    it('says when the replacement is already sent', () => {
      expect(
        messages(
          check,
          span({
            attributes: { 'http.method': 'GET', 'http.request.method': 'GET' },
          }),
        ),
      ).toEqual([
        "deprecated attribute 'http.method' is still sent next to its replacement 'http.request.method'",
      ]);
    });

    it('looks at resource attributes too', () => {
      expect(
        messages(
          {
            deprecated: {
              attribute: 'deployment.environment',
              replacedBy: ['deployment.environment.name'],
            },
          },
          span({ resource: { 'deployment.environment': 'prod' } }),
        ),
      ).toEqual([
        "deprecated resource attribute 'deployment.environment' → 'deployment.environment.name'",
      ]);
    });

    it('explains removals and notes', () => {
      expect(
        messages(
          {
            deprecated: {
              attribute: 'db.user',
              replacedBy: [],
              note: 'Removed',
            },
          },
          span({ attributes: { 'db.user': 'app' } }),
        ),
      ).toEqual([
        "deprecated attribute 'db.user' has no replacement; stop sending it (Removed)",
      ]);
    });

    it('respects the selector of the rule', () => {
      const pack = rulePack({
        appliesTo: [{ spanKinds: ['client'] }],
        check: {
          deprecated: {
            attribute: 'net.peer.name',
            replacedBy: ['server.address'],
          },
        },
      });
      const attributes = { 'net.peer.name': 'db' };
      expect(
        evaluateSpan(span({ attributes, kind: 'client' }), [pack]),
      ).toHaveLength(1);
      expect(
        evaluateSpan(span({ attributes, kind: 'server' }), [pack]),
      ).toHaveLength(0);
    });
  });

  describe('selectors', () => {
    const required: RuleCheck = { required: [['flow_id']] };
    const selects = (selector: SpanSelector, target = span()) =>
      evaluateSpan(target, [
        rulePack({ appliesTo: [selector], check: required }),
      ]).length === 1;

    it.each<[string, SpanSelector, boolean]>([
      ['span kind', { spanKinds: ['server', 'consumer'] }, true],
      ['other span kind', { spanKinds: ['client'] }, false],
      ['attribute present', { attributePresent: ['http.route', 'x'] }, true],
      ['attribute not present', { attributePresent: ['x'] }, false],
      ['attribute absent', { attributeAbsent: ['x', 'y'] }, true],
      ['attribute not absent', { attributeAbsent: ['x', 'http.route'] }, false],
      [
        'attribute value',
        { attributeValues: { 'http.response.status_code': ['2*'] } },
        true,
      ],
      [
        'other attribute value',
        { attributeValues: { 'http.response.status_code': ['5*'] } },
        false,
      ],
      ['service glob', { service: ['sh*'] }, true],
      ['other service', { service: ['edge-*'] }, false],
      ['span name glob', { spanName: ['GET /orders/*'] }, true],
      [
        'scope',
        { instrumentationScope: ['@opentelemetry/instrumentation-*'] },
        true,
      ],
      [
        'other scope',
        { instrumentationScope: ['@opentelemetry/shim-opentracing'] },
        false,
      ],
      [
        'resource attribute',
        { resourceAttributes: { 'service.name': ['shop'] } },
        true,
      ],
      [
        'other resource attribute',
        { resourceAttributes: { 'service.name': ['edge'] } },
        false,
      ],
      [
        'all fields matching',
        { spanKinds: ['server'], service: ['shop'] },
        true,
      ],
      [
        'one field not matching',
        { spanKinds: ['server'], service: ['edge'] },
        false,
      ],
    ])('%s', (_name, selector, expected) => {
      const target = span({
        attributes: {
          'http.route': '/orders/:id',
          'http.response.status_code': 200,
          'otel.scope.name': '@opentelemetry/instrumentation-http',
        },
      });
      expect(selects(selector, target)).toBe(expected);
    });

    it('takes the legacy otel.library.name as the scope', () => {
      expect(
        selects(
          { instrumentationScope: ['io.opentracing.*'] },
          span({
            attributes: { 'otel.library.name': 'io.opentracing.contrib' },
          }),
        ),
      ).toBe(true);
    });

    it('applies a rule when any of its selectors matches', () => {
      const pack = rulePack({
        appliesTo: [{ service: ['edge'] }, { spanKinds: ['server'] }],
        check: required,
      });
      expect(evaluateSpan(span(), [pack])).toHaveLength(1);
    });

    it('narrows every rule by the pack selector', () => {
      const pack = rulePack(
        { check: required },
        { appliesTo: [{ service: ['edge-gateway'] }] },
      );
      expect(evaluateSpan(span(), [pack])).toHaveLength(0);
      expect(
        evaluateSpan(span({ serviceName: 'edge-gateway' }), [pack]),
      ).toHaveLength(1);
    });
  });

  describe('options', () => {
    const packs = [
      rulePack({ id: 'a', severity: 'info', check: { required: [['a']] } }),
      rulePack(
        { id: 'b', severity: 'error', check: { required: [['b']] } },
        { name: 'other' },
      ),
    ];
    const ruleIds = (options: Parameters<typeof evaluateSpan>[2]) =>
      evaluateSpan(span(), packs, options).map(violation => violation.ruleId);

    it('skips rules below the minimum severity', () => {
      expect(ruleIds({})).toEqual(['a', 'b']);
      expect(ruleIds({ minimumSeverity: 'warning' })).toEqual(['b']);
    });

    it('leaves out ignored rules, packs and services', () => {
      expect(ruleIds({ ignore: [{ packName: 'other' }] })).toEqual(['a']);
      expect(ruleIds({ ignore: [{ ruleId: 'a' }] })).toEqual(['b']);
      expect(ruleIds({ ignore: [{ service: 'shop', ruleId: 'b' }] })).toEqual([
        'a',
      ]);
      expect(ruleIds({ ignore: [{ service: 'edge' }] })).toEqual(['a', 'b']);
    });
  });
});
