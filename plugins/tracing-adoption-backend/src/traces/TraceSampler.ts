import { LoggerService } from '@backstage/backend-plugin-api';
import {
  Trace,
  adjustTrace,
  findRootSpans,
} from '@internal/plugin-tracing-adoption-common';
import { SampleCandidate, TraceStore } from '../database/TraceStore';
import { OTLP_RECEIVER_SOURCE_ID } from '../receiver/createOtlpReceiverRouter';

export interface SamplingSettings {
  /** Length of a sampling window. */
  windowMs: number;
  /** Traces kept per operation (root service + root span name) and window. */
  tracesPerOperation: number;
  /** A trace is assembled once no span of it arrived for this long. */
  settleDelayMs: number;
  /** Samples older than this are deleted. */
  retentionMs: number;
}

/** Traces assembled per database round trip; bounds memory of one step. */
const ASSEMBLY_BATCH = 500;

/**
 * Turns a trace into a sample candidate keyed by its operation (the root
 * span's service and name); the earliest root wins when a trace has several.
 */
export function toSampleCandidate(
  sourceId: string,
  rawTrace: Trace,
): SampleCandidate | undefined {
  const trace = adjustTrace(rawTrace);
  const [root] = findRootSpans(trace);
  if (!root) {
    return undefined;
  }
  return {
    sourceId,
    trace,
    rootService: root.serviceName,
    rootName: root.name,
    traceStart: new Date(Math.floor(root.startTimeUs / 1000)),
  };
}

export interface SamplingSummary {
  tracesAssembled: number;
  tracesKept: number;
  spansAssembled: number;
  samplesPurged: number;
}

/**
 * Assembles the spans pushed to the OTLP receiver into traces and keeps a
 * bounded sample per operation and window, so storage grows with the number of
 * operations, not with traffic. Pulled sources hand complete traces to
 * {@link TraceSampler.admit} directly.
 */
export class TraceSampler {
  constructor(
    private readonly options: {
      store: TraceStore;
      logger: LoggerService;
      settings: SamplingSettings;
    },
  ) {}

  async admit(sourceId: string, traces: Trace[]): Promise<number> {
    const { store, settings } = this.options;
    const candidates = traces
      .map(trace => toSampleCandidate(sourceId, trace))
      .filter((c): c is SampleCandidate => c !== undefined);
    return store.admitSamples(candidates, {
      windowMs: settings.windowMs,
      maxPerWindow: settings.tracesPerOperation,
    });
  }

  async run(now: Date = new Date()): Promise<SamplingSummary> {
    const { store, logger, settings } = this.options;
    const summary: SamplingSummary = {
      tracesAssembled: 0,
      tracesKept: 0,
      spansAssembled: 0,
      samplesPurged: 0,
    };
    const quietSince = new Date(now.getTime() - settings.settleDelayMs);

    for (;;) {
      const pending = await store.takeSettledTraces(quietSince, ASSEMBLY_BATCH);
      if (pending.length === 0) {
        break;
      }
      const bySource = new Map<string, Trace[]>();
      for (const { sourceId, traceId, spans } of pending) {
        const traces = bySource.get(sourceId) ?? [];
        traces.push({ traceId, spans });
        bySource.set(sourceId, traces);
        summary.spansAssembled += spans.length;
      }
      for (const [sourceId, traces] of bySource) {
        summary.tracesKept += await this.admit(sourceId, traces);
      }
      summary.tracesAssembled += pending.length;
      await store.deleteReceivedRows(pending.flatMap(p => p.rowIds));
      logger.info(
        `Trace sampling: assembled ${summary.tracesAssembled} traces (${summary.spansAssembled} spans) so far, kept ${summary.tracesKept}`,
      );
      if (pending.length < ASSEMBLY_BATCH) {
        break;
      }
    }

    summary.samplesPurged = await store.purgeSamplesBefore(
      new Date(now.getTime() - settings.retentionMs),
    );
    if (summary.tracesAssembled > 0) {
      await store.recordSourceSuccess(OTLP_RECEIVER_SOURCE_ID, 'otlp', now, {
        ...summary,
      });
    }
    return summary;
  }
}
