import {
  dedent,
  findingFor,
  scanFiles,
  serviceAt,
} from './__testUtils__/repository';

describe('Dockerfiles', () => {
  it('finds an agent attached only by ENV, and ignores build stages', () => {
    const service = serviceAt(
      scanFiles({
        'pom.xml': '<project><artifactId>payments</artifactId></project>',
        Dockerfile: dedent(`
          # syntax=docker/dockerfile:1
          FROM maven:3.9 AS build
          # The builder's settings never reach the image:
          ENV OTEL_SERVICE_NAME=builder JAVA_TOOL_OPTIONS="-javaagent:/tmp/opentelemetry-javaagent.jar"
          RUN mvn package

          FROM eclipse-temurin:21-jre
          # ENV DD_TRACE_ENABLED=false
          ENV JAVA_TOOL_OPTIONS="-XX:+UseG1GC -javaagent:/opt/datadog/dd-java-agent.jar" \\
              DD_SERVICE=payments \\
              DD_ENV=production
          ENTRYPOINT ["java", "-jar", "/app/app.jar"]
        `),
      }),
      '',
    );
    expect(service.findings).toEqual([
      {
        kind: 'vendor-apm',
        library: 'dd-java-agent',
        ecosystem: 'maven',
        how: 'env',
        evidence: {
          path: 'Dockerfile',
          line: 9,
          entry:
            'ENV JAVA_TOOL_OPTIONS=-XX:+UseG1GC -javaagent:/opt/datadog/dd-java-agent.jar',
        },
        vendor: 'datadog',
        variables: ['JAVA_TOOL_OPTIONS'],
      },
      {
        kind: 'vendor-apm',
        library: null,
        ecosystem: null,
        how: 'env',
        evidence: { path: 'Dockerfile', line: 10 },
        vendor: 'datadog',
        variables: ['DD_SERVICE', 'DD_ENV'],
        serviceName: 'payments',
      },
    ]);
    expect(service.summary).toEqual({
      instrumentation: 'vendor-apm',
      outdated: false,
    });
  });

  it('finds downloaded agents with their version, launchers and preloads', () => {
    const result = scanFiles({
      'java/Dockerfile': dedent(`
        ARG AGENT_VERSION=1.29.0
        FROM eclipse-temurin:21-jre
        ARG AGENT_VERSION
        RUN curl -sSLo /otel/opentelemetry-javaagent.jar \\
            https://github.com/open-telemetry/opentelemetry-java-instrumentation/releases/download/v\${AGENT_VERSION}/opentelemetry-javaagent.jar
        CMD java -javaagent:/otel/opentelemetry-javaagent.jar -jar app.jar
      `),
      'python/Dockerfile': dedent(`
        FROM python:3.12
        CMD ["opentelemetry-instrument", "--traces_exporter", "otlp", "gunicorn", "app:app"]
      `),
      'node/Dockerfile': dedent(`
        FROM node:20
        CMD ["node", "--import", "@opentelemetry/auto-instrumentations-node/register", "--require", "./tracing.js", "server.js"]
      `),
    });
    const root = serviceAt(result, '');
    expect(findingFor(root, 'opentelemetry-javaagent')).toMatchObject({
      kind: 'otel-auto',
      how: 'agent',
      version: '1.29.0',
      evidence: { path: 'java/Dockerfile', line: 4 },
      outdated: { minimum: '1.32.0' },
    });
    expect(findingFor(root, 'opentelemetry-instrument')).toMatchObject({
      how: 'launcher',
      ecosystem: 'pypi',
      kind: 'otel-auto',
    });
    expect(
      findingFor(root, '@opentelemetry/auto-instrumentations-node/register'),
    ).toMatchObject({
      how: 'launcher',
      ecosystem: 'npm',
      kind: 'otel-auto',
    });
    expect(root.findings).toHaveLength(3);
  });
});

describe('Kubernetes, Helm and compose files', () => {
  it('reads every document of a multi-document manifest', () => {
    const service = serviceAt(
      scanFiles({
        'go.mod': 'module github.com/shop/inventory\n',
        'deploy/k8s/inventory.yaml': dedent(`
          # Inventory: Deployment, its config and its Service
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: inventory
          spec:
            template:
              metadata:
                annotations:
                  instrumentation.opentelemetry.io/inject-go: "true"
                  prometheus.io/scrape: "true"
              spec:
                containers:
                  - name: inventory
                    envFrom:
                      - configMapRef: { name: inventory-tracing }
                    env:
                      - name: OTEL_EXPORTER_OTLP_ENDPOINT
                        valueFrom:
                          configMapKeyRef: { name: collector, key: endpoint }
                      - name: LOG_LEVEL
                        value: info
          ---
          apiVersion: v1
          kind: ConfigMap
          metadata:
            name: inventory-tracing
          data:
            OTEL_SERVICE_NAME: inventory
            OTEL_TRACES_SAMPLER: parentbased_traceidratio
          ---
          apiVersion: v1
          kind: Service
          metadata:
            name: inventory
          spec:
            ports: [{ port: 80, targetPort: 8080 }]
        `),
      }),
      '',
    );
    expect(findingFor(service, 'go.opentelemetry.io/auto')).toMatchObject({
      kind: 'otel-auto',
      how: 'agent',
      ecosystem: 'go',
      evidence: { path: 'deploy/k8s/inventory.yaml', line: 10 },
    });
    expect(findingFor(service, null)).toMatchObject({
      kind: 'otel-auto',
      how: 'env',
      variables: [
        'OTEL_EXPORTER_OTLP_ENDPOINT',
        'OTEL_SERVICE_NAME',
        'OTEL_TRACES_SAMPLER',
      ],
      serviceName: 'inventory',
    });
  });

  it('reads Helm templates and compose environment lists and commands', () => {
    const result = scanFiles({
      'requirements.txt': 'flask==3.0.3\n',
      'charts/search/templates/deployment.yaml': dedent(`
        apiVersion: apps/v1
        kind: Deployment
        spec:
          template:
            spec:
              containers:
                - name: {{ .Chart.Name }}
                  command: ["ddtrace-run", "gunicorn", "app:app"]
                  env:
                    {{- if .Values.tracing.enabled }}
                    - name: DD_SERVICE
                      value: {{ .Values.serviceName | quote }}
                    {{- end }}
      `),
      'docker-compose.yml': dedent(`
        services:
          search:
            build: .
            environment:
              - OTEL_SERVICE_NAME=search-local
              - PYTHONUNBUFFERED=1
            command: opentelemetry-instrument python app.py
      `),
      Procfile: 'web: newrelic-admin run-program gunicorn app:app\n',
    });
    expect(result.problems).toEqual([]);
    const service = serviceAt(result, '');
    expect(findingFor(service, 'ddtrace-run')).toMatchObject({
      how: 'launcher',
      evidence: { path: 'charts/search/templates/deployment.yaml', line: 8 },
    });
    expect(
      service.findings.find(
        finding => finding.library === null && finding.vendor === 'datadog',
      ),
    ).toMatchObject({ variables: ['DD_SERVICE'] });
    expect(
      service.findings.find(
        finding =>
          finding.library === null &&
          finding.evidence.path === 'docker-compose.yml',
      ),
    ).toMatchObject({
      kind: 'otel-auto',
      variables: ['OTEL_SERVICE_NAME'],
      serviceName: 'search-local',
    });
    expect(findingFor(service, 'opentelemetry-instrument')).toMatchObject({
      how: 'launcher',
    });
    expect(findingFor(service, 'newrelic-admin')).toMatchObject({
      how: 'launcher',
      vendor: 'newrelic',
    });
    expect(service.manifests.map(file => [file.path, file.type])).toEqual([
      ['Procfile', 'procfile'],
      ['charts/search/templates/deployment.yaml', 'kubernetes'],
      ['docker-compose.yml', 'compose'],
      ['requirements.txt', 'requirements.txt'],
    ]);
  });

  it('attaches deployment files to the nearest service directory above them, or the root', () => {
    const result = scanFiles({
      'services/a/package.json': '{}',
      'services/a/deploy/deployment.yaml':
        'env:\n  - name: OTEL_SERVICE_NAME\n    value: a\n',
      'deploy/shared.yaml':
        'env:\n  - name: OTEL_SERVICE_NAME\n    value: shared\n',
    });
    expect(result.serviceDirectories.map(service => service.path)).toEqual([
      '',
      'services/a',
    ]);
    expect(serviceAt(result, 'services/a').findings[0]).toMatchObject({
      serviceName: 'a',
    });
    expect(serviceAt(result, '').findings[0]).toMatchObject({
      serviceName: 'shared',
    });
    expect(serviceAt(result, '').languages).toEqual([]);
  });
});
