/**
 * Health of a data source as shown to users: `ok` while its reads succeed,
 * `stale` after a failed read or when the last success is too old (results are
 * still shown, marked stale), `failing` after repeated failures, `never-read`
 * before its first read.
 *
 * @public
 */
export type SourceHealth = 'ok' | 'stale' | 'failing' | 'never-read';

/** @public */
export interface SourceReadRecord {
  lastSuccessAt?: string;
  lastErrorAt?: string;
  consecutiveFailures: number;
}

/** Consecutive failed reads after which a source counts as failing. @public */
export const FAILING_AFTER_CONSECUTIVE_FAILURES = 3;

/** @public */
export function sourceHealth(
  record: SourceReadRecord | undefined,
  now: Date,
  staleAfterMs: number,
): SourceHealth {
  if (!record || (!record.lastSuccessAt && record.consecutiveFailures === 0)) {
    return 'never-read';
  }
  if (record.consecutiveFailures >= FAILING_AFTER_CONSECUTIVE_FAILURES) {
    return 'failing';
  }
  if (record.consecutiveFailures > 0 || !record.lastSuccessAt) {
    return 'stale';
  }
  const age = now.getTime() - Date.parse(record.lastSuccessAt);
  return age > staleAfterMs ? 'stale' : 'ok';
}
