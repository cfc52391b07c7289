import {
  dedent,
  findingFor,
  librariesOf,
  scanFiles,
  serviceAt,
} from './__testUtils__/repository';

describe('Gradle builds', () => {
  const multiModuleKotlinBuild = {
    'settings.gradle.kts': dedent(`
      // Shop checkout: one deployable built from three projects.
      rootProject.name = "checkout"
      include(
          ":service",   // the Spring Boot app
          ":lib:tracing",
      )
      /* include(":legacy") was removed in 2023 */
    `),
    'build.gradle.kts': dedent(`
      plugins { java }
      val braveVersion = "5.18.1"
      subprojects {
          repositories { mavenCentral() }
      }
    `),
    'gradle.properties': dedent(`
      # versions shared by all projects
      reporterVersion=3.4.0
    `),
    'gradle/libs.versions.toml': dedent(`
      [versions]
      otel = "1.28.0" # too old for the rollout
      otelInstrumentation = { strictly = "1.28.0-alpha" }

      [libraries]
      otel-api = { module = "io.opentelemetry:opentelemetry-api", version.ref = "otel" }
      otel-sdk = { group = "io.opentelemetry", name = "opentelemetry-sdk", version.ref = "otel" }
      otel_sdk_testing = "io.opentelemetry:opentelemetry-sdk-testing:1.28.0"
      otel-instrumentation-annotations = { module = "io.opentelemetry.instrumentation:opentelemetry-instrumentation-annotations", version.ref = "otelInstrumentation" }
      spring-web = { module = "org.springframework:spring-web", version = "6.1.0" }

      [bundles]
      otel = ["otel-api", "otel-sdk"]
    `),
    'lib/tracing/build.gradle.kts': dedent(`
      plugins { \`java-library\` }
      dependencies {
          api(libs.otel.api)
          implementation(libs.bundles.otel) // API and SDK
          implementation(libs.otel.instrumentation.annotations)
          // implementation("io.opentracing:opentracing-api:0.33.0")
          /*
          implementation("io.jaegertracing:jaeger-client:1.8.1")
          */
          testImplementation(libs.otel.sdk.testing)
      }
    `),
    'service/build.gradle.kts': dedent(`
      dependencies {
          implementation(project(":lib:tracing"))
          implementation("io.zipkin.brave:brave:$braveVersion")
          implementation("io.zipkin.reporter2:zipkin-reporter-brave:\${reporterVersion}")
          implementation(libs.spring.web)
          "runtimeOnly"("io.opentelemetry:opentelemetry-exporter-otlp") { exclude(group = "com.squareup.okhttp3") }
      }
      buildscript {
          dependencies { classpath("io.opentelemetry:opentelemetry-gradle-plugin:1.0.0") }
      }
    `),
    'service/Dockerfile': 'FROM eclipse-temurin:21-jre\n',
    'service/src/main/java/shop/App.java': 'class App {}\n',
  };

  it('makes a multi-module build one service directory at its root', () => {
    const result = scanFiles(multiModuleKotlinBuild);
    expect(result.serviceDirectories.map(service => service.path)).toEqual([
      '',
    ]);
    expect(result.problems).toEqual([]);
    expect(serviceAt(result, '').manifests.map(file => file.path)).toEqual([
      'build.gradle.kts',
      'gradle.properties',
      'gradle/libs.versions.toml',
      'lib/tracing/build.gradle.kts',
      'service/Dockerfile',
      'service/build.gradle.kts',
      'settings.gradle.kts',
    ]);
  });

  it('reads catalog accessors, bundles, variables and properties, and skips comments and buildscript', () => {
    const service = serviceAt(scanFiles(multiModuleKotlinBuild), '');
    expect(librariesOf(service)).toEqual([
      'io.opentelemetry.instrumentation:opentelemetry-instrumentation-annotations',
      'io.opentelemetry:opentelemetry-api',
      'io.opentelemetry:opentelemetry-api',
      'io.opentelemetry:opentelemetry-exporter-otlp',
      'io.opentelemetry:opentelemetry-sdk',
      'io.opentelemetry:opentelemetry-sdk-testing',
      'io.zipkin.brave:brave',
      'io.zipkin.reporter2:zipkin-reporter-brave',
    ]);
    expect(
      findingFor(service, 'io.opentelemetry:opentelemetry-sdk'),
    ).toMatchObject({
      kind: 'otel-sdk',
      ecosystem: 'maven',
      version: '1.28.0',
      declared: '1.28.0',
      how: 'manifest',
      evidence: { path: 'lib/tracing/build.gradle.kts', line: 4 },
      outdated: { minimum: '1.32.0' },
    });
    expect(
      findingFor(
        service,
        'io.opentelemetry.instrumentation:opentelemetry-instrumentation-annotations',
      ),
    ).toMatchObject({
      version: '1.28.0-alpha',
      outdated: { minimum: '1.32.0-alpha' },
    });
    expect(findingFor(service, 'io.zipkin.brave:brave')).toMatchObject({
      kind: 'zipkin',
      version: '5.18.1',
      declared: '$braveVersion',
    });
    expect(
      findingFor(service, 'io.zipkin.reporter2:zipkin-reporter-brave'),
    ).toMatchObject({
      version: '3.4.0',
    });
    expect(
      findingFor(service, 'io.opentelemetry:opentelemetry-exporter-otlp'),
    ).not.toHaveProperty('version');
    expect(
      findingFor(service, 'io.opentelemetry:opentelemetry-sdk-testing'),
    ).toMatchObject({
      developmentOnly: true,
    });
    expect(service.summary).toEqual({
      instrumentation: 'opentelemetry',
      outdated: true,
    });
  });

  it('reads Groovy DSL dependency notations', () => {
    const service = serviceAt(
      scanFiles({
        'build.gradle': dedent(`
          ext {
              otelVersion = '1.40.0'
          }
          def ddVersion = "1.38.1"
          dependencies {
              implementation 'io.opentelemetry:opentelemetry-api:' + otelVersion // concatenated: no version
              implementation group: 'com.datadoghq', name: 'dd-trace-api', version: ddVersion
              implementation "io.opentelemetry:opentelemetry-sdk:\${otelVersion}"
              implementation platform("io.opentelemetry:opentelemetry-bom:$otelVersion")
          }
        `),
      }),
      '',
    );
    expect(librariesOf(service)).toEqual([
      'com.datadoghq:dd-trace-api',
      'io.opentelemetry:opentelemetry-api',
      'io.opentelemetry:opentelemetry-bom',
      'io.opentelemetry:opentelemetry-sdk',
    ]);
    expect(
      findingFor(service, 'io.opentelemetry:opentelemetry-sdk')?.version,
    ).toBe('1.40.0');
    expect(
      findingFor(service, 'io.opentelemetry:opentelemetry-bom')?.version,
    ).toBe('1.40.0');
    expect(findingFor(service, 'com.datadoghq:dd-trace-api')).toMatchObject({
      kind: 'vendor-apm',
      vendor: 'datadog',
    });
  });

  it('keeps builds that are not included by a settings script apart', () => {
    const result = scanFiles({
      'settings.gradle': "include 'api'\n",
      'build.gradle': '',
      'api/build.gradle': '',
      'tools/generator/build.gradle': '',
    });
    expect(result.serviceDirectories.map(service => service.path)).toEqual([
      '',
      'tools/generator',
    ]);
  });
});

describe('Maven builds', () => {
  const parentWithModules = {
    'pom.xml': dedent(`
      <?xml version="1.0" encoding="UTF-8"?>
      <!-- Aggregator and parent of the payment modules -->
      <project xmlns="http://maven.apache.org/POM/4.0.0">
        <modelVersion>4.0.0</modelVersion>
        <groupId>com.shop</groupId>
        <artifactId>payments-parent</artifactId>
        <version>3.1.0</version>
        <packaging>pom</packaging>
        <modules>
          <module>payments-core</module>
          <!-- <module>payments-legacy</module> -->
          <module>payments-api/pom.xml</module>
        </modules>
        <properties>
          <otel.version>1.28.0</otel.version>
          <otel.bom.version>\${otel.version}</otel.bom.version>
        </properties>
        <dependencyManagement>
          <dependencies>
            <dependency>
              <groupId>io.opentelemetry</groupId>
              <artifactId>opentelemetry-bom</artifactId>
              <version>\${otel.bom.version}</version>
              <type>pom</type>
              <scope>import</scope>
            </dependency>
            <dependency>
              <groupId>io.opentelemetry</groupId>
              <artifactId>opentelemetry-api</artifactId>
              <version>\${otel.version}</version>
            </dependency>
          </dependencies>
        </dependencyManagement>
      </project>
    `),
    'payments-core/pom.xml': dedent(`
      <project>
        <parent>
          <groupId>com.shop</groupId>
          <artifactId>payments-parent</artifactId>
          <version>3.1.0</version>
        </parent>
        <artifactId>payments-core</artifactId>
        <properties><otel.version>1.33.0</otel.version></properties>
        <dependencies>
          <!-- managed version, from the parent's dependencyManagement -->
          <dependency>
            <groupId>io.opentelemetry</groupId>
            <artifactId>opentelemetry-api</artifactId>
          </dependency>
          <dependency>
            <groupId>io.opentracing</groupId>
            <artifactId>opentracing-mock</artifactId>
            <version>0.33.0</version>
            <scope>test</scope>
          </dependency>
        </dependencies>
      </project>
    `),
    'payments-api/pom.xml': dedent(`
      <project>
        <parent>
          <groupId>com.shop</groupId>
          <artifactId>payments-parent</artifactId>
          <version>3.1.0</version>
          <relativePath>../pom.xml</relativePath>
        </parent>
        <artifactId>payments-api</artifactId>
        <dependencies>
          <dependency>
            <groupId>io.opentelemetry</groupId>
            <artifactId>opentelemetry-sdk</artifactId>
            <version>\${otel.version}</version>
          </dependency>
          <dependency>
            <groupId>com.shop</groupId>
            <artifactId>payments-core</artifactId>
            <version>\${project.version}</version>
          </dependency>
        </dependencies>
      </project>
    `),
    'payments-legacy/pom.xml':
      '<project><artifactId>legacy</artifactId></project>',
  };

  it('folds <modules> into the aggregator and keeps other POMs apart', () => {
    const result = scanFiles(parentWithModules);
    expect(result.serviceDirectories.map(service => service.path)).toEqual([
      '',
      'payments-legacy',
    ]);
    expect(result.problems).toEqual([]);
  });

  it('resolves versions through parent properties and dependencyManagement', () => {
    const service = serviceAt(scanFiles(parentWithModules), '');
    expect(librariesOf(service)).toEqual([
      'io.opentelemetry:opentelemetry-api',
      'io.opentelemetry:opentelemetry-sdk',
      'io.opentracing:opentracing-mock',
    ]);
    // The child's own property wins over the parent's, as in Maven's effective POM.
    expect(
      findingFor(service, 'io.opentelemetry:opentelemetry-api'),
    ).toMatchObject({
      version: '1.33.0',
      declared: '${otel.version}',
      evidence: { path: 'payments-core/pom.xml', line: 13 },
    });
    expect(
      findingFor(service, 'io.opentelemetry:opentelemetry-api'),
    ).not.toHaveProperty('outdated');
    expect(
      findingFor(service, 'io.opentelemetry:opentelemetry-sdk'),
    ).toMatchObject({
      version: '1.28.0',
      declared: '${otel.version}',
      outdated: { minimum: '1.32.0' },
    });
    expect(
      findingFor(service, 'io.opentracing:opentracing-mock'),
    ).toMatchObject({
      developmentOnly: true,
    });
    expect(service.summary).toEqual({
      instrumentation: 'opentelemetry',
      outdated: true,
    });
  });
});
