import type { RuleSeverity } from './rulePack';
import type { AttributeMigration } from './violation';

/** @public */
export type SeverityCounts = Record<RuleSeverity, number>;

/**
 * Counts over a set of spans (a service, team, operation or everything).
 *
 * @public
 */
export interface ComplianceTally {
  spansEvaluated: number;
  spansWithViolations: number;
  /** Violating spans, each counted once under the most severe rule it breaks. */
  violatingSpansBySeverity: SeverityCounts;
  violationsBySeverity: SeverityCounts;
  /** See {@link complianceScore}; null when no spans were evaluated. */
  score: number | null;
}

/** Where a violation was seen, to open the trace. @public */
export interface ViolationExample {
  traceId: string;
  spanId: string;
  service: string;
  spanName: string;
  attribute?: string;
  message: string;
}

/** How often one rule was broken. @public */
export interface RuleCompliance {
  packName: string;
  packVersion: string;
  ruleId: string;
  severity: RuleSeverity;
  description: string;
  fix: string;
  docUrl?: string;
  violations: number;
  /** Distinct spans breaking the rule. */
  spans: number;
  services: string[];
  /** Attributes the violations named, sorted. */
  attributes: string[];
  /** The first violations seen, at most the report's `maxExamplesPerRule`. */
  examples: ViolationExample[];
}

/** A deprecated attribute still in use, and what replaces it. @public */
export interface MigrationSummary extends AttributeMigration {
  packName: string;
  ruleId: string;
  severity: RuleSeverity;
  /** Spans sending the deprecated attribute. */
  spans: number;
  services: string[];
}

/** @public */
export interface ServiceCompliance extends ComplianceTally {
  service: string;
  rules: RuleCompliance[];
  migrations: MigrationSummary[];
}

/** One rule's violations within one trace and service. @public */
export interface TraceRuleCount {
  packName: string;
  ruleId: string;
  violations: number;
  spans: number;
  attributes: string[];
  /** The first violation of the rule in the trace. */
  example: ViolationExample;
}

/** @public */
export interface TraceServiceCompliance extends Omit<ComplianceTally, 'score'> {
  service: string;
  rules: TraceRuleCount[];
}

/**
 * Per-trace counts, kept so that operations (sets of trace ids) can be
 * summarised later without evaluating again.
 *
 * @public
 */
export interface TraceCompliance {
  traceId: string;
  services: TraceServiceCompliance[];
}

/** @public */
export interface ComplianceReport extends ComplianceTally {
  packs: Array<{ name: string; version: string }>;
  tracesEvaluated: number;
  /** Earliest span start and latest span end (µs): the window the numbers cover. */
  timeRangeUs?: { start: number; end: number };
  maxExamplesPerRule: number;
  /** Violations left out by `ignore` options. */
  ignoredViolations: number;
  /** Sorted by service name. */
  services: ServiceCompliance[];
  /** Most severe first, then most spans. */
  rules: RuleCompliance[];
  /** Most spans first. */
  migrations: MigrationSummary[];
  traces: TraceCompliance[];
}
