import fc from 'fast-check';
import type {
  AttributeValue,
  Attributes,
  Span,
  SpanKind,
  Trace,
} from '../trace/model';
import { compileRulePacks } from './compileRulePacks';
import type { ComplianceTally } from './complianceReport';
import { evaluateSpan } from './evaluateSpan';
import { evaluateTraces } from './evaluateTraces';
import type { RuleCheck, RulePack, SpanSelector } from './rulePack';
import { shippedPacks } from './__testUtils__/demoShop';

/** Keys the shipped packs look at, mixed with arbitrary ones. */
const KNOWN_KEYS = [
  'http.request.method',
  'http.method',
  'http.route',
  'http.response.status_code',
  'http.status_code',
  'url.full',
  'url.path',
  'server.address',
  'peer.service',
  'db.system.name',
  'db.statement',
  'messaging.system.name',
  'span.kind',
  'component',
  'error',
  'error.type',
  'flow_id',
  'app.flow_id',
  'app.tier',
  'user.email',
  'otel.scope.name',
  'deployment.environment',
  'service.name',
];

const key = fc.oneof(fc.constantFrom(...KNOWN_KEYS), fc.string());
const scalar = fc.oneof(
  fc.string(),
  fc.constantFrom('GET', 'POST', 'server', 'client', '503', '', 'flow-1'),
  fc.integer({ min: -1000, max: 1000 }),
  fc.double(),
  fc.boolean(),
);
const value: fc.Arbitrary<AttributeValue> = fc.oneof(
  scalar,
  fc.array(fc.oneof(fc.string(), fc.integer(), fc.boolean()), { maxLength: 3 }),
);
const attributes: fc.Arbitrary<Attributes> = fc.dictionary(key, value, {
  maxKeys: 8,
});
const kind = fc.constantFrom<SpanKind>(
  'server',
  'client',
  'producer',
  'consumer',
  'internal',
  'unspecified',
);

const span: fc.Arbitrary<Span> = fc.record({
  traceId: fc.constantFrom('a'.repeat(32), 'b'.repeat(32)),
  spanId: fc.string({ minLength: 1, maxLength: 16 }),
  references: fc.constant([]),
  name: fc.oneof(
    fc.string(),
    fc.constantFrom('GET /orders/123', 'POST /api/checkout', 'GET'),
  ),
  kind,
  serviceName: fc.constantFrom('edge-gateway', 'orders', 'payments', ''),
  startTimeUs: fc.integer({ min: 0, max: 2 ** 52 }),
  durationUs: fc.integer({ min: 0, max: 10 ** 9 }),
  attributes,
  resource: attributes,
  events: fc.array(
    fc.record({
      timeUs: fc.integer({ min: 0 }),
      name: fc.oneof(fc.constant('exception'), fc.string()),
      attributes: fc.constant({}),
    }),
    { maxLength: 2 },
  ),
  status: fc.record({
    code: fc.constantFrom('unset' as const, 'ok' as const, 'error' as const),
  }),
});

const traces: fc.Arbitrary<Trace[]> = fc.array(
  fc.record({
    traceId: fc.string({ minLength: 1, maxLength: 4 }),
    spans: fc.array(span, { maxLength: 6 }),
  }),
  { maxLength: 5 },
);

/** Random rules of every check type, on the keys spans carry. */
const check: fc.Arbitrary<RuleCheck> = fc.oneof(
  fc.record({
    required: fc.array(fc.array(key, { minLength: 1, maxLength: 2 }), {
      minLength: 1,
      maxLength: 2,
    }),
  }),
  fc.record({
    resourceRequired: fc.array(fc.array(key, { minLength: 1, maxLength: 2 }), {
      minLength: 1,
      maxLength: 2,
    }),
  }),
  fc.record({
    forbidden: fc.array(fc.oneof(key, fc.constant('*.email')), {
      minLength: 1,
      maxLength: 2,
    }),
  }),
  fc.record({
    pattern: fc.record({
      attribute: key,
      regex: fc.constantFrom('^a', '\\d+', '^(GET|POST)$'),
    }),
  }),
  fc.record({
    keyPattern: fc.record({
      regex: fc.constant('^app\\.'),
      except: fc.array(fc.constantFrom('http.*', 'otel.*'), { maxLength: 2 }),
    }),
  }),
  fc.record({
    allowedValues: fc.record({
      attribute: key,
      values: fc.array(fc.string(), { minLength: 1, maxLength: 3 }),
      ignoreCase: fc.boolean(),
    }),
  }),
  fc.record({
    valueType: fc.record({
      attribute: key,
      type: fc.constantFrom(
        'string' as const,
        'int' as const,
        'double' as const,
        'boolean' as const,
        'array' as const,
      ),
    }),
  }),
  fc.constant<RuleCheck>({ spanName: { noIds: true as const } }),
  fc.constant<RuleCheck>({
    spanName: { template: '{http.request.method} {http.route}' },
  }),
  fc.constant<RuleCheck>({
    status: {
      errorNeeds: { attributes: ['error.type'], events: ['exception'] },
    },
  }),
  fc.constant<RuleCheck>({
    status: {
      errorWhen: { attribute: 'http.response.status_code', min: 500, max: 599 },
    },
  }),
  fc.record({
    deprecated: fc.record({
      attribute: key,
      replacedBy: fc.array(key, { maxLength: 2 }),
    }),
  }),
);

const selector: fc.Arbitrary<SpanSelector> = fc.record(
  {
    spanKinds: fc.array(kind, { minLength: 1, maxLength: 2 }),
    attributePresent: fc.array(key, { minLength: 1, maxLength: 2 }),
    attributeAbsent: fc.array(key, { minLength: 1, maxLength: 2 }),
    service: fc.array(fc.constantFrom('edge-*', 'orders', '*'), {
      minLength: 1,
    }),
  },
  { requiredKeys: [] },
);

const randomPack: fc.Arbitrary<RulePack> = fc
  .array(
    fc.record({
      check,
      appliesTo: fc.array(selector, { maxLength: 2 }),
      severity: fc.constantFrom(
        'error' as const,
        'warning' as const,
        'info' as const,
      ),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map(rules => ({
    name: 'random',
    version: '0.0.0',
    description: 'random rules',
    appliesTo: [],
    rules: rules.map((rule, index) => ({
      id: `rule-${index}`,
      description: 'random rule',
      fix: 'fix',
      ...rule,
    })),
  }));

const shipped = compileRulePacks(Object.values(shippedPacks()));

function expectTallyConsistent(tally: ComplianceTally) {
  const { error, warning, info } = tally.violatingSpansBySeverity;
  expect(error + warning + info).toBe(tally.spansWithViolations);
  expect(tally.spansWithViolations).toBeLessThanOrEqual(tally.spansEvaluated);
  if (tally.spansEvaluated === 0) {
    expect(tally.score).toBeNull();
  } else {
    expect(tally.score).toBeGreaterThanOrEqual(0);
    expect(tally.score).toBeLessThanOrEqual(100);
  }
}

describe('evaluation properties', () => {
  it('never throws on arbitrary spans, and reports only the span it was given', () => {
    fc.assert(
      fc.property(span, target => {
        for (const violation of evaluateSpan(target, shipped)) {
          expect(violation.spanId).toBe(target.spanId);
          expect(violation.service).toBe(target.serviceName);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('keeps every score within 0..100 and the counts consistent', () => {
    fc.assert(
      fc.property(traces, randomPack, (generated, pack) => {
        const compiled = compileRulePacks([...shipped.packs, pack]);
        const report = evaluateTraces(generated, compiled);
        expectTallyConsistent(report);
        report.services.forEach(expectTallyConsistent);
        const spans = generated.flatMap(trace => trace.spans);
        expect(report.spansEvaluated).toBe(spans.length);
        const violations = spans.flatMap(target =>
          evaluateSpan(target, compiled),
        );
        const { error, warning, info } = report.violationsBySeverity;
        expect(error + warning + info).toBe(violations.length);
        expect(
          report.rules.reduce((sum, rule) => sum + rule.violations, 0),
        ).toBe(violations.length);
      }),
      { numRuns: 300 },
    );
  });
});
