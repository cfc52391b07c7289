import type {
  ScanFinding,
  ScanFindingKind,
  ScanInstrumentation,
  ServiceDirectoryScan,
} from '../types';

/** From strongest to weakest; see `ScanInstrumentation`. */
const STRENGTH: ScanInstrumentation[] = [
  'org-tracer',
  'opentelemetry',
  'zipkin',
  'opentracing',
  'vendor-apm',
  'none',
];

const INSTRUMENTATION_OF_KIND: Record<ScanFindingKind, ScanInstrumentation> = {
  'org-tracer': 'org-tracer',
  'otel-sdk': 'opentelemetry',
  'otel-auto': 'opentelemetry',
  zipkin: 'zipkin',
  opentracing: 'opentracing',
  'vendor-apm': 'vendor-apm',
};

/** Whether a finding shows instrumentation that runs: a library, not just configuration, and not for tests only. */
function countsForSummary(finding: ScanFinding): boolean {
  return finding.library !== null && !finding.developmentOnly;
}

/**
 * Where an agent, launcher, preload or profiler drives OpenTelemetry, every
 * OpenTelemetry finding of the directory is part of that zero-code setup.
 */
export function applyAutoInstrumentation(
  findings: ScanFinding[],
): ScanFinding[] {
  const driven = findings.some(
    finding => finding.kind === 'otel-auto' && countsForSummary(finding),
  );
  return driven
    ? findings.map(finding =>
        finding.kind === 'otel-sdk'
          ? { ...finding, kind: 'otel-auto' }
          : finding,
      )
    : findings;
}

export function summarize(
  findings: ScanFinding[],
): ServiceDirectoryScan['summary'] {
  let strongest = STRENGTH.length - 1;
  for (const finding of findings) {
    if (countsForSummary(finding)) {
      strongest = Math.min(
        strongest,
        STRENGTH.indexOf(INSTRUMENTATION_OF_KIND[finding.kind]),
      );
    }
  }
  return {
    instrumentation: STRENGTH[strongest],
    outdated: findings.some(
      finding => finding.outdated && !finding.developmentOnly,
    ),
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Findings in file order: by evidence path, line, then library. */
export function compareFindings(a: ScanFinding, b: ScanFinding): number {
  return (
    compareText(a.evidence.path, b.evidence.path) ||
    (a.evidence.line ?? 0) - (b.evidence.line ?? 0) ||
    compareText(a.library ?? '', b.library ?? '')
  );
}

/** Drops findings reported twice from the same place (a requirements file read on its own and through `-r`). */
export function withoutDuplicates(findings: ScanFinding[]): ScanFinding[] {
  const seen = new Set<string>();
  return findings.filter(finding => {
    const key = [
      finding.how,
      finding.library,
      finding.evidence.path,
      finding.evidence.line,
    ].join('\n');
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}
