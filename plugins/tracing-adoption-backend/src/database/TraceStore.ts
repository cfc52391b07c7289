import {
  ComplianceReport,
  OperationAnalysis,
  Span,
  Trace,
} from '@internal/plugin-tracing-adoption-common';

/** Spans of one trace received so far, across requests and replicas. */
export interface PendingTrace {
  sourceId: string;
  traceId: string;
  spans: Span[];
  /** Rows to delete once the trace has been sampled or dropped. */
  rowIds: number[];
}

/** A complete trace offered to the per-operation sample. */
export interface SampleCandidate {
  sourceId: string;
  trace: Trace;
  rootService: string;
  rootName: string;
  traceStart: Date;
}

export interface StoredSample {
  sourceId: string;
  trace: Trace;
}

export interface TraceSourceStatusRow {
  sourceId: string;
  kind: string;
  lastAttemptAt?: string;
  lastSuccessAt?: string;
  lastError?: string;
  lastErrorAt?: string;
  consecutiveFailures: number;
  lastSummary?: Record<string, unknown>;
}

/** What is stored per operation: the analysis and where its traces came from. */
export interface StoredOperationAnalysis {
  result: OperationAnalysis;
  /** Ids of the sources the analysed traces came from. */
  sourceIds: string[];
  /** Source of each listed sample trace, for links into that source's UI. */
  traceSources: Record<string, string>;
}

export interface OperationAnalysisRow {
  operationKey: string;
  entryService: string;
  spanName?: string;
  analyzedAt: string;
  windowStart?: string;
  windowEnd?: string;
  sampleSize: number;
  analysis: StoredOperationAnalysis;
}

export interface TraceStore {
  appendReceivedSpans(
    sourceId: string,
    traces: Trace[],
    receivedAt: Date,
  ): Promise<void>;
  /** Spans waiting for assembly; the receiver refuses new ones above its capacity. */
  countPendingSpans(): Promise<number>;
  /** Traces that received no span after `quietSince`, oldest first. */
  takeSettledTraces(quietSince: Date, limit: number): Promise<PendingTrace[]>;
  deleteReceivedRows(rowIds: number[]): Promise<void>;
  /**
   * Keeps each candidate unless its operation already has `maxPerWindow`
   * traces in the candidate's window; traces already stored are skipped.
   * Returns how many were kept.
   */
  admitSamples(
    candidates: SampleCandidate[],
    options: { windowMs: number; maxPerWindow: number },
  ): Promise<number>;
  listSamples(since: Date): Promise<StoredSample[]>;
  purgeSamplesBefore(windowStart: Date): Promise<number>;
  purgeReceivedBefore(receivedAt: Date): Promise<number>;

  recordSourceSuccess(
    sourceId: string,
    kind: string,
    at: Date,
    summary: Record<string, unknown>,
  ): Promise<void>;
  recordSourceFailure(
    sourceId: string,
    kind: string,
    at: Date,
    error: string,
  ): Promise<void>;
  listSourceStatuses(): Promise<TraceSourceStatusRow[]>;

  saveOperationAnalyses(rows: OperationAnalysisRow[]): Promise<void>;
  /** Stores a report and drops all but the latest few. */
  saveComplianceReport(
    report: ComplianceReport,
    evaluatedAt: Date,
  ): Promise<void>;
  latestComplianceReport(): Promise<
    { report: ComplianceReport; evaluatedAt: string } | undefined
  >;
  listOperationAnalyses(): Promise<OperationAnalysisRow[]>;
  getOperationAnalysis(
    operationKey: string,
  ): Promise<OperationAnalysisRow | undefined>;
}
