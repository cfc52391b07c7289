import type { Trace } from '../trace/model';
import { compileRulePacks } from './compileRulePacks';
import type { ComplianceReport, ServiceCompliance } from './complianceReport';
import { evaluateSpan } from './evaluateSpan';
import { evaluateTraces } from './evaluateTraces';
import { demoShopTraces, shippedPacks } from './__testUtils__/demoShop';

const packs = shippedPacks();
const traces: Trace[] = demoShopTraces();
const allSpans = traces.flatMap(trace => trace.spans);

function service(report: ComplianceReport, name: string): ServiceCompliance {
  const found = report.services.find(entry => entry.service === name);
  if (!found) {
    throw new Error(`no service ${name} in the report`);
  }
  return found;
}

const ruleCounts = (entry: ServiceCompliance | ComplianceReport) =>
  Object.fromEntries(
    entry.rules.map(rule => [
      `${rule.packName}/${rule.ruleId}`,
      `${rule.violations} on ${rule.spans} spans`,
    ]),
  );

describe('the OpenTelemetry pack on the recorded demo shop', () => {
  const report = evaluateTraces(
    traces,
    compileRulePacks([packs.opentelemetry]),
  );
  const orders = service(report, 'orders');

  it('evaluates every span', () => {
    expect(report.tracesEvaluated).toBe(11);
    expect(report.spansEvaluated).toBe(128);
    expect(report.spansWithViolations).toBe(61);
    expect(report.violationsBySeverity).toEqual({
      error: 2,
      warning: 64,
      info: 0,
    });
    expect(report.score).toBe(75.8);
  });

  it('reports the OpenTracing tags of orders as migrations', () => {
    expect(
      orders.migrations.map(({ from, to, spans }) => ({ from, to, spans })),
    ).toEqual([
      { from: 'db.instance', to: ['db.namespace'], spans: 1 },
      { from: 'db.statement', to: ['db.query.text'], spans: 1 },
      { from: 'db.type', to: ['db.system.name'], spans: 1 },
      { from: 'http.method', to: ['http.request.method'], spans: 1 },
      { from: 'http.status_code', to: ['http.response.status_code'], spans: 1 },
      { from: 'http.url', to: ['url.full'], spans: 1 },
      {
        from: 'message_bus.destination',
        to: ['messaging.destination.name'],
        spans: 1,
      },
    ]);
    expect(orders.spansWithViolations).toBe(3);
    expect(orders.score).toBe(50);
  });

  it('tells, per span, what to migrate', () => {
    const createOrder = allSpans.find(
      span => span.serviceName === 'orders' && span.name === 'create_order',
    )!;
    expect(
      evaluateSpan(createOrder, [packs.opentelemetry]).map(
        violation => violation.migration,
      ),
    ).toEqual([
      { from: 'http.method', to: ['http.request.method'] },
      { from: 'http.url', to: ['url.full'] },
      { from: 'http.status_code', to: ['http.response.status_code'] },
    ]);
  });

  it('scores services on current conventions higher than the OpenTracing one', () => {
    for (const name of [
      'fraud-check',
      'inventory',
      'pricing',
      'promotions',
      'reviews',
    ]) {
      expect(service(report, name)).toMatchObject({
        spansWithViolations: 0,
        score: 100,
      });
    }
    const others = report.services.filter(
      entry => !['orders', 'order-events-consumer'].includes(entry.service),
    );
    expect(others).toHaveLength(10);
    for (const entry of others) {
      expect(entry.score).toBeGreaterThan(orders.score!);
    }
  });

  it('finds the messaging attributes order-events-consumer leaves out', () => {
    expect(ruleCounts(service(report, 'order-events-consumer'))).toEqual({
      'opentelemetry/messaging.required.messaging.system.name': '1 on 1 spans',
      'opentelemetry/messaging.required.messaging.operation.name':
        '1 on 1 spans',
      'opentelemetry/deprecated.peer.service.client': '1 on 1 spans',
    });
  });

  it('reports peer.service, deprecated in favour of server.service.name, on every client span', () => {
    const clientSpans = allSpans.filter(span => span.kind === 'client');
    expect(report.migrations[0]).toMatchObject({
      from: 'peer.service',
      to: ['server.service.name'],
      ruleId: 'deprecated.peer.service.client',
      spans: clientSpans.length,
      services: [
        'cart',
        'catalog-browse',
        'checkout',
        'edge-gateway',
        'order-events-consumer',
        'payments',
      ],
    });
    expect(clientSpans).toHaveLength(57);
  });

  it('finds no HTTP, resource, span-name or status problems in the instrumented services', () => {
    expect(
      report.rules
        .map(rule => rule.ruleId)
        .filter(id => !id.startsWith('deprecated.')),
    ).toEqual([
      'messaging.required.messaging.operation.name',
      'messaging.required.messaging.system.name',
    ]);
  });
});

describe('the OpenTracing pack on the recorded demo shop', () => {
  const report = evaluateTraces(traces, compileRulePacks([packs.opentracing]));

  it('only looks at the spans of the OpenTracing shim', () => {
    expect(
      report.services.filter(entry => entry.spansWithViolations > 0),
    ).toHaveLength(1);
    expect(ruleCounts(service(report, 'orders'))).toEqual({
      'opentracing/peer-service': '2 on 2 spans',
      'opentracing/component': '1 on 1 spans',
    });
    expect(service(report, 'orders').score).toBe(93.3);
  });

  it('names the spans that lack a peer', () => {
    const peerService = report.rules.find(
      rule => rule.ruleId === 'peer-service',
    )!;
    expect(peerService.examples.map(example => example.spanName)).toEqual([
      'orders_db.insert',
      'order-events.publish',
    ]);
  });
});

describe('the Shopfront organisation pack on the recorded demo shop', () => {
  const report = evaluateTraces(traces, compileRulePacks([packs.shopfront]));

  it('flags the missing flow id on every edge server span', () => {
    const edgeServerSpans = allSpans.filter(
      span => span.serviceName === 'edge-gateway' && span.kind === 'server',
    );
    expect(edgeServerSpans).toHaveLength(10);
    const flowId = report.rules.find(
      rule => rule.ruleId === 'flow-id-on-entry',
    )!;
    expect(flowId).toMatchObject({
      severity: 'error',
      violations: 10,
      spans: 10,
      services: ['edge-gateway'],
      attributes: ['app.flow_id'],
    });
    expect(flowId.examples).toHaveLength(5);
    expect(flowId.examples[0].message).toBe(
      "span lacks one of 'app.flow_id', 'flow_id'",
    );
  });

  it('flags custom attributes outside app.* and the legacy flow_id tag', () => {
    expect(ruleCounts(report)).toEqual({
      'shopfront/flow-id-on-entry': '10 on 10 spans',
      'shopfront/custom-attributes-in-app-namespace': '6 on 6 spans',
      'shopfront/flow-id-tag-renamed': '5 on 5 spans',
    });
    expect(
      report.rules.find(
        rule => rule.ruleId === 'custom-attributes-in-app-namespace',
      ),
    ).toMatchObject({
      services: ['inventory'],
      attributes: ['inventory.cache.hit'],
    });
    expect(report.migrations).toEqual([
      expect.objectContaining({
        from: 'flow_id',
        to: ['app.flow_id'],
        spans: 5,
        services: ['order-events-consumer', 'orders'],
      }),
    ]);
  });

  it('scores by the most severe rule each span breaks', () => {
    expect(service(report, 'edge-gateway')).toMatchObject({
      spansEvaluated: 20,
      violatingSpansBySeverity: { error: 10, warning: 0, info: 0 },
      score: 50,
    });
    expect(service(report, 'inventory').score).toBe(57.1);
    expect(service(report, 'orders').score).toBe(90);
  });
});

describe('all packs together on the recorded demo shop', () => {
  it('adds up the packs', () => {
    const report = evaluateTraces(
      traces,
      compileRulePacks([
        packs.opentelemetry,
        packs.opentracing,
        packs.shopfront,
      ]),
    );
    expect(report.packs).toEqual([
      { name: 'opentelemetry', version: packs.opentelemetry.version },
      { name: 'opentracing', version: '1.0.0' },
      { name: 'shopfront', version: '2.1.0' },
    ]);
    expect(report).toMatchObject({
      spansEvaluated: 128,
      spansWithViolations: 78,
      violationsBySeverity: { error: 12, warning: 70, info: 8 },
      violatingSpansBySeverity: { error: 11, warning: 66, info: 1 },
      score: 65.5,
    });
    expect(report.timeRangeUs!.end).toBeGreaterThan(report.timeRangeUs!.start);
  });
});
