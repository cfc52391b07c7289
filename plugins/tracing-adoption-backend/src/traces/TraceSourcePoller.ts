import { LoggerService } from '@backstage/backend-plugin-api';
import { TraceSource } from '@internal/plugin-tracing-adoption-node';
import { TraceStore } from '../database/TraceStore';
import { TracingAdoptionStore } from '../database/TracingAdoptionStore';
import { TraceSampler } from './TraceSampler';

export interface PollSettings {
  /** How far back each pull reads. */
  lookbackMs: number;
  limitPerService: number;
  /** Service names to read; the catalog's tracked services when absent. */
  serviceNames?: string[];
}

export interface PollSummary {
  services: number;
  tracesRead: number;
  spansRead: number;
  tracesKept: number;
  problems: number;
}

/**
 * Pulls one trace source into the sample. A failed pull marks the source with
 * its error and leaves every stored sample and analysis in place.
 */
export class TraceSourcePoller {
  constructor(
    private readonly options: {
      source: TraceSource;
      settings: PollSettings;
      sampler: TraceSampler;
      traceStore: TraceStore;
      catalogStore: TracingAdoptionStore;
      logger: LoggerService;
    },
  ) {}

  async run(signal: AbortSignal, now: Date = new Date()): Promise<PollSummary> {
    const { source, settings, sampler, traceStore, catalogStore, logger } =
      this.options;
    try {
      const serviceNames =
        settings.serviceNames ?? (await catalogStore.listServiceNames());
      const result = await source.readTraces({
        start: new Date(now.getTime() - settings.lookbackMs),
        end: now,
        serviceNames,
        limitPerService: settings.limitPerService,
        signal,
      });
      const tracesKept = await sampler.admit(source.id, result.traces);
      const summary: PollSummary = {
        services: serviceNames.length,
        tracesRead: result.traces.length,
        spansRead: result.traces.reduce((n, t) => n + t.spans.length, 0),
        tracesKept,
        problems: result.problems.length,
      };
      if (result.problems.length > 0) {
        logger.warn(
          `Trace source ${source.id} returned ${result.problems.length} invalid items; first: ${result.problems[0].path}: ${result.problems[0].message}`,
        );
      }
      logger.info(
        `Trace source ${source.id}: read ${summary.tracesRead} traces (${summary.spansRead} spans) of ${summary.services} services, kept ${tracesKept}`,
      );
      await traceStore.recordSourceSuccess(source.id, source.kind, now, {
        ...summary,
      });
      return summary;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.warn(
        `Trace source ${source.id} (${source.kind}) failed: ${message}`,
      );
      await traceStore.recordSourceFailure(
        source.id,
        source.kind,
        now,
        message,
      );
      throw error;
    }
  }
}
