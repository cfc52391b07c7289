import {
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import {
  HumanDuration,
  JsonObject,
  durationToMilliseconds,
} from '@backstage/types';
import { DEFAULT_FLOW_ID_ATTRIBUTES } from '@internal/plugin-tracing-adoption-common';

export interface ReceiverSettings {
  enabled: boolean;
  maxPendingSpans: number;
  maxBodyBytes: number;
  retryAfterSeconds: number;
}

export interface SamplingJobSettings {
  windowMs: number;
  tracesPerOperation: number;
  settleDelayMs: number;
  retentionMs: number;
  schedule: SchedulerServiceTaskScheduleDefinition;
}

export interface AnalysisSettings {
  lookbackMs: number;
  staleAfterMs: number;
  flowIdAttributes: readonly string[];
  schedule: SchedulerServiceTaskScheduleDefinition;
}

interface TraceSourceCommon {
  id: string;
  lookbackMs: number;
  limitPerService: number;
  serviceNames?: string[];
  schedule: SchedulerServiceTaskScheduleDefinition;
}

export type TraceSourceSettings =
  | (TraceSourceCommon & {
      type: 'jaeger' | 'zipkin' | 'tempo';
      apiVersion: 'v1' | 'v3';
      baseUrl: string;
      headers: Record<string, string>;
      timeoutMs: number;
      retries: number;
      concurrency: number;
      traceUrlTemplate?: string;
    })
  | (TraceSourceCommon & {
      type: 'otlp-file';
      directory: string;
      maxFileBytes: number;
    });

export interface ScanningSettings {
  concurrency: number;
  rescanIntervalMs: number;
  maxRateLimitWaitSeconds: number;
  /** Raw `detection` overrides, validated by mergeDetectionSettings. */
  detection: JsonObject;
  localDirectory?: { directory: string; host: string; owner: string };
  /** Organisations whose every repository is scanned, beyond the catalog's. */
  organizations: Array<{ host: string; name: string }>;
  schedule: SchedulerServiceTaskScheduleDefinition;
}

export interface RolloutSettings {
  /** File path or URL of the operations and campaigns declared as code. */
  definitions?: string;
  definitionsSchedule: SchedulerServiceTaskScheduleDefinition;
  snapshotSchedule: SchedulerServiceTaskScheduleDefinition;
}

export interface CapacitySettings {
  /** Used when a capacity request names no safety factor. */
  safetyFactor: number;
}

export interface AlertSettings {
  enabled: boolean;
  /** Share of the 0–100 compliance score a team must stay at or above. */
  complianceThreshold: number;
}

export interface TracingAdoptionSettings {
  catalogSyncSchedule: SchedulerServiceTaskScheduleDefinition;
  rollout: RolloutSettings;
  capacity: CapacitySettings;
  alerts: AlertSettings;
  receiver: ReceiverSettings;
  sampling: SamplingJobSettings;
  analysis: AnalysisSettings;
  traceSources: TraceSourceSettings[];
  scanning: ScanningSettings;
}

const SOURCE_TYPES = ['jaeger', 'zipkin', 'tempo', 'otlp-file'] as const;

function durationMs(
  config: Config | undefined,
  key: string,
  fallback: HumanDuration,
): number {
  return durationToMilliseconds(
    config?.has(key) ? readDurationFromConfig(config, { key }) : fallback,
  );
}

function schedule(
  config: Config | undefined,
  key: string,
  fallback: SchedulerServiceTaskScheduleDefinition,
): SchedulerServiceTaskScheduleDefinition {
  const scheduleConfig = config?.getOptionalConfig(key);
  return scheduleConfig
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig)
    : fallback;
}

function positiveInteger(
  config: Config | undefined,
  key: string,
  fallback: number,
  context: string,
): number {
  const value = config?.getOptionalNumber(key) ?? fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(
      `Invalid config ${context}.${key}: expected a positive integer, got ${value}`,
    );
  }
  return value;
}

function numberInRange(
  config: Config | undefined,
  key: string,
  fallback: number,
  range: { min: number; max: number },
  context: string,
): number {
  const value = config?.getOptionalNumber(key) ?? fallback;
  if (!Number.isFinite(value) || value < range.min || value > range.max) {
    throw new Error(
      `Invalid config ${context}.${key}: expected a number from ${range.min} to ${range.max}, got ${value}`,
    );
  }
  return value;
}

function readTraceSource(
  config: Config,
  index: number,
  seenIds: Set<string>,
): TraceSourceSettings {
  const context = `tracingAdoption.traceSources[${index}]`;
  const id = config.getString('id');
  if (!/^[a-z0-9][a-z0-9-_.]{0,62}$/i.test(id)) {
    throw new Error(
      `Invalid config ${context}.id '${id}': use letters, digits, '-', '_' or '.', at most 63 characters`,
    );
  }
  if (seenIds.has(id)) {
    throw new Error(`Invalid config ${context}.id: '${id}' is used twice`);
  }
  seenIds.add(id);
  const type = config.getString('type');
  if (!(SOURCE_TYPES as readonly string[]).includes(type)) {
    throw new Error(
      `Invalid config ${context}.type '${type}': expected one of ${SOURCE_TYPES.join(
        ', ',
      )}`,
    );
  }
  const common: TraceSourceCommon = {
    id,
    lookbackMs: durationMs(config, 'lookback', { minutes: 15 }),
    limitPerService: positiveInteger(config, 'limitPerService', 20, context),
    serviceNames: config.getOptionalStringArray('services'),
    schedule: schedule(config, 'schedule', {
      frequency: { minutes: 5 },
      timeout: { minutes: 4 },
      initialDelay: { seconds: 15 },
    }),
  };
  if (type === 'otlp-file') {
    return {
      ...common,
      type,
      directory: config.getString('directory'),
      maxFileBytes: positiveInteger(
        config,
        'maxFileBytes',
        256 * 1024 * 1024,
        context,
      ),
    };
  }
  const baseUrl = config.getString('baseUrl');
  try {
    new URL(baseUrl);
  } catch {
    throw new Error(
      `Invalid config ${context}.baseUrl '${baseUrl}': not a URL`,
    );
  }
  const apiVersion = config.getOptionalString('apiVersion') ?? 'v1';
  if (apiVersion !== 'v1' && apiVersion !== 'v3') {
    throw new Error(
      `Invalid config ${context}.apiVersion '${apiVersion}': expected v1 or v3`,
    );
  }
  const headersConfig = config.getOptionalConfig('headers');
  return {
    ...common,
    type: type as 'jaeger' | 'zipkin' | 'tempo',
    apiVersion,
    baseUrl,
    headers: Object.fromEntries(
      (headersConfig?.keys() ?? []).map(key => [
        key,
        headersConfig!.getString(key),
      ]),
    ),
    timeoutMs: durationMs(config, 'timeout', { seconds: 10 }),
    retries: config.getOptionalNumber('retries') ?? 2,
    concurrency: positiveInteger(config, 'concurrency', 4, context),
    traceUrlTemplate: config.getOptionalString('traceUrlTemplate'),
  };
}

function readScanning(config: Config | undefined): ScanningSettings {
  const context = 'tracingAdoption.scanning';
  const local = config?.getOptionalConfig('localDirectory');
  return {
    concurrency: positiveInteger(config, 'concurrency', 4, context),
    rescanIntervalMs: durationMs(config, 'rescanInterval', { hours: 12 }),
    maxRateLimitWaitSeconds:
      durationMs(config, 'maxRateLimitWait', { seconds: 60 }) / 1000,
    detection: (config?.getOptional<JsonObject>('detection') ??
      {}) as JsonObject,
    organizations: (config?.getOptionalStringArray('organizations') ?? []).map(
      entry => {
        const [host, name] = entry.includes('/')
          ? entry.split('/', 2)
          : ['github.com', entry];
        if (!host || !name || !/^[\w.-]+$/.test(name)) {
          throw new Error(
            `Invalid config ${context}.organizations entry '${entry}': expected 'org' or 'host/org'`,
          );
        }
        return { host, name };
      },
    ),
    localDirectory: local
      ? {
          directory: local.getString('path'),
          host: local.getOptionalString('host') ?? 'github.com',
          owner: local.getString('owner'),
        }
      : undefined,
    schedule: schedule(config, 'schedule', {
      frequency: { minutes: 10 },
      timeout: { minutes: 30 },
      initialDelay: { seconds: 20 },
    }),
  };
}

/** Reads and validates `tracingAdoption.*`; errors name the offending key. */
export function readSettings(rootConfig: Config): TracingAdoptionSettings {
  const config = rootConfig.getOptionalConfig('tracingAdoption');
  const receiver = config?.getOptionalConfig('receiver');
  const sampling = config?.getOptionalConfig('sampling');
  const analysis = config?.getOptionalConfig('analysis');
  const rollout = config?.getOptionalConfig('rollout');
  const alerts = config?.getOptionalConfig('alerts');
  const seenIds = new Set<string>(['otlp-receiver']);

  return {
    catalogSyncSchedule: schedule(config, 'catalogSync.schedule', {
      frequency: { minutes: 10 },
      timeout: { minutes: 5 },
      initialDelay: { seconds: 10 },
    }),
    rollout: {
      definitions: rollout?.getOptionalString('definitions'),
      definitionsSchedule: schedule(rollout, 'definitionsSchedule', {
        frequency: { minutes: 5 },
        timeout: { minutes: 2 },
        initialDelay: { seconds: 5 },
      }),
      // hourly, so a day's row exists even when replicas restart often; each
      // run overwrites the day's figures
      snapshotSchedule: schedule(rollout, 'snapshotSchedule', {
        frequency: { hours: 1 },
        timeout: { minutes: 10 },
        initialDelay: { minutes: 1 },
      }),
    },
    capacity: {
      safetyFactor: numberInRange(
        config?.getOptionalConfig('capacity'),
        'safetyFactor',
        1.5,
        { min: 1, max: 100 },
        'tracingAdoption.capacity',
      ),
    },
    alerts: {
      enabled: alerts?.getOptionalBoolean('enabled') ?? true,
      complianceThreshold: numberInRange(
        alerts,
        'complianceThreshold',
        0.8,
        { min: 0, max: 1 },
        'tracingAdoption.alerts',
      ),
    },
    receiver: {
      enabled: receiver?.getOptionalBoolean('enabled') ?? true,
      maxPendingSpans: positiveInteger(
        receiver,
        'maxPendingSpans',
        200_000,
        'tracingAdoption.receiver',
      ),
      maxBodyBytes: positiveInteger(
        receiver,
        'maxBodyBytes',
        16 * 1024 * 1024,
        'tracingAdoption.receiver',
      ),
      retryAfterSeconds: positiveInteger(
        receiver,
        'retryAfterSeconds',
        5,
        'tracingAdoption.receiver',
      ),
    },
    sampling: {
      windowMs: durationMs(sampling, 'window', { minutes: 15 }),
      tracesPerOperation: positiveInteger(
        sampling,
        'tracesPerOperation',
        10,
        'tracingAdoption.sampling',
      ),
      settleDelayMs: durationMs(sampling, 'settleDelay', { seconds: 20 }),
      retentionMs: durationMs(sampling, 'retention', { hours: 6 }),
      schedule: schedule(sampling, 'schedule', {
        frequency: { seconds: 30 },
        timeout: { minutes: 2 },
      }),
    },
    analysis: {
      lookbackMs: durationMs(analysis, 'lookback', { hours: 1 }),
      staleAfterMs: durationMs(analysis, 'staleAfter', { minutes: 30 }),
      flowIdAttributes:
        analysis?.getOptionalStringArray('flowIdAttributes') ??
        DEFAULT_FLOW_ID_ATTRIBUTES,
      schedule: schedule(analysis, 'schedule', {
        frequency: { minutes: 1 },
        timeout: { minutes: 5 },
        initialDelay: { seconds: 20 },
      }),
    },
    scanning: readScanning(config?.getOptionalConfig('scanning')),
    traceSources: (config?.getOptionalConfigArray('traceSources') ?? []).map(
      (source, index) => readTraceSource(source, index, seenIds),
    ),
  };
}
