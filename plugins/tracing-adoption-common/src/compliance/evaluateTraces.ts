import type { Span, Trace } from '../trace/model';
import type { Finding } from './compileCheck';
import {
  MigrationAccumulator,
  RuleAccumulator,
  RuleDescription,
  TallyAccumulator,
  exampleOf,
  sortMigrations,
  sortRules,
} from './complianceAccumulators';
import type {
  ComplianceReport,
  ServiceCompliance,
  TraceCompliance,
  TraceRuleCount,
} from './complianceReport';
import {
  CompiledRule,
  CompiledRulePacks,
  evaluationPlanOf,
} from './compileRulePacks';
import { collectFindings } from './collectFindings';
import {
  EvaluationOptions,
  ignoreFilter,
  minimumRankOf,
} from './evaluationOptions';
import type { RulePack } from './rulePack';

/** @public */
export interface ComplianceReportOptions extends EvaluationOptions {
  /** Example violations kept per rule and service; 5 unless set. */
  maxExamplesPerRule?: number;
}

const DEFAULT_MAX_EXAMPLES = 5;

interface ServiceAccumulator {
  tally: TallyAccumulator;
  rules: Map<CompiledRule, RuleAccumulator>;
  migrations: Map<CompiledRule, MigrationAccumulator>;
}

/** A rule within one trace and service: counts and the first finding. */
interface TraceRuleAccumulator {
  violations: number;
  spans: number;
  attributes: string[];
  lastSpan: Span;
  firstSpan: Span;
  firstFinding: Finding;
}

interface TraceServiceAccumulator {
  tally: TallyAccumulator;
  rules: Map<CompiledRule, TraceRuleAccumulator>;
}

function describeCompiledRule(rule: CompiledRule): RuleDescription {
  return {
    packName: rule.packName,
    packVersion: rule.packVersion,
    ruleId: rule.rule.id,
    severity: rule.rule.severity,
    description: rule.rule.description,
    fix: rule.rule.fix,
    ...(rule.docUrl === undefined ? {} : { docUrl: rule.docUrl }),
  };
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function traceRuleCounts(
  rules: Map<CompiledRule, TraceRuleAccumulator>,
): TraceRuleCount[] {
  return [...rules].map(([rule, counts]) => ({
    packName: rule.packName,
    ruleId: rule.rule.id,
    violations: counts.violations,
    spans: counts.spans,
    attributes: [...counts.attributes].sort(compareText),
    example: exampleOf(counts.firstSpan, counts.firstFinding),
  }));
}

/**
 * Evaluates every span of the traces and sums the violations up per
 * service, per rule and per trace, with a score per service and overall
 * (see {@link complianceScore}) and the attribute migrations still to do.
 *
 * @public
 */
export function evaluateTraces(
  traces: readonly Trace[],
  packs: CompiledRulePacks | readonly RulePack[],
  options: ComplianceReportOptions = {},
): ComplianceReport {
  const plan = evaluationPlanOf(packs);
  const minimumRank = minimumRankOf(options);
  const isIgnored = ignoreFilter(options);
  const mayIgnore = (options.ignore ?? []).length > 0;
  const maxExamples = options.maxExamplesPerRule ?? DEFAULT_MAX_EXAMPLES;
  const packList = 'packs' in packs ? packs.packs : packs;

  const total = new TallyAccumulator();
  const services = new Map<string, ServiceAccumulator>();
  const rules = new Map<CompiledRule, RuleAccumulator>();
  const migrations = new Map<CompiledRule, MigrationAccumulator>();
  const descriptions = new Map<CompiledRule, RuleDescription>();
  const traceResults: TraceCompliance[] = [];
  let ignoredViolations = 0;
  let start = Infinity;
  let end = -Infinity;

  const describe = (rule: CompiledRule) => {
    let description = descriptions.get(rule);
    if (!description) {
      description = describeCompiledRule(rule);
      descriptions.set(rule, description);
    }
    return description;
  };
  const addToRule = (
    accumulators: Map<CompiledRule, RuleAccumulator>,
    rule: CompiledRule,
    span: Span,
    finding: Finding,
  ) => {
    let accumulator = accumulators.get(rule);
    if (!accumulator) {
      accumulator = new RuleAccumulator(describe(rule), maxExamples);
      accumulators.set(rule, accumulator);
    }
    accumulator.addFinding(span, finding);
  };
  const addToMigration = (
    accumulators: Map<CompiledRule, MigrationAccumulator>,
    rule: CompiledRule,
    span: Span,
    finding: Finding,
  ) => {
    let accumulator = accumulators.get(rule);
    if (!accumulator && finding.migration) {
      accumulator = new MigrationAccumulator(describe(rule), finding.migration);
      accumulators.set(rule, accumulator);
    }
    accumulator?.addSpan(span);
  };

  // What the sink needs about the span being evaluated. One sink for all
  // spans keeps the loop free of per-span closures and objects.
  let service: ServiceAccumulator;
  let traceService: TraceServiceAccumulator;
  let worstRank = -1;
  const violationsByRank = [0, 0, 0];

  const sink = (rule: CompiledRule, span: Span, finding: Finding) => {
    if (mayIgnore && isIgnored(rule, span.serviceName)) {
      ignoredViolations++;
      return;
    }
    violationsByRank[rule.severityRank]++;
    if (rule.severityRank > worstRank) {
      worstRank = rule.severityRank;
    }
    addToRule(rules, rule, span, finding);
    addToRule(service.rules, rule, span, finding);
    const traceRule = traceService.rules.get(rule);
    if (traceRule === undefined) {
      traceService.rules.set(rule, {
        violations: 1,
        spans: 1,
        attributes: finding.attribute === undefined ? [] : [finding.attribute],
        lastSpan: span,
        firstSpan: span,
        firstFinding: finding,
      });
    } else {
      traceRule.violations++;
      if (traceRule.lastSpan !== span) {
        traceRule.lastSpan = span;
        traceRule.spans++;
      }
      if (
        finding.attribute !== undefined &&
        !traceRule.attributes.includes(finding.attribute)
      ) {
        traceRule.attributes.push(finding.attribute);
      }
    }
    if (finding.migration) {
      addToMigration(migrations, rule, span, finding);
      addToMigration(service.migrations, rule, span, finding);
    }
  };

  for (const trace of traces) {
    const traceServices = new Map<string, TraceServiceAccumulator>();
    for (const span of trace.spans) {
      const serviceName = span.serviceName;
      let serviceAccumulator = services.get(serviceName);
      if (!serviceAccumulator) {
        serviceAccumulator = {
          tally: new TallyAccumulator(),
          rules: new Map(),
          migrations: new Map(),
        };
        services.set(serviceName, serviceAccumulator);
      }
      let traceServiceAccumulator = traceServices.get(serviceName);
      if (!traceServiceAccumulator) {
        traceServiceAccumulator = {
          tally: new TallyAccumulator(),
          rules: new Map(),
        };
        traceServices.set(serviceName, traceServiceAccumulator);
      }
      service = serviceAccumulator;
      traceService = traceServiceAccumulator;
      worstRank = -1;
      violationsByRank[0] = 0;
      violationsByRank[1] = 0;
      violationsByRank[2] = 0;

      collectFindings(plan, span, minimumRank, sink);

      const [infos, warnings, errors] = violationsByRank;
      total.addSpan(worstRank, errors, warnings, infos);
      service.tally.addSpan(worstRank, errors, warnings, infos);
      traceService.tally.addSpan(worstRank, errors, warnings, infos);
      if (span.startTimeUs < start) {
        start = span.startTimeUs;
      }
      if (span.startTimeUs + span.durationUs > end) {
        end = span.startTimeUs + span.durationUs;
      }
    }
    traceResults.push({
      traceId: trace.traceId,
      services: [...traceServices]
        .sort(([a], [b]) => compareText(a, b))
        .map(([name, accumulator]) => ({
          service: name,
          ...accumulator.tally.counts(),
          rules: traceRuleCounts(accumulator.rules),
        })),
    });
  }

  const serviceResults: ServiceCompliance[] = [...services]
    .sort(([a], [b]) => compareText(a, b))
    .map(([name, accumulator]) => ({
      service: name,
      ...accumulator.tally.tally(),
      rules: sortRules(
        [...accumulator.rules.values()].map(rule => rule.summary()),
      ),
      migrations: sortMigrations(
        [...accumulator.migrations.values()].map(migration =>
          migration.summary(),
        ),
      ),
    }));

  return {
    packs: packList.map(pack => ({ name: pack.name, version: pack.version })),
    ...total.tally(),
    tracesEvaluated: traces.length,
    ...(Number.isFinite(start) && Number.isFinite(end)
      ? { timeRangeUs: { start, end } }
      : {}),
    maxExamplesPerRule: maxExamples,
    ignoredViolations,
    services: serviceResults,
    rules: sortRules([...rules.values()].map(rule => rule.summary())),
    migrations: sortMigrations(
      [...migrations.values()].map(migration => migration.summary()),
    ),
    traces: traceResults,
  };
}
