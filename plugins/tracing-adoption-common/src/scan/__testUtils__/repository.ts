import { DEFAULT_DETECTION_SETTINGS } from '../defaultSettings';
import { scanRepositoryFiles } from '../scanRepositoryFiles';
import type { DetectionSettings } from '../settings';
import type {
  RepositoryScanResult,
  ScanFinding,
  ServiceDirectoryScan,
} from '../types';

/** Removes the indentation common to all lines, so test files can be written inline. */
export function dedent(text: string): string {
  const lines = text
    .replace(/^\n/, '')
    .replace(/\n\s*$/, '\n')
    .split('\n');
  const indent = Math.min(
    ...lines
      .filter(line => line.trim() !== '')
      .map(line => line.length - line.trimStart().length),
  );
  return lines.map(line => line.slice(indent)).join('\n');
}

/** Scans an in-memory repository whose every file is listed and provided. */
export function scanFiles(
  files: Record<string, string>,
  settings: DetectionSettings = DEFAULT_DETECTION_SETTINGS,
): RepositoryScanResult {
  return scanRepositoryFiles({
    allPaths: Object.keys(files),
    files: Object.entries(files).map(([path, content]) => ({ path, content })),
    settings,
  });
}

export function serviceAt(
  result: RepositoryScanResult,
  path: string,
): ServiceDirectoryScan {
  const service = result.serviceDirectories.find(
    candidate => candidate.path === path,
  );
  if (!service) {
    throw new Error(
      `No service directory '${path}' in ${JSON.stringify(
        result.serviceDirectories.map(candidate => candidate.path),
      )}`,
    );
  }
  return service;
}

export function findingFor(
  service: ServiceDirectoryScan,
  library: string | null,
  how?: ScanFinding['how'],
): ScanFinding | undefined {
  return service.findings.find(
    finding =>
      finding.library === library && (how === undefined || finding.how === how),
  );
}

/** Library names of a service directory's findings, sorted. */
export function librariesOf(service: ServiceDirectoryScan): string[] {
  return service.findings
    .flatMap(finding => (finding.library ? [finding.library] : []))
    .sort();
}
