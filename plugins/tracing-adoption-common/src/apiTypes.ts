import { SourceHealth } from './sourceHealth';
import type { OperationAnalysis } from './trace/analysis/types';

/**
 * A trace source as the API reports it.
 *
 * @public
 */
export interface TraceSourceStatus {
  id: string;
  kind: string;
  health: SourceHealth;
  lastAttemptAt?: string;
  lastSuccessAt?: string;
  lastError?: string;
  lastErrorAt?: string;
  consecutiveFailures: number;
  lastSummary?: Record<string, unknown>;
}

/**
 * The headline of an operation's latest analysis.
 *
 * @public
 */
export interface ObservedOperationSummary {
  /** `entryService|spanName`. */
  operationKey: string;
  entryService: string;
  spanName?: string;
  analyzedAt: string;
  windowStart?: string;
  windowEnd?: string;
  /** Matching traces the analysis is based on. */
  sampleSize: number;
  /** Older than the staleness limit, or one of its sources is not ok. */
  stale: boolean;
  staleSources: string[];
  reachesFromEdge: boolean;
  blockingServices: string[];
  participants: number;
}

/** @public */
export interface ObservedOperation {
  summary: ObservedOperationSummary;
  analysis: OperationAnalysis;
  /** Example trace id → URL in its source's UI. */
  traceLinks: Record<string, string>;
}

/**
 * A scan cycle: one pass over every repository of the tracked services.
 *
 * @public
 */
export interface ScanCycleStatus {
  id: number;
  startedAt: string;
  finishedAt?: string;
  /** Repositories in the cycle. */
  targets: number;
  /** Repositories already checked in the cycle. */
  done: number;
}

/**
 * The headline of a repository's last scan.
 *
 * @public
 */
export interface RepositoryScanSummary {
  host: string;
  slug: string;
  scannerId: string;
  status:
    | 'scanned'
    | 'not-found'
    | 'empty'
    | 'archived'
    | 'failed'
    | 'no-scanner';
  checkedAt: string;
  /** Last successful scan; a later failure keeps its result. */
  scannedAt?: string;
  error?: string;
  /** Requests the last check cost. */
  requests: number;
  serviceDirectories: Array<{
    path: string;
    instrumentation: string;
    outdated: boolean;
    findings: number;
  }>;
}
