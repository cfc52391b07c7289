import {
  ObservedOperationSummary,
  SourceHealth,
  TraceSourceStatus,
  sourceHealth,
} from '@internal/plugin-tracing-adoption-common';
import { TraceSource } from '@internal/plugin-tracing-adoption-node';
import {
  OperationAnalysisRow,
  TraceSourceStatusRow,
  TraceStore,
} from '../database/TraceStore';

export interface TraceSourceView
  extends Omit<TraceSourceStatusRow, 'sourceId'> {
  id: string;
  health: SourceHealth;
}

/**
 * Every known source with its health: configured ones that never ran appear
 * as `never-read`; sources that ran but are no longer configured are kept, as
 * their traces may still be in the sample.
 */
export function traceSourceViews(
  known: Array<{ id: string; kind: string }>,
  statuses: TraceSourceStatusRow[],
  now: Date,
  staleAfterMs: number,
): TraceSourceStatus[] {
  const byId = new Map(statuses.map(s => [s.sourceId, s]));
  const ids = [...new Set([...known.map(k => k.id), ...byId.keys()])].sort();
  return ids.map(id => {
    const status = byId.get(id);
    const kind =
      status?.kind ?? known.find(k => k.id === id)?.kind ?? 'unknown';
    const { sourceId: _sourceId, ...rest } = status ?? {
      sourceId: id,
      kind,
      consecutiveFailures: 0,
    };
    return {
      ...rest,
      id,
      kind,
      health: sourceHealth(status, now, staleAfterMs),
    };
  });
}

/**
 * Sources behind an analysis that are not healthy; the analysis is stale when
 * there are any, or when it is older than `staleAfterMs`.
 */
export function analysisStaleness(
  analysis: { sourceIds: string[]; analyzedAt: string },
  healthBySource: Map<string, SourceHealth>,
  now: Date,
  staleAfterMs: number,
): { stale: boolean; staleSources: string[] } {
  const staleSources = analysis.sourceIds.filter(
    id => (healthBySource.get(id) ?? 'never-read') !== 'ok',
  );
  return {
    stale:
      staleSources.length > 0 ||
      now.getTime() - Date.parse(analysis.analyzedAt) > staleAfterMs,
    staleSources,
  };
}

/** Health of the configured and past trace sources, read when asked. */
export class SourceHealthReader {
  constructor(
    private readonly options: {
      traceStore: TraceStore;
      /** Sources configured now: pushed (the receiver) and pulled. */
      knownSources: Array<{ id: string; kind: string }>;
      staleAfterMs: number;
    },
  ) {}

  get staleAfterMs(): number {
    return this.options.staleAfterMs;
  }

  async views(now: Date): Promise<TraceSourceStatus[]> {
    const { traceStore, knownSources, staleAfterMs } = this.options;
    return traceSourceViews(
      knownSources,
      await traceStore.listSourceStatuses(),
      now,
      staleAfterMs,
    );
  }

  async healthBySource(now: Date): Promise<Map<string, SourceHealth>> {
    return new Map((await this.views(now)).map(s => [s.id, s.health]));
  }
}

export function observedOperationSummary(
  row: OperationAnalysisRow,
  healthBySource: Map<string, SourceHealth>,
  now: Date,
  staleAfterMs: number,
): ObservedOperationSummary {
  const { stale, staleSources } = analysisStaleness(
    { sourceIds: row.analysis.sourceIds, analyzedAt: row.analyzedAt },
    healthBySource,
    now,
    staleAfterMs,
  );
  const { result } = row.analysis;
  return {
    operationKey: row.operationKey,
    entryService: row.entryService,
    spanName: row.spanName,
    analyzedAt: row.analyzedAt,
    windowStart: row.windowStart,
    windowEnd: row.windowEnd,
    sampleSize: row.sampleSize,
    stale,
    staleSources,
    reachesFromEdge: result.endToEnd.reachesFromEdge,
    blockingServices: result.endToEnd.blockingServices.map(b => b.service),
    participants: result.participants.length,
  };
}

export function traceLinks(
  row: OperationAnalysisRow,
  sources: Map<string, TraceSource>,
): Record<string, string> {
  const links: Record<string, string> = {};
  for (const [traceId, sourceId] of Object.entries(row.analysis.traceSources)) {
    const url = sources.get(sourceId)?.traceUrl?.(traceId);
    if (url) {
      links[traceId] = url;
    }
  }
  return links;
}
