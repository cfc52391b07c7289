import {
  ComplianceReport,
  Span,
  Trace,
} from '@internal/plugin-tracing-adoption-common';
import { Knex } from 'knex';
import {
  OperationAnalysisRow,
  PendingTrace,
  SampleCandidate,
  StoredSample,
  TraceSourceStatusRow,
  TraceStore,
} from './TraceStore';
import {
  chunks,
  optional,
  optionalIsoString,
  toDate,
  toIsoString,
} from './util';

type TimestampValue = Date | string | number;

type SourceStatusDbRow = {
  source_id: string;
  kind: string;
  last_attempt_at: TimestampValue | null;
  last_success_at: TimestampValue | null;
  last_error: string | null;
  last_error_at: TimestampValue | null;
  consecutive_failures: number;
  last_summary: string | null;
};

type AnalysisDbRow = {
  operation_key: string;
  entry_service: string;
  span_name: string | null;
  analyzed_at: TimestampValue;
  window_start: TimestampValue | null;
  window_end: TimestampValue | null;
  sample_size: number;
  analysis: string;
};

/** Older reports are only kept to read one while the next is written. */
const KEPT_COMPLIANCE_REPORTS = 3;

function windowStartOf(time: Date, windowMs: number): Date {
  return new Date(Math.floor(time.getTime() / windowMs) * windowMs);
}

function analysisFromRow(row: AnalysisDbRow): OperationAnalysisRow {
  return {
    operationKey: row.operation_key,
    entryService: row.entry_service,
    spanName: optional(row.span_name),
    analyzedAt: toIsoString(row.analyzed_at),
    windowStart: optionalIsoString(row.window_start),
    windowEnd: optionalIsoString(row.window_end),
    sampleSize: Number(row.sample_size),
    analysis: JSON.parse(row.analysis),
  };
}

/** Knex-backed trace storage, on SQLite or PostgreSQL. */
export class DatabaseTraceStore implements TraceStore {
  constructor(private readonly db: Knex) {}

  async appendReceivedSpans(
    sourceId: string,
    traces: Trace[],
    receivedAt: Date,
  ): Promise<void> {
    const rows = traces.map(trace => ({
      source_id: sourceId,
      trace_id: trace.traceId,
      received_at: receivedAt,
      span_count: trace.spans.length,
      spans: JSON.stringify(trace.spans),
    }));
    await this.db.transaction(async tx => {
      for (const chunk of chunks(rows, 100)) {
        await tx('received_spans').insert(chunk);
      }
    });
  }

  async countPendingSpans(): Promise<number> {
    const [row] = await this.db('received_spans').sum({ total: 'span_count' });
    return Number(row?.total ?? 0);
  }

  async takeSettledTraces(
    quietSince: Date,
    limit: number,
  ): Promise<PendingTrace[]> {
    const settled = (await this.db('received_spans')
      .select('source_id', 'trace_id')
      .max({ last_received_at: 'received_at' })
      .groupBy('source_id', 'trace_id')
      .having(this.db.raw('MAX(received_at) <= ?', [quietSince]))
      .orderBy('last_received_at')
      .limit(limit)) as Array<{ source_id: string; trace_id: string }>;
    if (settled.length === 0) {
      return [];
    }
    const byKey = new Map<string, PendingTrace>();
    for (const group of chunks(settled, 200)) {
      const rows = await this.db('received_spans')
        .select('id', 'source_id', 'trace_id', 'spans')
        .whereIn(
          'trace_id',
          group.map(g => g.trace_id),
        )
        .orderBy('id');
      for (const row of rows) {
        const key = `${row.source_id}\u0000${row.trace_id}`;
        const pending: PendingTrace = byKey.get(key) ?? {
          sourceId: row.source_id,
          traceId: row.trace_id,
          spans: [],
          rowIds: [],
        };
        pending.spans.push(...(JSON.parse(row.spans) as Span[]));
        pending.rowIds.push(Number(row.id));
        byKey.set(key, pending);
      }
    }
    const wanted = new Set(
      settled.map(g => `${g.source_id}\u0000${g.trace_id}`),
    );
    return [...byKey.entries()]
      .filter(([key]) => wanted.has(key))
      .map(([, pending]) => pending);
  }

  async deleteReceivedRows(rowIds: number[]): Promise<void> {
    for (const chunk of chunks(rowIds)) {
      await this.db('received_spans').whereIn('id', chunk).delete();
    }
  }

  async admitSamples(
    candidates: SampleCandidate[],
    options: { windowMs: number; maxPerWindow: number },
  ): Promise<number> {
    if (candidates.length === 0) {
      return 0;
    }
    return this.db.transaction(async tx => {
      const stored = new Set<string>();
      for (const chunk of chunks(candidates)) {
        const rows = await tx('trace_samples')
          .select('source_id', 'trace_id')
          .whereIn(
            'trace_id',
            chunk.map(c => c.trace.traceId),
          );
        for (const row of rows) {
          stored.add(`${row.source_id}\u0000${row.trace_id}`);
        }
      }

      const countsByWindow = new Map<string, number>();
      let admitted = 0;
      for (const candidate of candidates) {
        const identity = `${candidate.sourceId}\u0000${candidate.trace.traceId}`;
        if (stored.has(identity)) {
          continue;
        }
        const windowStart = windowStartOf(
          candidate.traceStart,
          options.windowMs,
        );
        const windowKey = `${candidate.rootService}\u0000${
          candidate.rootName
        }\u0000${windowStart.getTime()}`;
        let count = countsByWindow.get(windowKey);
        if (count === undefined) {
          const [row] = await tx('trace_samples')
            .where({
              root_service: candidate.rootService,
              root_name: candidate.rootName,
              window_start: windowStart,
            })
            .count({ count: '*' });
          count = Number(row?.count ?? 0);
        }
        if (count >= options.maxPerWindow) {
          countsByWindow.set(windowKey, count);
          continue;
        }
        await tx('trace_samples').insert({
          source_id: candidate.sourceId,
          trace_id: candidate.trace.traceId,
          root_service: candidate.rootService,
          root_name: candidate.rootName,
          window_start: windowStart,
          trace_start: candidate.traceStart,
          span_count: candidate.trace.spans.length,
          trace: JSON.stringify(candidate.trace),
        });
        stored.add(identity);
        countsByWindow.set(windowKey, count + 1);
        admitted += 1;
      }
      return admitted;
    });
  }

  async listSamples(since: Date): Promise<StoredSample[]> {
    const rows = await this.db('trace_samples')
      .select('source_id', 'trace')
      .where('window_start', '>=', since)
      .orderBy('id');
    return rows.map(row => ({
      sourceId: row.source_id,
      trace: JSON.parse(row.trace) as Trace,
    }));
  }

  async purgeSamplesBefore(windowStart: Date): Promise<number> {
    return this.db('trace_samples')
      .where('window_start', '<', windowStart)
      .delete();
  }

  async purgeReceivedBefore(receivedAt: Date): Promise<number> {
    return this.db('received_spans')
      .where('received_at', '<', receivedAt)
      .delete();
  }

  async recordSourceSuccess(
    sourceId: string,
    kind: string,
    at: Date,
    summary: Record<string, unknown>,
  ): Promise<void> {
    await this.db('trace_source_status')
      .insert({
        source_id: sourceId,
        kind,
        last_attempt_at: at,
        last_success_at: at,
        consecutive_failures: 0,
        last_summary: JSON.stringify(summary),
      })
      .onConflict('source_id')
      .merge([
        'kind',
        'last_attempt_at',
        'last_success_at',
        'consecutive_failures',
        'last_summary',
      ]);
  }

  async recordSourceFailure(
    sourceId: string,
    kind: string,
    at: Date,
    error: string,
  ): Promise<void> {
    await this.db.transaction(async tx => {
      const existing = await tx('trace_source_status')
        .where({ source_id: sourceId })
        .first();
      if (existing) {
        await tx('trace_source_status')
          .where({ source_id: sourceId })
          .update({
            kind,
            last_attempt_at: at,
            last_error: error,
            last_error_at: at,
            consecutive_failures: Number(existing.consecutive_failures) + 1,
          });
      } else {
        await tx('trace_source_status').insert({
          source_id: sourceId,
          kind,
          last_attempt_at: at,
          last_error: error,
          last_error_at: at,
          consecutive_failures: 1,
        });
      }
    });
  }

  async listSourceStatuses(): Promise<TraceSourceStatusRow[]> {
    const rows: SourceStatusDbRow[] = await this.db('trace_source_status')
      .select('*')
      .orderBy('source_id');
    return rows.map(row => ({
      sourceId: row.source_id,
      kind: row.kind,
      lastAttemptAt: optionalIsoString(row.last_attempt_at),
      lastSuccessAt: optionalIsoString(row.last_success_at),
      lastError: optional(row.last_error),
      lastErrorAt: optionalIsoString(row.last_error_at),
      consecutiveFailures: Number(row.consecutive_failures),
      lastSummary: row.last_summary ? JSON.parse(row.last_summary) : undefined,
    }));
  }

  async saveOperationAnalyses(rows: OperationAnalysisRow[]): Promise<void> {
    if (rows.length === 0) {
      return;
    }
    await this.db.transaction(async tx => {
      for (const chunk of chunks(rows, 50)) {
        await tx('operation_analyses')
          .insert(
            chunk.map(row => ({
              operation_key: row.operationKey,
              entry_service: row.entryService,
              span_name: row.spanName ?? null,
              analyzed_at: toDate(row.analyzedAt),
              window_start: row.windowStart ? toDate(row.windowStart) : null,
              window_end: row.windowEnd ? toDate(row.windowEnd) : null,
              sample_size: row.sampleSize,
              analysis: JSON.stringify(row.analysis),
            })),
          )
          .onConflict('operation_key')
          .merge();
      }
    });
  }

  async saveComplianceReport(
    report: ComplianceReport,
    evaluatedAt: Date,
  ): Promise<void> {
    await this.db.transaction(async tx => {
      await tx('compliance_reports').insert({
        evaluated_at: evaluatedAt,
        report: JSON.stringify(report),
      });
      const keep = await tx('compliance_reports')
        .select('id')
        .orderBy('id', 'desc')
        .limit(KEPT_COMPLIANCE_REPORTS);
      await tx('compliance_reports')
        .whereNotIn(
          'id',
          keep.map(row => row.id),
        )
        .delete();
    });
  }

  async latestComplianceReport(): Promise<
    { report: ComplianceReport; evaluatedAt: string } | undefined
  > {
    const row = await this.db('compliance_reports')
      .orderBy('id', 'desc')
      .first();
    return row
      ? {
          report: JSON.parse(row.report),
          evaluatedAt: toIsoString(row.evaluated_at),
        }
      : undefined;
  }

  async listOperationAnalyses(): Promise<OperationAnalysisRow[]> {
    const rows: AnalysisDbRow[] = await this.db('operation_analyses')
      .select('*')
      .orderBy('entry_service')
      .orderBy('span_name');
    return rows.map(analysisFromRow);
  }

  async getOperationAnalysis(
    operationKey: string,
  ): Promise<OperationAnalysisRow | undefined> {
    const row: AnalysisDbRow | undefined = await this.db('operation_analyses')
      .where({ operation_key: operationKey })
      .first();
    return row ? analysisFromRow(row) : undefined;
  }
}
