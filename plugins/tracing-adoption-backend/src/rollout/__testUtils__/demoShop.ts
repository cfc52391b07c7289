import { resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  ComplianceReport,
  OperationAnalysis,
  OperationMatcher,
  Trace,
  adjustTrace,
  analyzeOperation,
  evaluateTraces,
  loadRulePack,
  parseOtlpJson,
} from '@internal/plugin-tracing-adoption-common';
import fs from 'node:fs';
import path from 'node:path';

const common = (...parts: string[]) =>
  resolvePackagePath('@internal/plugin-tracing-adoption-common', ...parts);

/** The demo shop's checkout as a PM defines it. */
export const DEMO_CHECKOUT: OperationMatcher = {
  entryService: 'edge-gateway',
  httpRoute: '/api/checkout',
  httpMethod: 'POST',
};

/** The recorded demo-shop traffic, adjusted as the sampler stores it. */
export function demoShopTraces(): Trace[] {
  const { traces, problems } = parseOtlpJson(
    JSON.parse(
      fs.readFileSync(
        common('src/trace/__fixtures__/demo-shop.otlp.json'),
        'utf8',
      ),
    ),
  );
  if (problems.length > 0) {
    throw new Error(`demo-shop fixture: ${problems[0].message}`);
  }
  return traces.map(trace => adjustTrace(trace));
}

export function demoCheckoutAnalysis(traces: Trace[]): OperationAnalysis {
  return analyzeOperation({ operation: DEMO_CHECKOUT, traces });
}

/** Compliance with the shipped packs and the demo organisation's pack. */
export function demoShopCompliance(traces: Trace[]): ComplianceReport {
  const packs = [
    common('packs/opentelemetry.yaml'),
    common('packs/opentracing.yaml'),
    path.join(
      common('package.json'),
      '../../../examples/demo-org/rule-packs/shopfront.yaml',
    ),
  ].map(
    file =>
      loadRulePack({ text: fs.readFileSync(file, 'utf8'), origin: file }).pack,
  );
  return evaluateTraces(traces, packs);
}
