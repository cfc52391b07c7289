/**
 * Semantic-convention compliance: rule packs (OpenTelemetry, OpenTracing
 * legacy, organisation) loaded from YAML, evaluated against spans, and
 * summed up per service, team and operation.
 */
export type {
  AttributeAlternatives,
  AttributeValueType,
  ComplianceRule,
  DeprecatedAttributeCheck,
  ErrorNeedsCauseCheck,
  ErrorWhenCheck,
  RuleCheck,
  RuleCheckType,
  RulePack,
  RuleSeverity,
  SpanNameCheck,
  SpanNameNoIdsCheck,
  SpanNamePatternCheck,
  SpanNameTemplateCheck,
  SpanSelector,
  StatusCheck,
} from './rulePack';
export { RULE_CHECK_TYPES } from './rulePack';
export { RulePackError } from './RulePackError';
export { loadRulePack } from './loadRulePack';
export type { RulePackSource } from './loadRulePack';
export { compileRulePacks } from './compileRulePacks';
export type { CompiledRulePacks } from './compileRulePacks';
export { evaluateSpan } from './evaluateSpan';
export type { EvaluationOptions, IgnoredViolations } from './evaluationOptions';
export type { AttributeMigration, Violation } from './violation';
export { evaluateTraces } from './evaluateTraces';
export type { ComplianceReportOptions } from './evaluateTraces';
export type {
  ComplianceReport,
  ComplianceTally,
  MigrationSummary,
  RuleCompliance,
  ServiceCompliance,
  SeverityCounts,
  TraceCompliance,
  TraceRuleCount,
  TraceServiceCompliance,
  ViolationExample,
} from './complianceReport';
export { SEVERITY_WEIGHTS, complianceScore } from './complianceScore';
export { complianceByTeam } from './complianceByTeam';
export type { ComplianceByTeam, TeamCompliance } from './complianceByTeam';
export { complianceOfOperation } from './complianceOfOperation';
export type { OperationCompliance } from './complianceOfOperation';
