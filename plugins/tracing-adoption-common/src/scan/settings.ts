import type { ScanEcosystem, ScanFindingKind } from './types';

/**
 * Recognises a tracing library by package name. The first matching rule of
 * the table wins, so specific names go before wildcards.
 *
 * @public
 */
export interface DetectionLibraryRule {
  ecosystem: ScanEcosystem;
  /**
   * Package name; `*` matches any run of characters. Maven names are
   * `group:artifact`. Compared after the ecosystem's own name normalisation:
   * PyPI lower case with `_` and `.` as `-`, Cargo with `_` as `-`, NuGet
   * and Composer lower case.
   */
  name: string;
  kind: ScanFindingKind;
  /** APM vendor, for `vendor-apm` rules. */
  vendor?: string;
  /**
   * Not reported when only pulled in transitively: modules that every SDK or
   * exporter depends on, which would only repeat what their dependants show.
   */
  omitWhenTransitive?: boolean;
  /** In overrides: removes the rule with the same ecosystem and name. */
  disabled?: boolean;
}

/**
 * Recognises instrumentation attached at runtime, outside the manifests.
 *
 * @public
 */
export interface DetectionAttachmentRule {
  /**
   * - `java-agent`: `pattern` matches agent jar paths, both in `-javaagent:`
   *   flags and in files a Dockerfile adds, copies or downloads;
   * - `launcher`: `pattern` is a command that wraps the service's start
   *   command (`ddtrace-run gunicorn ...`);
   * - `profiler`: `pattern` is a CLR profiler id set in `CORECLR_PROFILER` or
   *   `COR_PROFILER`;
   * - `annotation`: `pattern` is a Kubernetes annotation that makes an
   *   operator inject the instrumentation (any value but `false`).
   *
   * Patterns are case-insensitive; `*` matches any run of characters.
   * Node.js preloads (`--require`, `--import`, `NODE_OPTIONS`) need no rule:
   * the preloaded package is looked up in the library table.
   */
  via: 'java-agent' | 'launcher' | 'profiler' | 'annotation';
  pattern: string;
  library: string;
  ecosystem: ScanEcosystem;
  kind: ScanFindingKind;
  vendor?: string;
  /** In overrides: removes the rule with the same `via` and pattern. */
  disabled?: boolean;
}

/**
 * Recognises tracer configuration in environment variables.
 *
 * @public
 */
export interface DetectionEnvironmentRule {
  /** Variable name; `*` matches any run of characters. The first matching rule wins. */
  name: string;
  /** OpenTelemetry variables use `otel-sdk`; they become `otel-auto` where an agent or launcher is attached. */
  kind: ScanFindingKind;
  vendor?: string;
  /**
   * `value`: the variable holds the service name; `resource-attributes`: it
   * holds `service.name=...` among comma-separated resource attributes.
   */
  serviceName?: 'value' | 'resource-attributes';
  /** In overrides: removes the rule with the same name. */
  disabled?: boolean;
}

/**
 * Recognises a tracing library imported in source code.
 *
 * @public
 */
export interface DetectionCodeImportRule {
  /** File extensions (with the dot) the rule applies to. */
  extensions: string[];
  /** Regular expression source, matched against each line with comments removed. */
  pattern: string;
  library: string;
  ecosystem: ScanEcosystem;
  kind: ScanFindingKind;
  /** In overrides: removes the rule with the same pattern. */
  disabled?: boolean;
}

/**
 * Everything that decides what a repository scan recognises. Plain data, so
 * that app-config or a command line can add to or replace each table (see
 * `mergeDetectionSettings`).
 *
 * @public
 */
export interface DetectionSettings {
  /** Tracing libraries by ecosystem and package name. */
  libraries: DetectionLibraryRule[];
  /** Package names of the organisation's own tracer, in any ecosystem; `*` wildcards allowed. */
  orgTracerLibraries: string[];
  /**
   * Oldest acceptable version per library name as reported in findings
   * (`*` wildcards allowed; an exact name wins over a pattern).
   */
  minimumVersions: Record<string, string>;
  /** Agents, launchers, profilers and operator annotations. */
  attachments: DetectionAttachmentRule[];
  /** Tracer configuration variables. */
  environmentVariables: DetectionEnvironmentRule[];
  /** Tracing imports looked for in source files (OpenTracing by default). */
  codeImports: DetectionCodeImportRule[];
  /** Legacy correlation headers looked for in source files, case-insensitively. */
  flowIdHeaders: string[];
  /** Extensions (with the dot) of source files read for flow ids and imports. */
  sourceExtensions: string[];
  /** Most source files read per repository; the most promising ones are read first. */
  maxSourceFiles: number;
  /** Directory names never entered (dependencies, build output, VCS data). */
  ignoredDirectories: string[];
  /** Directory names whose YAML files are read as Kubernetes, Helm or compose deployment files. */
  deploymentDirectories: string[];
}
