import type { RuleSeverity } from './rulePack';
import type { SeverityCounts } from './complianceReport';

/**
 * How much a violating span lowers the score, by the most severe rule it
 * breaks. Errors weigh ten times an info so that advice nudges the score
 * without hiding real breakage.
 *
 * @public
 */
export const SEVERITY_WEIGHTS: Readonly<Record<RuleSeverity, number>> = {
  error: 1,
  warning: 0.5,
  info: 0.1,
};

/**
 * Compliance score of a set of spans, 0 to 100:
 *
 *   score = 100 × (1 − Σ weight(worst severity of span) / spans evaluated)
 *
 * with the weights of {@link SEVERITY_WEIGHTS}; spans without violations
 * weigh 0. A span counts once however many rules it breaks, so the score
 * reads as "share of spans that follow the conventions", discounted less for
 * warnings and advice. Rounded to one decimal; null for no spans, because
 * "100" would claim compliance nobody measured.
 *
 * @public
 */
export function complianceScore(
  violatingSpansBySeverity: SeverityCounts,
  spansEvaluated: number,
): number | null {
  if (spansEvaluated === 0) {
    return null;
  }
  const weight =
    violatingSpansBySeverity.error * SEVERITY_WEIGHTS.error +
    violatingSpansBySeverity.warning * SEVERITY_WEIGHTS.warning +
    violatingSpansBySeverity.info * SEVERITY_WEIGHTS.info;
  return Math.round(1000 * (1 - weight / spansEvaluated)) / 10;
}
