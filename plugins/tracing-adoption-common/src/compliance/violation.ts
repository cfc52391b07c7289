import type { RuleSeverity } from './rulePack';

/**
 * A deprecated attribute to replace: `from → to`. `to` has several names when
 * the convention split the attribute (`http.target` → `url.path`, `url.query`)
 * or lets the usage decide (see `note`); it is empty when nothing replaces it.
 *
 * @public
 */
export interface AttributeMigration {
  from: string;
  to: string[];
  note?: string;
}

/** One rule broken by one span. @public */
export interface Violation {
  packName: string;
  packVersion: string;
  ruleId: string;
  severity: RuleSeverity;
  traceId: string;
  spanId: string;
  service: string;
  spanName: string;
  /** The attribute at fault, when the rule is about one. */
  attribute?: string;
  message: string;
  fix: string;
  docUrl?: string;
  /** Set by deprecated-attribute rules. */
  migration?: AttributeMigration;
}
