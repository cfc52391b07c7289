import type {
  DetectionAttachmentRule,
  DetectionEnvironmentRule,
} from './settings';

/** Agents, launchers, CLR profilers and operator annotations. */
// prettier-ignore
export const DEFAULT_ATTACHMENT_RULES: DetectionAttachmentRule[] = [
  // Java agents, matched against jar paths.
  { via: 'java-agent', pattern: '*splunk-otel-javaagent*.jar', library: 'splunk-otel-javaagent', ecosystem: 'maven', kind: 'otel-auto' },
  { via: 'java-agent', pattern: '*aws-opentelemetry-agent*.jar', library: 'aws-opentelemetry-agent', ecosystem: 'maven', kind: 'otel-auto' },
  { via: 'java-agent', pattern: '*grafana-opentelemetry-java*.jar', library: 'grafana-opentelemetry-java', ecosystem: 'maven', kind: 'otel-auto' },
  { via: 'java-agent', pattern: '*opentelemetry-javaagent*.jar', library: 'opentelemetry-javaagent', ecosystem: 'maven', kind: 'otel-auto' },
  { via: 'java-agent', pattern: '*dd-java-agent*.jar', library: 'dd-java-agent', ecosystem: 'maven', kind: 'vendor-apm', vendor: 'datadog' },
  { via: 'java-agent', pattern: '*newrelic*.jar', library: 'newrelic-agent', ecosystem: 'maven', kind: 'vendor-apm', vendor: 'newrelic' },
  { via: 'java-agent', pattern: '*elastic-apm-agent*.jar', library: 'elastic-apm-agent', ecosystem: 'maven', kind: 'vendor-apm', vendor: 'elastic' },
  { via: 'java-agent', pattern: '*appdynamics*javaagent*.jar', library: 'appdynamics-java-agent', ecosystem: 'maven', kind: 'vendor-apm', vendor: 'appdynamics' },
  { via: 'java-agent', pattern: '*applicationinsights-agent*.jar', library: 'applicationinsights-agent', ecosystem: 'maven', kind: 'vendor-apm', vendor: 'azure-monitor' },
  { via: 'java-agent', pattern: '*skywalking-agent*.jar', library: 'skywalking-agent', ecosystem: 'maven', kind: 'vendor-apm', vendor: 'skywalking' },
  { via: 'java-agent', pattern: '*opentracing-specialagent*.jar', library: 'opentracing-specialagent', ecosystem: 'maven', kind: 'opentracing' },

  // Commands that start a service instrumented.
  { via: 'launcher', pattern: 'opentelemetry-instrument', library: 'opentelemetry-instrument', ecosystem: 'pypi', kind: 'otel-auto' },
  { via: 'launcher', pattern: 'splunk-py-trace', library: 'splunk-py-trace', ecosystem: 'pypi', kind: 'otel-auto' },
  { via: 'launcher', pattern: 'ddtrace-run', library: 'ddtrace-run', ecosystem: 'pypi', kind: 'vendor-apm', vendor: 'datadog' },
  { via: 'launcher', pattern: 'newrelic-admin', library: 'newrelic-admin', ecosystem: 'pypi', kind: 'vendor-apm', vendor: 'newrelic' },

  // .NET CLR profilers (CORECLR_PROFILER / COR_PROFILER).
  { via: 'profiler', pattern: '{918728DD-259F-4A6A-AC2B-B85E1B658318}', library: 'OpenTelemetry.AutoInstrumentation', ecosystem: 'nuget', kind: 'otel-auto' },
  { via: 'profiler', pattern: '{846F5F1C-F9AE-4B07-969E-05C26BC060D8}', library: 'Datadog.Trace.Bundle', ecosystem: 'nuget', kind: 'vendor-apm', vendor: 'datadog' },
  { via: 'profiler', pattern: '{36032161-FFC0-4B61-B559-F6C5D41BAE5A}', library: 'NewRelic.Agent', ecosystem: 'nuget', kind: 'vendor-apm', vendor: 'newrelic' },

  // Kubernetes operators that inject instrumentation into annotated pods.
  { via: 'annotation', pattern: 'instrumentation.opentelemetry.io/inject-java', library: 'opentelemetry-javaagent', ecosystem: 'maven', kind: 'otel-auto' },
  { via: 'annotation', pattern: 'instrumentation.opentelemetry.io/inject-nodejs', library: '@opentelemetry/auto-instrumentations-node', ecosystem: 'npm', kind: 'otel-auto' },
  { via: 'annotation', pattern: 'instrumentation.opentelemetry.io/inject-python', library: 'opentelemetry-distro', ecosystem: 'pypi', kind: 'otel-auto' },
  { via: 'annotation', pattern: 'instrumentation.opentelemetry.io/inject-dotnet', library: 'OpenTelemetry.AutoInstrumentation', ecosystem: 'nuget', kind: 'otel-auto' },
  { via: 'annotation', pattern: 'instrumentation.opentelemetry.io/inject-go', library: 'go.opentelemetry.io/auto', ecosystem: 'go', kind: 'otel-auto' },
  { via: 'annotation', pattern: 'admission.datadoghq.com/java-lib.version', library: 'dd-java-agent', ecosystem: 'maven', kind: 'vendor-apm', vendor: 'datadog' },
  { via: 'annotation', pattern: 'admission.datadoghq.com/js-lib.version', library: 'dd-trace', ecosystem: 'npm', kind: 'vendor-apm', vendor: 'datadog' },
  { via: 'annotation', pattern: 'admission.datadoghq.com/python-lib.version', library: 'ddtrace', ecosystem: 'pypi', kind: 'vendor-apm', vendor: 'datadog' },
  { via: 'annotation', pattern: 'admission.datadoghq.com/dotnet-lib.version', library: 'Datadog.Trace.Bundle', ecosystem: 'nuget', kind: 'vendor-apm', vendor: 'datadog' },
  { via: 'annotation', pattern: 'admission.datadoghq.com/ruby-lib.version', library: 'datadog', ecosystem: 'rubygems', kind: 'vendor-apm', vendor: 'datadog' },
  { via: 'annotation', pattern: 'instrumentation.newrelic.com/inject-java', library: 'newrelic-agent', ecosystem: 'maven', kind: 'vendor-apm', vendor: 'newrelic' },
  { via: 'annotation', pattern: 'instrumentation.newrelic.com/inject-nodejs', library: 'newrelic', ecosystem: 'npm', kind: 'vendor-apm', vendor: 'newrelic' },
  { via: 'annotation', pattern: 'instrumentation.newrelic.com/inject-python', library: 'newrelic', ecosystem: 'pypi', kind: 'vendor-apm', vendor: 'newrelic' },
];

/** Tracer configuration variables; specific names before the prefixes that would catch them. */
// prettier-ignore
export const DEFAULT_ENVIRONMENT_RULES: DetectionEnvironmentRule[] = [
  { name: 'OTEL_SERVICE_NAME', kind: 'otel-sdk', serviceName: 'value' },
  { name: 'OTEL_RESOURCE_ATTRIBUTES', kind: 'otel-sdk', serviceName: 'resource-attributes' },
  { name: 'OTEL_*', kind: 'otel-sdk' },
  { name: 'MANAGEMENT_OTLP_TRACING_*', kind: 'otel-sdk' },
  { name: 'JAEGER_SERVICE_NAME', kind: 'opentracing', serviceName: 'value' },
  { name: 'JAEGER_*', kind: 'opentracing' },
  { name: 'LIGHTSTEP_COMPONENT_NAME', kind: 'opentracing', serviceName: 'value' },
  { name: 'LIGHTSTEP_*', kind: 'opentracing' },
  { name: 'ZIPKIN_*', kind: 'zipkin' },
  { name: 'SPRING_ZIPKIN_*', kind: 'zipkin' },
  { name: 'MANAGEMENT_ZIPKIN_*', kind: 'zipkin' },
  { name: 'DD_SERVICE', kind: 'vendor-apm', vendor: 'datadog', serviceName: 'value' },
  { name: 'DD_*', kind: 'vendor-apm', vendor: 'datadog' },
  { name: 'NEW_RELIC_APP_NAME', kind: 'vendor-apm', vendor: 'newrelic', serviceName: 'value' },
  { name: 'NEW_RELIC_*', kind: 'vendor-apm', vendor: 'newrelic' },
  { name: 'ELASTIC_APM_SERVICE_NAME', kind: 'vendor-apm', vendor: 'elastic', serviceName: 'value' },
  { name: 'ELASTIC_APM_*', kind: 'vendor-apm', vendor: 'elastic' },
  { name: 'INSTANA_SERVICE_NAME', kind: 'vendor-apm', vendor: 'instana', serviceName: 'value' },
  { name: 'INSTANA_*', kind: 'vendor-apm', vendor: 'instana' },
  { name: 'APPDYNAMICS_*', kind: 'vendor-apm', vendor: 'appdynamics' },
  { name: 'DT_TENANT', kind: 'vendor-apm', vendor: 'dynatrace' },
  { name: 'DT_CONNECTION_POINT', kind: 'vendor-apm', vendor: 'dynatrace' },
  { name: 'AWS_XRAY_*', kind: 'vendor-apm', vendor: 'aws-xray' },
  { name: 'APPLICATIONINSIGHTS_*', kind: 'vendor-apm', vendor: 'azure-monitor' },
];
