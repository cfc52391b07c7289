import { RepositoryScanResult } from '@internal/plugin-tracing-adoption-common';
import {
  BlobCache,
  RepositoryScanState,
  RepositoryTarget,
} from '@internal/plugin-tracing-adoption-node';

export interface ScanCycle {
  id: number;
  startedAt: string;
  finishedAt?: string;
  targets: number;
}

export type StoredScanStatus =
  | 'scanned'
  | 'not-found'
  | 'empty'
  | 'archived'
  | 'failed'
  | 'no-scanner';

export interface StoredRepositoryScan extends RepositoryTarget {
  scannerId: string;
  status: StoredScanStatus;
  cycleId?: number;
  checkedAt: string;
  /** Last successful scan; a later failure keeps it. */
  scannedAt?: string;
  result?: RepositoryScanResult;
  state?: RepositoryScanState;
  error?: string;
  requests: number;
}

export type ScanRecord =
  | {
      kind: 'scanned';
      result: RepositoryScanResult;
      state: RepositoryScanState;
    }
  | { kind: 'unchanged'; state: RepositoryScanState }
  | { kind: 'not-found' | 'empty' | 'archived'; state: RepositoryScanState }
  | { kind: 'failed' | 'no-scanner'; error: string };

export interface ScanStore extends BlobCache {
  currentCycle(): Promise<ScanCycle | undefined>;
  startCycle(targets: number, at: Date): Promise<number>;
  finishCycle(id: number, at: Date): Promise<void>;
  /** `host/slug` of the repositories already checked in the cycle. */
  checkedInCycle(cycleId: number): Promise<Set<string>>;
  getScans(
    targets: RepositoryTarget[],
  ): Promise<Map<string, StoredRepositoryScan>>;
  record(
    target: RepositoryTarget,
    scannerId: string,
    cycleId: number,
    record: ScanRecord,
    requests: number,
    at: Date,
  ): Promise<void>;
  listScans(): Promise<StoredRepositoryScan[]>;
}

export function targetKey(target: RepositoryTarget): string {
  return `${target.host}/${target.slug}`;
}
