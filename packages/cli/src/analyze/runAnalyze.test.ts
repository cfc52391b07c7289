import Ajv from 'ajv';
import fs from 'node:fs';
import path from 'node:path';
import { fixture, runCli } from '../testUtils/runCli';
import type { AnalyzeEnvelope } from './analyzeEnvelope';

const schema = JSON.parse(
  fs.readFileSync(
    path.resolve(__dirname, '../../schema/analyze.schema.json'),
    'utf8',
  ),
);
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

function expectValid(envelope: unknown) {
  const valid = validate(envelope);
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}

describe('analyze', () => {
  it('analyses every operation observed as a trace root of the OTLP fixture', async () => {
    const run = await runCli(['analyze', fixture('demo-shop.otlp.json')]);
    expect(run.exitCode).toBe(0);
    const envelope: AnalyzeEnvelope = JSON.parse(run.stdout);
    expectValid(envelope);
    expect(envelope.schemaVersion).toBe(1);
    expect(envelope.input).toEqual({
      format: 'otlp-json',
      traces: 11,
      spans: 128,
      problems: [],
    });
    expect(
      envelope.operations.map(
        ({ operation }) => `${operation.entryService}|${operation.spanName}`,
      ),
    ).toEqual([
      'edge-gateway|GET /api/products',
      'edge-gateway|GET /api/products/:id',
      'edge-gateway|POST /api/cart/items',
      'edge-gateway|POST /api/checkout',
      'order-events-consumer|POST /events',
    ]);
  });

  it('finds the uninstrumented currency hop of checkout', async () => {
    const run = await runCli([
      'analyze',
      fixture('demo-shop.otlp.json'),
      '--operation',
      'edge-gateway|POST /api/checkout',
    ]);
    const envelope: AnalyzeEnvelope = JSON.parse(run.stdout);
    expectValid(envelope);
    expect(envelope.operations).toHaveLength(1);
    const [checkout] = envelope.operations;
    expect(checkout.sample.matchingTraces).toBe(2);
    expect(checkout.uninstrumentedHops).toEqual([
      expect.objectContaining({
        callerService: 'checkout',
        calleeName: 'currency',
        calleeKind: 'service',
        totalCalls: 2,
      }),
    ]);
    expect(checkout.endToEnd.blockingServices).toContainEqual(
      expect.objectContaining({
        service: 'currency',
        reasons: expect.arrayContaining(['uninstrumented-callee']),
      }),
    );
  });

  it('gives the same operations for every input format', async () => {
    const operationsOf = async (file: string) => {
      const run = await runCli(['analyze', fixture(file)]);
      const envelope: AnalyzeEnvelope = JSON.parse(run.stdout);
      expectValid(envelope);
      return envelope.operations.map(({ operation, sample }) => [
        operation.spanName,
        sample.matchingTraces,
      ]);
    };
    const expected = await operationsOf('demo-shop.otlp.json');
    for (const file of [
      'demo-shop.otlp.pb',
      'demo-shop.zipkin.json',
      'demo-shop.jaeger.json',
    ]) {
      expect(await operationsOf(file)).toEqual(expected);
    }
  });

  it('analyses an operation named by service only', async () => {
    const run = await runCli(
      ['analyze', '--operation', 'order-events-consumer'],
      fs.readFileSync(fixture('demo-shop.otlp.json')),
    );
    const envelope: AnalyzeEnvelope = JSON.parse(run.stdout);
    expect(envelope.operations[0].operation).toEqual({
      entryService: 'order-events-consumer',
    });
    expect(envelope.operations[0].sample.matchingTraces).toBe(1);
  });

  it('exits 2 for an operation without a service', async () => {
    const run = await runCli([
      'analyze',
      fixture('demo-shop.otlp.json'),
      '--operation',
      '|GET',
    ]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain("--operation '|GET' names no service");
  });
});
