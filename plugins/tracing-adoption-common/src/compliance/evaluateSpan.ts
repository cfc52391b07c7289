import type { Span } from '../trace/model';
import type { Finding } from './compileCheck';
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
import type { Violation } from './violation';

function toViolation(
  rule: CompiledRule,
  span: Span,
  finding: Finding,
): Violation {
  const violation: Violation = {
    packName: rule.packName,
    packVersion: rule.packVersion,
    ruleId: rule.rule.id,
    severity: rule.rule.severity,
    traceId: span.traceId,
    spanId: span.spanId,
    service: span.serviceName,
    spanName: span.name,
    message: finding.message,
    fix: rule.rule.fix,
  };
  if (finding.attribute !== undefined) {
    violation.attribute = finding.attribute;
  }
  if (rule.docUrl !== undefined) {
    violation.docUrl = rule.docUrl;
  }
  if (finding.migration !== undefined) {
    violation.migration = finding.migration;
  }
  return violation;
}

/**
 * Every rule of the packs that the span breaks, in pack order (rules that
 * share a selector are evaluated together), deprecations last. Pass packs
 * from {@link compileRulePacks} when evaluating many spans.
 *
 * @public
 */
export function evaluateSpan(
  span: Span,
  packs: CompiledRulePacks | readonly RulePack[],
  options: EvaluationOptions = {},
): Violation[] {
  const isIgnored = ignoreFilter(options);
  const violations: Violation[] = [];
  collectFindings(
    evaluationPlanOf(packs),
    span,
    minimumRankOf(options),
    (rule, _span, finding) => {
      if (!isIgnored(rule, span.serviceName)) {
        violations.push(toViolation(rule, span, finding));
      }
    },
  );
  return violations;
}
