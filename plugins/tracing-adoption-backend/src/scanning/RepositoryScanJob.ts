import { LoggerService } from '@backstage/backend-plugin-api';
import { DetectionSettings } from '@internal/plugin-tracing-adoption-common';
import {
  RepositoryScanner,
  RepositoryTarget,
} from '@internal/plugin-tracing-adoption-node';
import pLimit from 'p-limit';
import { ScanRecord, ScanStore, targetKey } from '../database/ScanStore';
import { RateLimitedError } from './GitHubRepositoryScanner';

export interface ScanJobSettings {
  /** Repositories scanned at once. */
  concurrency: number;
  /** A finished cycle is followed by a new one after this long. */
  rescanIntervalMs: number;
  /** A progress line is logged every this many repositories. */
  progressEvery: number;
}

export interface ScanCycleSummary {
  cycleId: number;
  targets: number;
  doneBefore: number;
  scanned: number;
  unchanged: number;
  failed: number;
  requests: number;
  finished: boolean;
  pausedUntil?: string;
}

/** Each repository once, in a stable order. */
export function uniqueTargets(targets: RepositoryTarget[]): RepositoryTarget[] {
  const byKey = new Map(targets.map(t => [targetKey(t), t]));
  return [...byKey.keys()].sort().map(key => byKey.get(key)!);
}

/**
 * Scans every repository once per cycle. Each repository's outcome is stored
 * as soon as it is known, so a cycle interrupted by a rate limit, a timeout or
 * a restart resumes where it stopped and never scans a finished repository
 * again.
 */
export class RepositoryScanJob {
  constructor(
    private readonly options: {
      scanners: RepositoryScanner[];
      store: ScanStore;
      listTargets: () => Promise<RepositoryTarget[]>;
      detectionSettings: DetectionSettings;
      settings: ScanJobSettings;
      logger: LoggerService;
    },
  ) {}

  async run(
    signal: AbortSignal,
    now: Date = new Date(),
  ): Promise<ScanCycleSummary | undefined> {
    const {
      scanners,
      store,
      listTargets,
      detectionSettings,
      settings,
      logger,
    } = this.options;
    const targets = await listTargets();
    let cycle = await store.currentCycle();
    if (targets.length === 0 && !cycle) {
      // the catalog sync has not mirrored any repository yet: nothing to cycle over
      logger.info('Repository scan: no repository to scan yet');
      return undefined;
    }
    if (cycle?.finishedAt) {
      if (
        now.getTime() - Date.parse(cycle.finishedAt) <
        settings.rescanIntervalMs
      ) {
        return undefined;
      }
      cycle = undefined;
    }
    const cycleId = cycle?.id ?? (await store.startCycle(targets.length, now));
    const done = await store.checkedInCycle(cycleId);
    const pending = targets.filter(t => !done.has(targetKey(t)));
    const previous = await store.getScans(pending);

    const summary: ScanCycleSummary = {
      cycleId,
      targets: targets.length,
      doneBefore: targets.length - pending.length,
      scanned: 0,
      unchanged: 0,
      failed: 0,
      requests: 0,
      finished: false,
    };
    logger.info(
      `Repository scan cycle ${cycleId}: ${pending.length} of ${targets.length} repositories to scan` +
        (summary.doneBefore > 0
          ? ` (resuming; ${summary.doneBefore} already done)`
          : ''),
    );

    const limit = pLimit(settings.concurrency);
    const stop = new AbortController();
    const onAbort = () => stop.abort(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    let completed = 0;

    const scanOne = async (target: RepositoryTarget) => {
      if (stop.signal.aborted) {
        return;
      }
      const scanner = scanners.find(s => s.canScan(target));
      let record: ScanRecord;
      let requests = 0;
      if (!scanner) {
        record = {
          kind: 'no-scanner',
          error: `No repository scanner handles ${target.host}; configure integrations.github for it or a local scan directory`,
        };
      } else {
        try {
          const outcome = await scanner.scan(target, {
            previous: previous.get(targetKey(target))?.state,
            settings: detectionSettings,
            blobCache: store,
            signal: stop.signal,
          });
          requests = outcome.requests;
          record =
            outcome.status === 'scanned'
              ? {
                  kind: 'scanned',
                  result: outcome.result,
                  state: outcome.state,
                }
              : outcome.status === 'unchanged'
              ? { kind: 'unchanged', state: outcome.state }
              : { kind: outcome.status, state: outcome.state };
        } catch (error) {
          if (error instanceof RateLimitedError) {
            summary.pausedUntil = error.resetAt.toISOString();
            stop.abort(error);
            return;
          }
          if (stop.signal.aborted) {
            return;
          }
          record = { kind: 'failed', error: (error as Error).message };
          logger.warn(
            `Scanning ${targetKey(target)} failed: ${(error as Error).message}`,
          );
        }
      }
      await store.record(
        target,
        scanner?.id ?? 'none',
        cycleId,
        record,
        requests,
        new Date(),
      );
      summary.requests += requests;
      if (record.kind === 'scanned') summary.scanned += 1;
      else if (record.kind === 'unchanged') summary.unchanged += 1;
      else if (record.kind === 'failed' || record.kind === 'no-scanner')
        summary.failed += 1;
      completed += 1;
      if (completed % settings.progressEvery === 0) {
        logger.info(
          `Repository scan cycle ${cycleId}: ${
            summary.doneBefore + completed
          }/${targets.length} repositories done, ${
            summary.requests
          } requests spent`,
        );
      }
    };

    try {
      await Promise.all(pending.map(target => limit(() => scanOne(target))));
    } finally {
      signal.removeEventListener('abort', onAbort);
    }

    if (summary.pausedUntil) {
      logger.warn(
        `Repository scan cycle ${cycleId} paused by a rate limit until ${summary.pausedUntil}: ` +
          `${summary.doneBefore + completed}/${
            targets.length
          } repositories done; the next run resumes from there`,
      );
      return summary;
    }
    if (signal.aborted) {
      logger.warn(
        `Repository scan cycle ${cycleId} stopped after ${
          summary.doneBefore + completed
        }/${targets.length} repositories; the next run resumes from there`,
      );
      return summary;
    }
    await store.finishCycle(cycleId, new Date());
    summary.finished = true;
    logger.info(
      `Repository scan cycle ${cycleId} finished: ${summary.scanned} scanned, ${summary.unchanged} unchanged, ${summary.failed} failed, ${summary.requests} requests`,
    );
    return summary;
  }
}
