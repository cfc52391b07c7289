/**
 * Oldest accepted OpenTelemetry releases: the lines current in the second
 * half of 2023 (JS SDK 1.15 / experimental 0.41, Python 1.20 / 0.41b0, Go
 * 1.20 / contrib 0.45, Java 1.32, .NET 1.6, Rust 0.21). Older releases, such
 * as the 2021 JS SDK 1.0 / 0.27 line, are flagged for an upgrade.
 *
 * Keys are library names as findings report them, optionally qualified by
 * ecosystem (`nuget:OpenTelemetry`) where a name means different packages in
 * different ecosystems.
 */
// prettier-ignore
export const DEFAULT_MINIMUM_VERSIONS: Record<string, string> = {
  '@opentelemetry/api': '1.4.0',
  '@opentelemetry/core': '1.15.0',
  '@opentelemetry/resources': '1.15.0',
  '@opentelemetry/semantic-conventions': '1.15.0',
  '@opentelemetry/sdk-trace-*': '1.15.0',
  '@opentelemetry/sdk-node': '0.41.0',
  '@opentelemetry/exporter-trace-otlp-*': '0.41.0',
  '@opentelemetry/instrumentation': '0.41.0',
  '@opentelemetry/instrumentation-*': '0.32.0',
  '@opentelemetry/auto-instrumentations-node': '0.38.0',
  'pypi:opentelemetry-api': '1.20.0',
  'pypi:opentelemetry-sdk': '1.20.0',
  'pypi:opentelemetry-exporter-otlp*': '1.20.0',
  'pypi:opentelemetry-distro': '0.41b0',
  'pypi:opentelemetry-instrumentation*': '0.41b0',
  'go.opentelemetry.io/otel': '1.20.0',
  'go.opentelemetry.io/otel/sdk': '1.20.0',
  'go.opentelemetry.io/otel/exporters/*': '1.20.0',
  'go.opentelemetry.io/contrib/*': '0.45.0',
  'io.opentelemetry:*': '1.32.0',
  'io.opentelemetry.instrumentation:*': '1.32.0-alpha',
  'io.opentelemetry.javaagent:*': '1.32.0',
  'opentelemetry-javaagent': '1.32.0',
  'nuget:OpenTelemetry': '1.6.0',
  'nuget:OpenTelemetry.Extensions.Hosting': '1.6.0',
  'nuget:OpenTelemetry.Exporter.*': '1.6.0',
  'nuget:OpenTelemetry.Instrumentation.*': '1.0.0-rc9.14',
  'cargo:opentelemetry': '0.21.0',
  'cargo:opentelemetry_sdk': '0.21.0',
  'cargo:opentelemetry-otlp': '0.14.0',
  'cargo:tracing-opentelemetry': '0.22.0',
  'rubygems:opentelemetry-sdk': '1.3.0',
  'rubygems:opentelemetry-api': '1.2.0',
  'composer:open-telemetry/sdk': '1.0.0',
};
