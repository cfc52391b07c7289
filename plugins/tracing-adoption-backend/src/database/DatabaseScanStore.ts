import { RepositoryTarget } from '@internal/plugin-tracing-adoption-node';
import { Knex } from 'knex';
import {
  ScanCycle,
  ScanRecord,
  ScanStore,
  StoredRepositoryScan,
  StoredScanStatus,
  targetKey,
} from './ScanStore';
import { chunks, optional, optionalIsoString, toIsoString } from './util';

type TimestampValue = Date | string | number;

type ScanRow = {
  host: string;
  slug: string;
  scanner_id: string;
  status: StoredScanStatus;
  cycle_id: number | null;
  checked_at: TimestampValue;
  scanned_at: TimestampValue | null;
  result: string | null;
  state: string | null;
  error: string | null;
  requests: number;
};

function scanFromRow(row: ScanRow): StoredRepositoryScan {
  return {
    host: row.host,
    slug: row.slug,
    scannerId: row.scanner_id,
    status: row.status,
    cycleId: row.cycle_id === null ? undefined : Number(row.cycle_id),
    checkedAt: toIsoString(row.checked_at),
    scannedAt: optionalIsoString(row.scanned_at),
    result: row.result ? JSON.parse(row.result) : undefined,
    state: row.state ? JSON.parse(row.state) : undefined,
    error: optional(row.error),
    requests: Number(row.requests),
  };
}

/** Knex-backed scan storage, on SQLite or PostgreSQL. */
export class DatabaseScanStore implements ScanStore {
  constructor(private readonly db: Knex) {}

  async currentCycle(): Promise<ScanCycle | undefined> {
    const row = await this.db('scan_cycles').orderBy('id', 'desc').first();
    return row
      ? {
          id: Number(row.id),
          startedAt: toIsoString(row.started_at),
          finishedAt: optionalIsoString(row.finished_at),
          targets: Number(row.targets),
        }
      : undefined;
  }

  async startCycle(targets: number, at: Date): Promise<number> {
    const [row] = await this.db('scan_cycles')
      .insert({ started_at: at, targets })
      .returning('id');
    return Number(typeof row === 'object' ? row.id : row);
  }

  async finishCycle(id: number, at: Date): Promise<void> {
    await this.db('scan_cycles').where({ id }).update({ finished_at: at });
  }

  async checkedInCycle(cycleId: number): Promise<Set<string>> {
    const rows = await this.db('repository_scans')
      .select('host', 'slug')
      .where({ cycle_id: cycleId });
    return new Set(rows.map(targetKey));
  }

  async getScans(
    targets: RepositoryTarget[],
  ): Promise<Map<string, StoredRepositoryScan>> {
    const scans = new Map<string, StoredRepositoryScan>();
    for (const chunk of chunks(targets, 200)) {
      const rows: ScanRow[] = await this.db('repository_scans').where(
        builder => {
          for (const target of chunk) {
            builder.orWhere({ host: target.host, slug: target.slug });
          }
        },
      );
      for (const row of rows) {
        scans.set(targetKey(row), scanFromRow(row));
      }
    }
    return scans;
  }

  async record(
    target: RepositoryTarget,
    scannerId: string,
    cycleId: number,
    record: ScanRecord,
    requests: number,
    at: Date,
  ): Promise<void> {
    const base = {
      host: target.host,
      slug: target.slug,
      scanner_id: scannerId,
      cycle_id: cycleId,
      checked_at: at,
      requests,
    };
    let row: Record<string, unknown>;
    let update: string[];
    switch (record.kind) {
      case 'scanned':
        row = {
          ...base,
          status: 'scanned',
          scanned_at: at,
          result: JSON.stringify(record.result),
          state: JSON.stringify(record.state),
          error: null,
        };
        update = Object.keys(row);
        break;
      case 'unchanged':
        row = {
          ...base,
          status: 'scanned',
          state: JSON.stringify(record.state),
          error: null,
        };
        update = Object.keys(row);
        break;
      case 'not-found':
      case 'empty':
      case 'archived':
        row = {
          ...base,
          status: record.kind,
          scanned_at: at,
          result: null,
          state: JSON.stringify(record.state),
          error: null,
        };
        update = Object.keys(row);
        break;
      default:
        // a failure keeps the last good result, its time and the scanner state
        row = { ...base, status: record.kind, error: record.error };
        update = [
          'scanner_id',
          'cycle_id',
          'checked_at',
          'requests',
          'status',
          'error',
        ];
    }
    await this.db('repository_scans')
      .insert(row)
      .onConflict(['host', 'slug'])
      .merge(update);
  }

  async listScans(): Promise<StoredRepositoryScan[]> {
    const rows: ScanRow[] = await this.db('repository_scans')
      .select('*')
      .orderBy('host')
      .orderBy('slug');
    return rows.map(scanFromRow);
  }

  async get(shas: string[]): Promise<Map<string, string>> {
    const contents = new Map<string, string>();
    for (const chunk of chunks([...new Set(shas)])) {
      const rows = await this.db('blob_contents')
        .select('sha', 'content')
        .whereIn('sha', chunk);
      for (const row of rows) {
        contents.set(row.sha, row.content);
      }
      if (rows.length > 0) {
        await this.db('blob_contents')
          .whereIn(
            'sha',
            rows.map(r => r.sha),
          )
          .update({ used_at: new Date() });
      }
    }
    return contents;
  }

  async put(entries: Array<{ sha: string; content: string }>): Promise<void> {
    const now = new Date();
    for (const chunk of chunks(entries, 100)) {
      await this.db('blob_contents')
        .insert(
          chunk.map(e => ({ sha: e.sha, content: e.content, used_at: now })),
        )
        .onConflict('sha')
        .merge(['used_at']);
    }
  }
}
