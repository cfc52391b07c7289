import type {
  ComplianceReport,
  RuleCompliance,
  ServiceCompliance,
} from '@internal/plugin-tracing-adoption-common';
import type { TraceDump } from '../input/loadTraceDump';

function describeScore(score: number | null): string {
  return score === null ? 'no score' : `score ${score}`;
}

function describeRule(rule: RuleCompliance): string[] {
  const lines = [
    `  [${rule.severity}] ${rule.packName}/${rule.ruleId}: ${
      rule.violations
    } violation${rule.violations === 1 ? '' : 's'} on ${rule.spans} span${
      rule.spans === 1 ? '' : 's'
    }`,
    `      ${rule.description}`,
    `      fix: ${rule.fix}`,
  ];
  const [example] = rule.examples;
  if (example) {
    lines.push(
      `      e.g. trace ${example.traceId} span ${example.spanId} '${example.spanName}': ${example.message}`,
    );
  }
  if (rule.docUrl) {
    lines.push(`      docs: ${rule.docUrl}`);
  }
  return lines;
}

function describeService(service: ServiceCompliance): string[] {
  const { error, warning, info } = service.violationsBySeverity;
  const lines = [
    `${service.service}: ${describeScore(service.score)} (${
      service.spansEvaluated
    } spans, ${
      service.spansWithViolations
    } with violations; ${error} errors, ${warning} warnings, ${info} info)`,
  ];
  for (const rule of service.rules) {
    lines.push(...describeRule(rule));
  }
  if (service.migrations.length > 0) {
    lines.push('  migrations:');
    for (const migration of service.migrations) {
      const target =
        migration.to.length > 0 ? migration.to.join(', ') : '(remove)';
      lines.push(
        `    ${migration.from} -> ${target} (${migration.spans} span${
          migration.spans === 1 ? '' : 's'
        })${migration.note ? `: ${migration.note}` : ''}`,
      );
    }
  }
  return lines;
}

/** The compliance report for people: per service its score, broken rules and migrations. */
export function formatCheckText(
  report: ComplianceReport,
  dump: TraceDump,
): string {
  const { error, warning, info } = report.violationsBySeverity;
  const packs = report.packs
    .map(pack => `${pack.name} ${pack.version}`)
    .join(', ');
  const lines = [
    `Checked ${report.tracesEvaluated} traces, ${report.spansEvaluated} spans (${dump.format}) against ${packs}`,
    `Overall ${describeScore(report.score)}: ${
      report.spansWithViolations
    } spans with violations; ${error} errors, ${warning} warnings, ${info} info`,
  ];
  for (const service of report.services) {
    lines.push('', ...describeService(service));
  }
  lines.push(
    '',
    error > 0
      ? `FAILED: ${error} violations of error severity`
      : 'PASSED: no violations of error severity',
  );
  return lines.join('\n');
}
