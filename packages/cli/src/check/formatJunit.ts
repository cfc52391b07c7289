import type {
  ComplianceReport,
  RuleCompliance,
  ServiceCompliance,
} from '@internal/plugin-tracing-adoption-common';
import { escapeXml } from './xml';

/** Name of the passing test case of a service that breaks no rule, so its suite is not empty. */
const COMPLIANT_CASE = 'semantic conventions';

function failureText(rule: RuleCompliance): string {
  const examples = rule.examples.map(
    example =>
      `trace ${example.traceId} span ${example.spanId} '${example.spanName}': ${example.message}`,
  );
  return [
    rule.description,
    `fix: ${rule.fix}`,
    ...(rule.docUrl ? [`docs: ${rule.docUrl}`] : []),
    ...examples,
  ].join('\n');
}

function testCase(service: string, rule: RuleCompliance): string {
  const message = `${rule.violations} violations on ${rule.spans} spans (${rule.severity})`;
  return [
    `    <testcase classname="${escapeXml(service)}" name="${escapeXml(
      `${rule.packName}/${rule.ruleId}`,
    )}">`,
    `      <failure type="${rule.severity}" message="${escapeXml(
      message,
    )}">${escapeXml(failureText(rule))}</failure>`,
    '    </testcase>',
  ].join('\n');
}

function testSuite(service: ServiceCompliance): string {
  const cases =
    service.rules.length > 0
      ? service.rules.map(rule => testCase(service.service, rule))
      : [
          `    <testcase classname="${escapeXml(
            service.service,
          )}" name="${COMPLIANT_CASE}"/>`,
        ];
  return [
    `  <testsuite name="${escapeXml(service.service)}" tests="${
      cases.length
    }" failures="${service.rules.length}" errors="0" skipped="0">`,
    `    <properties><property name="score" value="${
      service.score ?? ''
    }"/><property name="spans" value="${
      service.spansEvaluated
    }"/></properties>`,
    ...cases,
    '  </testsuite>',
  ].join('\n');
}

/**
 * JUnit XML for CI test reporters: one test suite per service, one failed
 * test case per rule the service breaks.
 */
export function formatJunit(report: ComplianceReport): string {
  const suites = report.services.map(testSuite);
  const tests = report.services.reduce(
    (sum, service) => sum + Math.max(service.rules.length, 1),
    0,
  );
  const failures = report.services.reduce(
    (sum, service) => sum + service.rules.length,
    0,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="tracing-adoption check" tests="${tests}" failures="${failures}" errors="0">`,
    ...suites,
    '</testsuites>',
  ].join('\n');
}
