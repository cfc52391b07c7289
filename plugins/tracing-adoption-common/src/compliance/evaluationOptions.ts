import type { CompiledRule } from './compileRulePacks';
import { SEVERITY_RANK } from './compileRulePacks';
import type { RuleSeverity } from './rulePack';

/**
 * Violations to leave out. Omitted fields match anything, so
 * `{ service: 'orders' }` ignores every rule for `orders` and
 * `{ packName: 'opentelemetry', ruleId: 'span-name.no-ids' }` one rule everywhere.
 *
 * @public
 */
export interface IgnoredViolations {
  service?: string;
  packName?: string;
  ruleId?: string;
}

/** @public */
export interface EvaluationOptions {
  /** Skip rules below this severity. */
  minimumSeverity?: RuleSeverity;
  /** Violations not to report, e.g. from waivers. */
  ignore?: IgnoredViolations[];
}

/** Rules ranked below this are not evaluated. */
export function minimumRankOf(options: EvaluationOptions): number {
  return SEVERITY_RANK[options.minimumSeverity ?? 'info'];
}

/** Whether a violation of the rule by the service is to be left out. */
export type IgnoreFilter = (rule: CompiledRule, service: string) => boolean;

export function ignoreFilter(options: EvaluationOptions): IgnoreFilter {
  const ignore = options.ignore ?? [];
  return (rule, service) =>
    ignore.some(
      entry =>
        (entry.service === undefined || entry.service === service) &&
        (entry.packName === undefined || entry.packName === rule.packName) &&
        (entry.ruleId === undefined || entry.ruleId === rule.rule.id),
    );
}
