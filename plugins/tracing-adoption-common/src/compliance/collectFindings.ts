import type { Attributes, Span } from '../trace/model';
import type { Finding } from './compileCheck';
import type {
  CompiledRule,
  DeprecationRule,
  EvaluationPlan,
} from './compileRulePacks';

/**
 * Receives each finding with its rule. Findings are passed on as the checks
 * produce them, so callers that only count do not build violation objects.
 */
export type FindingSink = (
  rule: CompiledRule,
  span: Span,
  finding: Finding,
) => void;

function collectDeprecations(
  rulesByAttribute: Map<string, DeprecationRule[]>,
  span: Span,
  attributes: Attributes,
  onResource: boolean,
  minimumRank: number,
  sink: FindingSink,
) {
  for (const key in attributes) {
    const rules = rulesByAttribute.get(key);
    if (rules === undefined) {
      continue;
    }
    for (const rule of rules) {
      if (
        rule.severityRank >= minimumRank &&
        (rule.appliesTo === undefined || rule.appliesTo(span))
      ) {
        sink(rule, span, rule.findDeprecation(attributes, onResource));
      }
    }
  }
}

/**
 * The evaluation loop: every pack that selects the span, every group of
 * rules whose selector matches, and one index lookup per attribute key for
 * deprecations.
 */
export function collectFindings(
  plan: EvaluationPlan,
  span: Span,
  minimumRank: number,
  sink: FindingSink,
) {
  const findings: Finding[] = [];
  for (const pack of plan.packs) {
    if (pack.appliesTo !== undefined && !pack.appliesTo(span)) {
      continue;
    }
    for (const group of pack.ruleGroups) {
      if (group.appliesTo !== undefined && !group.appliesTo(span)) {
        continue;
      }
      for (const rule of group.rules) {
        if (rule.severityRank < minimumRank) {
          continue;
        }
        rule.check(span, findings);
        if (findings.length > 0) {
          for (const finding of findings) {
            sink(rule, span, finding);
          }
          findings.length = 0;
        }
      }
    }
    if (pack.deprecationsByAttribute.size > 0) {
      const deprecations = pack.deprecationsByAttribute;
      collectDeprecations(
        deprecations,
        span,
        span.attributes,
        false,
        minimumRank,
        sink,
      );
      collectDeprecations(
        deprecations,
        span,
        span.resource,
        true,
        minimumRank,
        sink,
      );
    }
  }
}
