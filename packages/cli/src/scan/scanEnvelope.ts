import type {
  ScanProblem,
  ServiceDirectoryScan,
} from '@internal/plugin-tracing-adoption-common';
import type { FailedRepositoryScan, RepositoryScan } from './repositoryScan';

/**
 * Version of the `scan --format json` output. Raised only when a field is
 * removed or changes meaning; new fields may appear within a version.
 */
export const SCAN_SCHEMA_VERSION = 1;

/** One scanned checkout as printed; described by `schema/scan.schema.json`. */
export interface RepositoryScanOutput {
  /** The checkout's directory as given on the command line. */
  directory: string;
  durationMs: number;
  /** Files whose content was used. */
  filesRead: number;
  serviceDirectories: ServiceDirectoryScan[];
  problems: ScanProblem[];
}

/** What `scan --format json` prints for one checkout. */
export interface ScanEnvelope extends RepositoryScanOutput {
  schemaVersion: typeof SCAN_SCHEMA_VERSION;
}

/** What `scan --all --format json` prints. */
export interface ScanAllEnvelope {
  schemaVersion: typeof SCAN_SCHEMA_VERSION;
  /** The directory holding the checkouts, as given on the command line. */
  directory: string;
  repositories: RepositoryScanOutput[];
  failures: FailedRepositoryScan[];
  /** Sum of the repositories' `filesRead`. */
  filesRead: number;
  durationMs: number;
}

/** Only the documented fields, in a fixed order. */
export function repositoryScanOutput(
  scan: RepositoryScan,
): RepositoryScanOutput {
  return {
    directory: scan.directory,
    durationMs: scan.durationMs,
    filesRead: scan.filesRead,
    serviceDirectories: scan.serviceDirectories,
    problems: scan.problems,
  };
}

export function scanEnvelope(scan: RepositoryScan): ScanEnvelope {
  return { schemaVersion: SCAN_SCHEMA_VERSION, ...repositoryScanOutput(scan) };
}

export function scanAllEnvelope(
  directory: string,
  scans: RepositoryScan[],
  failures: FailedRepositoryScan[],
  durationMs: number,
): ScanAllEnvelope {
  return {
    schemaVersion: SCAN_SCHEMA_VERSION,
    directory,
    repositories: scans.map(repositoryScanOutput),
    failures: failures.map(({ directory: failed, error }) => ({
      directory: failed,
      error,
    })),
    filesRead: scans.reduce((sum, scan) => sum + scan.filesRead, 0),
    durationMs,
  };
}
