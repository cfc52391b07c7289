import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Configuration of the Tracing Adoption plugin. */
  tracingAdoption?: {
    catalogSync?: {
      /**
       * How often the catalog mirror (services, teams, systems) is refreshed.
       * Defaults to every 10 minutes, timing out after 5, first run after 10 seconds.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };

    /**
     * Read by the permission policy of packages/backend: permissions only
     * the listed users and groups hold; every other permission is allowed.
     */
    accessControl?: Array<{
      /** Permission names, e.g. `tracing-adoption.waiver.manage`. */
      permissions: string[];
      /** User or group entity refs. */
      allow: string[];
    }>;

    /** Critical operations, campaigns and their history. */
    rollout?: {
      /**
       * YAML file (path relative to the backend's working directory, or an
       * http(s) URL read through the integrations) declaring operations and
       * campaigns as code. Declared definitions are read-only in the portal.
       */
      definitions?: string;
      /** How often the definitions file is re-read. Defaults to every 5 minutes. */
      definitionsSchedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** How often today's burn-up snapshot is written. Defaults to hourly. */
      snapshotSchedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };

    /** Capacity targets served at `/capacity` and `/capacity.csv`. */
    capacity?: {
      /**
       * Multiplies each service's expected peak load into its target when a
       * request names no safetyFactor; from 1 to 100. Default 1.5.
       */
      safetyFactor?: number;
    };

    /** Notifications to the owners when the rollout regresses. */
    alerts?: {
      /** Default true. */
      enabled?: boolean;
      /**
       * Share of the 0–100 convention compliance score (0.8 means 80) below
       * which a team that was at or above it is alerted; from 0 to 1. Default 0.8.
       */
      complianceThreshold?: number;
    };

    /** The built-in OTLP/HTTP receiver at `/api/tracing-adoption/v1/traces`. */
    receiver?: {
      /** Defaults to true. */
      enabled?: boolean;
      /** Spans waiting for assembly above which exports get 503 with Retry-After. Default 200000. */
      maxPendingSpans?: number;
      /** Largest request body in bytes. Default 16 MiB. */
      maxBodyBytes?: number;
      /** Seconds clients are told to wait when the receiver is full. Default 5. */
      retryAfterSeconds?: number;
    };

    /** How received and pulled traces are kept: a bounded sample per operation and window. */
    sampling?: {
      /** Length of a sampling window. Default 15 minutes. */
      window?: HumanDuration | string;
      /** Traces kept per operation (root service and root span name) and window. Default 10. */
      tracesPerOperation?: number;
      /** A pushed trace is assembled once none of its spans arrived for this long. Default 20 seconds. */
      settleDelay?: HumanDuration | string;
      /** Samples older than this are deleted. Default 6 hours. */
      retention?: HumanDuration | string;
      /** Default every 30 seconds. */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };

    /** The per-operation analysis job. */
    analysis?: {
      /** Sampled traces of this period are analysed. Default 1 hour. */
      lookback?: HumanDuration | string;
      /** A source whose last successful read is older than this is stale. Default 30 minutes. */
      staleAfter?: HumanDuration | string;
      /** Span attributes carrying a legacy flow id (e.g. the X-Flow-ID header). */
      flowIdAttributes?: string[];
      /** Default every minute. */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };

    /** Semantic-convention compliance of the sampled spans. */
    compliance?: {
      /**
       * Rule packs to check: `builtin:opentelemetry`, `builtin:opentracing`, file paths
       * (relative to the backend's working directory) or URLs. Default: both built-in packs.
       */
      packs?: string[];
    };

    stories?: {
      /** Directory of story YAML files published at start (idempotent by slug), e.g. the demo's. */
      demoDirectory?: string;
      /**
       * Notify the owners of the entities a story mentions when it is published (created as
       * published, or a draft published), through the notifications backend. Default true.
       */
      notifyOnPublish?: boolean;
    };

    /** Repository scanning: which services carry which tracing instrumentation. */
    scanning?: {
      /** Repositories scanned at once. Default 4. */
      concurrency?: number;
      /** A finished scan cycle is followed by a new one after this long. Default 12 hours. */
      rescanInterval?: HumanDuration | string;
      /** GitHub rate limits that reset sooner are waited out; longer ones pause the cycle until the reset. Default 60 seconds. */
      maxRateLimitWait?: HumanDuration | string;
      /** Organisations whose every (non-archived) repository is scanned too: `org` on github.com, or `host/org`. */
      organizations?: string[];
      /** Scan checkouts on disk instead of a source host: `<path>/<repository name>` for repositories of `owner` on `host`. */
      localDirectory?: { path: string; owner: string; host?: string };
      /** Adds to or replaces the detection tables: organisation tracer libraries, flow-id headers, minimum versions, libraries. */
      detection?: { [key: string]: unknown };
      /** Default every 10 minutes, timing out after 30. */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };

    /** Trace backends to pull sampled traces from. */
    traceSources?: Array<{
      /** Unique id; names the source in statuses, errors and links. */
      id: string;
      type: 'jaeger' | 'zipkin' | 'tempo' | 'otlp-file';
      /** Query API base URL (jaeger, zipkin, tempo). */
      baseUrl?: string;
      /** Jaeger only: `v1` (/api/traces, default) or `v3` (/api/v3/traces). */
      apiVersion?: 'v1' | 'v3';
      /**
       * Extra request headers, e.g. Authorization.
       * @visibility secret
       */
      headers?: { [name: string]: string };
      /** Directory of OTLP JSON / JSON-lines / protobuf exports (otlp-file). */
      directory?: string;
      /** otlp-file only: larger files are skipped and reported. Default 256 MiB. */
      maxFileBytes?: number;
      /** Service names to read; the catalog's tracked services by default. */
      services?: string[];
      /** How far back each pull reads. Default 15 minutes. */
      lookback?: HumanDuration | string;
      /** Traces read per service and pull. Default 20. */
      limitPerService?: number;
      /** Per request. Default 10 seconds. */
      timeout?: HumanDuration | string;
      /** Retries on timeouts, network errors, 429 and 5xx. Default 2. */
      retries?: number;
      /** Requests in flight at once. Default 4. */
      concurrency?: number;
      /** Link to a trace in the backend's UI; `{traceId}` is replaced. */
      traceUrlTemplate?: string;
      /** Default every 5 minutes, timing out after 4. */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    }>;
  };
}
