/**
 * Results of a repository scan. Every type here is plain JSON: no class
 * instances, maps or `undefined` values, so results can be stored and sent
 * over the API as they are.
 *
 * All paths are relative to the repository root and use `/` separators.
 */

/**
 * Package ecosystem a library belongs to.
 *
 * @public
 */
export type ScanEcosystem =
  | 'npm'
  | 'pypi'
  | 'maven'
  | 'go'
  | 'nuget'
  | 'cargo'
  | 'rubygems'
  | 'composer';

/**
 * What a finding shows about a service's tracing:
 *
 * - `otel-sdk`: OpenTelemetry API/SDK, exporters or instrumentations set up by
 *   the service's own code.
 * - `otel-auto`: OpenTelemetry driven from outside the code (Java agent,
 *   `opentelemetry-instrument`, `NODE_OPTIONS` preload, .NET profiler,
 *   operator injection). OpenTelemetry findings of a service directory that
 *   has such an attachment are all `otel-auto`.
 * - `opentracing`: OpenTracing API or a tracer implementing it (Jaeger
 *   clients, Lightstep).
 * - `zipkin`: Zipkin / Brave.
 * - `vendor-apm`: a vendor's APM agent (Datadog, New Relic, Elastic, ...).
 * - `org-tracer`: the organisation's own self-configuring tracer library.
 *
 * @public
 */
export type ScanFindingKind =
  | 'otel-sdk'
  | 'otel-auto'
  | 'opentracing'
  | 'zipkin'
  | 'vendor-apm'
  | 'org-tracer';

/**
 * Where a finding comes from:
 *
 * - `manifest`: a dependency declared in a build or package manifest.
 * - `lockfile`: a package only present in a lockfile (pulled in by another
 *   dependency).
 * - `agent`: an agent installed or attached in a Dockerfile, Kubernetes or
 *   compose file (`ADD ...agent.jar`, `-javaagent:` on the command line,
 *   operator injection annotations).
 * - `launcher`: a wrapper command that starts the service instrumented
 *   (`opentelemetry-instrument`, `ddtrace-run`, `node --require ...`).
 * - `env`: environment variables only: tracer configuration, or an agent
 *   attached by a variable such as `JAVA_TOOL_OPTIONS` or `NODE_OPTIONS`.
 * - `code`: an import in source code of a library no manifest declares.
 *
 * @public
 */
export type ScanFindingSource =
  | 'manifest'
  | 'lockfile'
  | 'agent'
  | 'launcher'
  | 'env'
  | 'code';

/**
 * The strongest instrumentation of a service directory. From strongest to
 * weakest:
 *
 * 1. `org-tracer`: the organisation's self-configuring tracer (it wraps
 *    OpenTelemetry and adds the organisation's conventions);
 * 2. `opentelemetry`: OpenTelemetry SDK or auto-instrumentation;
 * 3. `zipkin`: Zipkin / Brave, maintained and bridgeable through B3;
 * 4. `opentracing`: OpenTracing / Jaeger clients, which are retired;
 * 5. `vendor-apm`: spans go to a vendor's backend, not the organisation's
 *    trace backend;
 * 6. `none`.
 *
 * @public
 */
export type ScanInstrumentation =
  | 'org-tracer'
  | 'opentelemetry'
  | 'zipkin'
  | 'opentracing'
  | 'vendor-apm'
  | 'none';

/**
 * The place in a file that proves a finding.
 *
 * @public
 */
export interface ScanEvidence {
  /** File, relative to the repository root. */
  path: string;
  /** 1-based line, where the file format gives one. */
  line?: number;
  /** The entry as written, e.g. `"io.zipkin.brave:brave:6.0.3"` or an `ENV` assignment. */
  entry?: string;
}

/**
 * One piece of tracing instrumentation found in a repository.
 *
 * @public
 */
export interface ScanFinding {
  kind: ScanFindingKind;
  /** Package, artifact (`group:artifact`), module, agent or launcher; null for configuration-only environment variables. */
  library: string | null;
  /** Null for configuration-only environment variables. */
  ecosystem: ScanEcosystem | null;
  /** Exact version: from a lockfile, an exact pin, or a downloaded agent's URL. */
  version?: string;
  /** Version or range as written in the manifest. */
  declared?: string;
  how: ScanFindingSource;
  evidence: ScanEvidence;
  /** Set when the version (or the lowest version the declared range allows) is below the configured minimum. */
  outdated?: { minimum: string };
  /** False for transitive dependencies (Go `// indirect` requirements, lockfile-only packages). */
  direct?: false;
  /** True when declared for development or tests only; such findings do not count for the summary. */
  developmentOnly?: true;
  /** APM vendor, for `vendor-apm` findings (e.g. `datadog`). */
  vendor?: string;
  /** Environment variables behind an `env` finding, in file order. */
  variables?: string[];
  /** `service.name` set by the variables of an `env` finding. */
  serviceName?: string;
}

/**
 * A file the scan read to learn about a service directory.
 *
 * @public
 */
export interface ScannedFile {
  path: string;
  /** File format, e.g. `package.json`, `pom.xml`, `dockerfile`, `kubernetes`. */
  type: string;
  /** `manifest`: build or package definition; `lockfile`: resolved versions; `deployment`: Dockerfile, Kubernetes, compose, Procfile. */
  role: 'manifest' | 'lockfile' | 'deployment';
  parsed: boolean;
  /** Why the file could not be parsed, naming the file. */
  problem?: string;
}

/**
 * A legacy flow-id header used in source code.
 *
 * @public
 */
export interface FlowIdPropagationEvidence {
  /** Header name as configured, e.g. `X-Flow-ID`. */
  header: string;
  /** First place in the file: the header as a string literal, or a reference to a constant holding it. */
  evidence: ScanEvidence;
}

/**
 * One deployable unit of a repository: the repository itself, or one service
 * of a monorepo.
 *
 * @public
 */
export interface ServiceDirectoryScan {
  /** Directory relative to the repository root; `''` for the root. */
  path: string;
  /** Languages of the source files in the directory (e.g. `java`, `typescript`), else of its manifests. */
  languages: string[];
  /** Manifests, lockfiles and deployment files belonging to this directory. */
  manifests: ScannedFile[];
  findings: ScanFinding[];
  flowIdPropagation: FlowIdPropagationEvidence[];
  summary: {
    /** Strongest instrumentation of the non-development findings that name a library. */
    instrumentation: ScanInstrumentation;
    /** Whether any finding is below its minimum version. */
    outdated: boolean;
  };
}

/**
 * Something the scan could not read or understand. Scans never fail on bad
 * input; they report it here.
 *
 * @public
 */
export interface ScanProblem {
  path: string;
  message: string;
}

/**
 * Everything a repository scan found.
 *
 * @public
 */
export interface RepositoryScanResult {
  serviceDirectories: ServiceDirectoryScan[];
  /** Files whose content was used. */
  filesRead: number;
  problems: ScanProblem[];
}
