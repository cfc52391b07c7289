import type {
  ComplianceReport,
  RuleCompliance,
  RuleSeverity,
  ViolationExample,
} from '@internal/plugin-tracing-adoption-common';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const SARIF_LEVELS: Record<RuleSeverity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

/** Where the violations were found, for SARIF consumers that need a location. */
export interface SarifContext {
  /** The trace dump as a path relative to the working directory; undefined for stdin. */
  dumpUri: string | undefined;
}

const sarifRuleId = (rule: { packName: string; ruleId: string }) =>
  `${rule.packName}/${rule.ruleId}`;

function reportingDescriptor(rule: RuleCompliance) {
  return {
    id: sarifRuleId(rule),
    name: rule.ruleId,
    shortDescription: { text: rule.description },
    help: { text: rule.fix },
    ...(rule.docUrl ? { helpUri: rule.docUrl } : {}),
    defaultConfiguration: { level: SARIF_LEVELS[rule.severity] },
    properties: { pack: rule.packName, packVersion: rule.packVersion },
  };
}

function result(
  rule: RuleCompliance,
  ruleIndex: number,
  example: ViolationExample,
  context: SarifContext,
) {
  return {
    ruleId: sarifRuleId(rule),
    ruleIndex,
    level: SARIF_LEVELS[rule.severity],
    message: {
      text: `${example.service} '${example.spanName}': ${example.message}. Fix: ${rule.fix}`,
    },
    locations: [
      {
        ...(context.dumpUri
          ? { physicalLocation: { artifactLocation: { uri: context.dumpUri } } }
          : {}),
        logicalLocations: [
          {
            name: example.spanName,
            fullyQualifiedName: `${example.service}/${example.spanName}`,
            kind: 'function',
          },
        ],
      },
    ],
    // Ids change with every recording; service, rule and span name identify a finding across runs.
    partialFingerprints: {
      'tracingAdoption/v1': `${example.service}|${sarifRuleId(rule)}|${
        example.spanName
      }|${example.attribute ?? ''}`,
    },
    properties: {
      service: example.service,
      spanName: example.spanName,
      traceId: example.traceId,
      spanId: example.spanId,
      ...(example.attribute ? { attribute: example.attribute } : {}),
      severity: rule.severity,
      violations: rule.violations,
    },
  };
}

/**
 * SARIF 2.1.0 for code-scanning dashboards: one result per example
 * violation of each rule in each service (the report keeps
 * `maxExamplesPerRule` examples), rules described once in the driver.
 */
export function formatSarif(
  report: ComplianceReport,
  context: SarifContext,
): string {
  const descriptors = report.rules.map(reportingDescriptor);
  const indexOfRule = new Map(
    descriptors.map((descriptor, index) => [descriptor.id, index]),
  );
  const results = report.services.flatMap(service =>
    service.rules.flatMap(rule =>
      rule.examples.map(example =>
        result(rule, indexOfRule.get(sarifRuleId(rule))!, example, context),
      ),
    ),
  );
  return JSON.stringify(
    {
      $schema: SARIF_SCHEMA,
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'tracing-adoption',
              rules: descriptors,
            },
          },
          results,
          properties: {
            packs: report.packs,
            score: report.score,
            spansEvaluated: report.spansEvaluated,
            tracesEvaluated: report.tracesEvaluated,
          },
        },
      ],
    },
    null,
    2,
  );
}
