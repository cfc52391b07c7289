import type { RepositoryScanResult } from '@internal/plugin-tracing-adoption-common';

/** One repository checkout and what scanning it found. */
export interface RepositoryScan extends RepositoryScanResult {
  /** The checkout's directory as given on the command line. */
  directory: string;
  durationMs: number;
}

/** A checkout of `scan --all` that could not be scanned. */
export interface FailedRepositoryScan {
  directory: string;
  error: string;
}
