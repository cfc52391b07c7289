import {
  DetectionSettings,
  RepositoryScanResult,
} from '@internal/plugin-tracing-adoption-common';

/**
 * A repository to scan, as the catalog names it.
 *
 * @public
 */
export interface RepositoryTarget {
  /** e.g. `github.com` or a GitHub Enterprise host. */
  host: string;
  /** `owner/name`. */
  slug: string;
}

/**
 * What a scanner remembers of a repository between scans, so that an
 * unchanged repository costs one conditional request.
 *
 * @public
 */
export interface RepositoryScanState {
  /** ETag of the repository's metadata answer. */
  etag?: string;
  /** SHA of the tree that was scanned. */
  treeSha?: string;
  /** Blob SHA of every file whose content the scan read, by path. */
  blobShas?: Record<string, string>;
}

/**
 * Contents of files by blob SHA, kept by the plugin between scans so that
 * unchanged files are not fetched again.
 *
 * @public
 */
export interface BlobCache {
  get(shas: string[]): Promise<Map<string, string>>;
  put(entries: Array<{ sha: string; content: string }>): Promise<void>;
}

/** @public */
export type RepositoryScanOutcome =
  | {
      status: 'scanned';
      result: RepositoryScanResult;
      state: RepositoryScanState;
      requests: number;
    }
  | {
      /** Nothing changed since `previous`; the stored result still holds. */
      status: 'unchanged';
      state: RepositoryScanState;
      requests: number;
    }
  | {
      status: 'not-found' | 'empty' | 'archived';
      state: RepositoryScanState;
      requests: number;
    };

/**
 * Reads repositories and runs the detectors over them (GitHub, local
 * checkouts, or an organisation's own source host).
 *
 * @public
 */
export interface RepositoryScanner {
  /** Unique id; names the scanner in statuses and errors. */
  readonly id: string;
  canScan(target: RepositoryTarget): boolean;
  /**
   * Scans one repository. Throws for failures worth retrying later (network,
   * server errors, rate limits); the plugin keeps the last good result.
   */
  scan(
    target: RepositoryTarget,
    context: {
      previous?: RepositoryScanState;
      settings: DetectionSettings;
      blobCache: BlobCache;
      signal: AbortSignal;
    },
  ): Promise<RepositoryScanOutcome>;
  /** What is left of the host's API quota, for progress logs; when known. */
  describeQuota?(target: RepositoryTarget): string | undefined;
}
