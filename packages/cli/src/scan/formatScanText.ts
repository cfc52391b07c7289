import type {
  ScanFinding,
  ScanFindingKind,
  ServiceDirectoryScan,
} from '@internal/plugin-tracing-adoption-common';
import type { RepositoryScan } from './repositoryScan';

/** Kinds the rollout replaces with OpenTelemetry. */
const LEGACY_KINDS: readonly ScanFindingKind[] = ['opentracing', 'zipkin'];

function location(evidence: ScanFinding['evidence']): string {
  return evidence.line === undefined
    ? evidence.path
    : `${evidence.path}:${evidence.line}`;
}

function describeVersion(finding: ScanFinding): string {
  const parts = [
    finding.version,
    finding.declared !== undefined && finding.declared !== finding.version
      ? `declared ${finding.declared}`
      : undefined,
  ].filter(part => part !== undefined);
  return parts.length > 0 ? ` ${parts.join(', ')}` : ' (no version)';
}

function describeFinding(finding: ScanFinding): string {
  const name =
    finding.library ??
    `configuration ${(finding.variables ?? []).join(', ')}`.trim();
  const qualifiers = [
    finding.kind,
    `via ${finding.how}`,
    finding.direct === false ? 'transitive' : undefined,
    finding.developmentOnly ? 'development only' : undefined,
    finding.vendor ? `vendor ${finding.vendor}` : undefined,
    finding.serviceName ? `service.name ${finding.serviceName}` : undefined,
  ].filter(part => part !== undefined);
  return `      ${name}${
    finding.library ? describeVersion(finding) : ''
  } [${qualifiers.join(', ')}] at ${location(finding.evidence)}`;
}

function describeServiceDirectory(directory: ServiceDirectoryScan): string[] {
  const { summary } = directory;
  const lines = [
    `  ${directory.path === '' ? '(repository root)' : directory.path}: ${
      summary.instrumentation
    }${summary.outdated ? ', outdated' : ''}`,
    `    languages: ${directory.languages.join(', ') || 'none found'}`,
    `    files read: ${
      directory.manifests
        .map(
          file =>
            `${file.path} (${file.role}${
              file.parsed ? '' : `, not parsed: ${file.problem ?? 'unknown'}`
            })`,
        )
        .join(', ') || 'none'
    }`,
  ];
  if (directory.findings.length === 0) {
    lines.push('    tracing: none found');
  } else {
    lines.push('    tracing:', ...directory.findings.map(describeFinding));
  }
  const legacy = directory.findings.filter(
    finding => LEGACY_KINDS.includes(finding.kind) && finding.library,
  );
  if (legacy.length > 0) {
    lines.push(
      `    legacy tracers: ${[
        ...new Set(legacy.map(finding => finding.library)),
      ].join(', ')}`,
    );
  }
  for (const use of directory.flowIdPropagation) {
    lines.push(`    flow-id header ${use.header} at ${location(use.evidence)}`);
  }
  const outdated = directory.findings.filter(finding => finding.outdated);
  for (const finding of outdated) {
    lines.push(
      `    outdated: ${finding.library} ${
        finding.version ?? finding.declared ?? ''
      } is below ${finding.outdated!.minimum}`,
    );
  }
  return lines;
}

/** A scanned repository for people: per service directory what traces it, and how. */
export function formatRepositoryScanText(scan: RepositoryScan): string {
  const lines = [`Repository ${scan.directory}`];
  for (const directory of scan.serviceDirectories) {
    lines.push(...describeServiceDirectory(directory));
  }
  for (const problem of scan.problems) {
    lines.push(`  problem: ${problem.path}: ${problem.message}`);
  }
  lines.push(`  ${scan.filesRead} files read in ${scan.durationMs} ms`);
  return lines.join('\n');
}
