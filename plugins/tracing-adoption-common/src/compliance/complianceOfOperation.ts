import {
  SummaryMerger,
  TallyAccumulator,
  ruleKey,
} from './complianceAccumulators';
import type {
  ComplianceReport,
  ComplianceTally,
  MigrationSummary,
  RuleCompliance,
  ServiceCompliance,
  TraceCompliance,
} from './complianceReport';

/**
 * Compliance of the spans in one operation's traces. Examples are the first
 * violation of each rule per trace, so they point at different requests.
 *
 * @public
 */
export interface OperationCompliance extends ComplianceTally {
  /** Distinct trace ids asked for. */
  tracesRequested: number;
  /** Of those, the traces the report holds; the rest were not evaluated. */
  tracesFound: number;
  services: ServiceCompliance[];
  rules: RuleCompliance[];
  migrations: MigrationSummary[];
}

const traceIndexes = new WeakMap<
  ComplianceReport,
  Map<string, TraceCompliance>
>();

function traceIndexOf(report: ComplianceReport): Map<string, TraceCompliance> {
  let index = traceIndexes.get(report);
  if (!index) {
    index = new Map(report.traces.map(trace => [trace.traceId, trace]));
    traceIndexes.set(report, index);
  }
  return index;
}

/**
 * Sums up a report over the traces of one operation, e.g. the sampled
 * traces whose entry span matched the operation. Reuses the report's
 * per-trace counts instead of evaluating again.
 *
 * @public
 */
export function complianceOfOperation(
  report: ComplianceReport,
  traceIds: Iterable<string>,
): OperationCompliance {
  const rulesByKey = new Map(
    report.rules.map(rule => [ruleKey(rule.packName, rule.ruleId), rule]),
  );
  const migrationsByRule = new Map(
    report.migrations.map(migration => [
      ruleKey(migration.packName, migration.ruleId),
      migration,
    ]),
  );
  const index = traceIndexOf(report);
  const requested = new Set(traceIds);
  const total = new TallyAccumulator();
  const merger = new SummaryMerger(report.maxExamplesPerRule);
  const services = new Map<
    string,
    { tally: TallyAccumulator; merger: SummaryMerger }
  >();
  let tracesFound = 0;

  for (const traceId of requested) {
    const trace = index.get(traceId);
    if (!trace) {
      continue;
    }
    tracesFound++;
    for (const entry of trace.services) {
      const service = services.get(entry.service) ?? {
        tally: new TallyAccumulator(),
        merger: new SummaryMerger(report.maxExamplesPerRule),
      };
      services.set(entry.service, service);
      total.addTally(entry);
      service.tally.addTally(entry);
      for (const count of entry.rules) {
        const key = ruleKey(count.packName, count.ruleId);
        const rule = rulesByKey.get(key);
        if (!rule) {
          continue;
        }
        const summary: RuleCompliance = {
          ...rule,
          violations: count.violations,
          spans: count.spans,
          services: [entry.service],
          attributes: count.attributes,
          examples: [count.example],
        };
        merger.addRule(summary);
        service.merger.addRule(summary);
        const migration = migrationsByRule.get(key);
        if (migration) {
          const spans = {
            ...migration,
            spans: count.spans,
            services: [entry.service],
          };
          merger.addMigration(spans);
          service.merger.addMigration(spans);
        }
      }
    }
  }

  return {
    ...total.tally(),
    tracesRequested: requested.size,
    tracesFound,
    services: [...services]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([service, { tally, merger: serviceMerger }]) => ({
        service,
        ...tally.tally(),
        rules: serviceMerger.ruleSummaries(),
        migrations: serviceMerger.migrationSummaries(),
      })),
    rules: merger.ruleSummaries(),
    migrations: merger.migrationSummaries(),
  };
}
