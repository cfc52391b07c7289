import {
  dedent,
  findingFor,
  librariesOf,
  scanFiles,
  serviceAt,
} from './__testUtils__/repository';

describe('.NET solutions', () => {
  const solution = {
    'Shop.Orders.sln': dedent(`
      Microsoft Visual Studio Solution File, Format Version 12.00
      Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Orders.Api", "src\\Orders.Api\\Orders.Api.csproj", "{1}"
      EndProject
      Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Orders.Worker", "src\\Orders.Worker\\Orders.Worker.csproj", "{2}"
      EndProject
      Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Orders.Api.Tests", "tests\\Orders.Api.Tests\\Orders.Api.Tests.csproj", "{3}"
      EndProject
    `),
    'Directory.Packages.props': dedent(`
      <Project>
        <!-- central package management -->
        <PropertyGroup>
          <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
          <OtelVersion>1.9.0</OtelVersion>
        </PropertyGroup>
        <ItemGroup>
          <PackageVersion Include="OpenTelemetry.Extensions.Hosting" Version="1.5.1" />
          <PackageVersion Include="OpenTelemetry.Exporter.OpenTelemetryProtocol" Version="$(OtelVersion)" />
          <PackageVersion Include="OpenTracing" Version="0.12.1" />
        </ItemGroup>
      </Project>
    `),
    'src/Orders.Api/Orders.Api.csproj': dedent(`
      <Project Sdk="Microsoft.NET.Sdk.Web">
        <ItemGroup>
          <PackageReference Include="OpenTelemetry.Extensions.Hosting" />
          <PackageReference Include="OpenTelemetry.Exporter.OpenTelemetryProtocol" />
          <!-- <PackageReference Include="Datadog.Trace" /> -->
        </ItemGroup>
      </Project>
    `),
    'src/Orders.Worker/Orders.Worker.csproj': dedent(`
      <Project Sdk="Microsoft.NET.Sdk.Worker">
        <ItemGroup>
          <PackageReference Include="OpenTracing" VersionOverride="0.12.0" />
          <PackageReference Include="Jaeger">
            <Version>1.0.3</Version>
          </PackageReference>
        </ItemGroup>
      </Project>
    `),
    'tests/Orders.Api.Tests/Orders.Api.Tests.csproj': dedent(`
      <Project Sdk="Microsoft.NET.Sdk">
        <ItemGroup>
          <PackageReference Include="Microsoft.NET.Test.Sdk" Version="17.10.0" />
          <PackageReference Include="OpenTelemetry.Exporter.InMemory" Version="1.9.0" />
        </ItemGroup>
      </Project>
    `),
    Dockerfile: dedent(`
      FROM mcr.microsoft.com/dotnet/aspnet:8.0
      ENV CORECLR_ENABLE_PROFILING=1 \\
          CORECLR_PROFILER={918728DD-259F-4A6A-AC2B-B85E1B658318} \\
          OTEL_DOTNET_AUTO_HOME=/otel-dotnet-auto
    `),
    'src/Orders.Api/Program.cs': 'var app = WebApplication.Create();\n',
  };

  it('makes the solution one service directory with central package versions', () => {
    const result = scanFiles(solution);
    expect(result.serviceDirectories.map(service => service.path)).toEqual([
      '',
    ]);
    expect(result.problems).toEqual([]);
    const service = serviceAt(result, '');
    expect(service.languages).toEqual(['csharp']);
    expect(librariesOf(service)).toEqual([
      'Jaeger',
      'OpenTelemetry.AutoInstrumentation',
      'OpenTelemetry.Exporter.InMemory',
      'OpenTelemetry.Exporter.OpenTelemetryProtocol',
      'OpenTelemetry.Extensions.Hosting',
      'OpenTracing',
    ]);
    expect(
      findingFor(service, 'OpenTelemetry.Extensions.Hosting'),
    ).toMatchObject({
      kind: 'otel-auto',
      version: '1.5.1',
      declared: '1.5.1',
      evidence: { path: 'src/Orders.Api/Orders.Api.csproj', line: 3 },
      outdated: { minimum: '1.6.0' },
    });
    expect(
      findingFor(service, 'OpenTelemetry.Exporter.OpenTelemetryProtocol'),
    ).toMatchObject({
      version: '1.9.0',
      declared: '$(OtelVersion)',
    });
    expect(findingFor(service, 'OpenTracing')).toMatchObject({
      kind: 'opentracing',
      version: '0.12.0',
    });
    expect(findingFor(service, 'Jaeger')).toMatchObject({ version: '1.0.3' });
    expect(
      findingFor(service, 'OpenTelemetry.Exporter.InMemory'),
    ).toMatchObject({
      developmentOnly: true,
    });
    expect(
      findingFor(service, 'OpenTelemetry.AutoInstrumentation'),
    ).toMatchObject({
      kind: 'otel-auto',
      how: 'env',
      variables: ['CORECLR_PROFILER'],
    });
    expect(findingFor(service, null)).toMatchObject({
      kind: 'otel-auto',
      variables: ['OTEL_DOTNET_AUTO_HOME'],
    });
  });

  it('groups projects without a solution at the folder above src', () => {
    const result = scanFiles({
      'services/billing/src/Billing/Billing.csproj': '<Project />',
      'services/billing/src/Billing.Domain/Billing.Domain.csproj':
        '<Project />',
      'services/billing/Dockerfile': 'FROM scratch\n',
      'tools/Migrator/Migrator.csproj': '<Project />',
    });
    expect(result.serviceDirectories.map(service => service.path)).toEqual([
      'services/billing',
      'tools/Migrator',
    ]);
  });
});

describe('Go modules and workspaces', () => {
  const workspace = {
    'go.work': dedent(`
      go 1.22

      // the API and the library it shares with the batch jobs
      use (
          ./cmd/api
          ./lib/telemetry
      )
    `),
    'cmd/api/go.mod': dedent(`
      module github.com/shop/api

      go 1.22

      require (
          github.com/shop/telemetry v0.0.0
          go.opentelemetry.io/otel v1.19.0 // pinned for Go 1.20
          go.opentelemetry.io/otel/trace v1.19.0 // indirect
          go.opentelemetry.io/otel/sdk v1.24.0 // indirect
      )

      // require go.opentelemetry.io/otel/exporters/otlp/otlptrace v1.0.0
      replace go.opentelemetry.io/otel => go.opentelemetry.io/otel v1.21.0
      replace github.com/shop/telemetry => ../../lib/telemetry
    `),
    'cmd/api/Dockerfile': 'FROM gcr.io/distroless/static\n',
    'cmd/api/main.go': 'package main\n',
    'lib/telemetry/go.mod': dedent(`
      module github.com/shop/telemetry
      require "github.com/opentracing/opentracing-go" v1.2.0
    `),
    'lib/telemetry/telemetry.go': 'package telemetry\n',
  };

  it('folds workspace modules without a deployment into the workspace root', () => {
    const result = scanFiles(workspace);
    expect(result.serviceDirectories.map(service => service.path)).toEqual([
      '',
      'cmd/api',
    ]);
    expect(librariesOf(serviceAt(result, ''))).toEqual([
      'github.com/opentracing/opentracing-go',
    ]);
  });

  it('reads requirements, replacements and indirect modules', () => {
    const service = serviceAt(scanFiles(workspace), 'cmd/api');
    expect(librariesOf(service)).toEqual([
      'go.opentelemetry.io/otel',
      'go.opentelemetry.io/otel/sdk',
    ]);
    expect(findingFor(service, 'go.opentelemetry.io/otel')).toMatchObject({
      version: 'v1.21.0',
      declared: 'v1.21.0',
      evidence: { path: 'cmd/api/go.mod', line: 7 },
    });
    expect(findingFor(service, 'go.opentelemetry.io/otel')).not.toHaveProperty(
      'direct',
    );
    expect(findingFor(service, 'go.opentelemetry.io/otel/sdk')).toMatchObject({
      direct: false,
    });
  });
});

describe('Cargo, Bundler and Composer', () => {
  it('reads Cargo renames, workspace inheritance and Cargo.lock', () => {
    const result = scanFiles({
      'Cargo.toml': dedent(`
        [workspace]
        members = ["crates/*"]
        [workspace.dependencies]
        opentelemetry = "0.20"
      `),
      'Cargo.lock': dedent(`
        [[package]]
        name = "opentelemetry"
        version = "0.20.0"

        [[package]]
        name = "opentelemetry_sdk"
        version = "0.24.1"
      `),
      'crates/api/Cargo.toml': dedent(`
        [dependencies]
        opentelemetry = { workspace = true }
        otel-sdk = { package = "opentelemetry_sdk", version = "0.24" } # renamed
        [dev-dependencies]
        tracing-opentelemetry = "0.25"
      `),
      'crates/api/Dockerfile': 'FROM scratch\n',
    });
    const service = serviceAt(result, 'crates/api');
    expect(findingFor(service, 'opentelemetry')).toMatchObject({
      version: '0.20.0',
      declared: '0.20',
      outdated: { minimum: '0.21.0' },
    });
    expect(findingFor(service, 'opentelemetry_sdk')).toMatchObject({
      version: '0.24.1',
    });
    expect(findingFor(service, 'tracing-opentelemetry')).toMatchObject({
      developmentOnly: true,
    });
  });

  it('reads Gemfile groups and Gemfile.lock', () => {
    const service = serviceAt(
      scanFiles({
        Gemfile: dedent(`
          source "https://rubygems.org"
          gem "opentelemetry-sdk", "~> 1.4" # tracing
          gem 'ddtrace', '>= 1.0', '< 2', require: 'ddtrace/auto_instrument'
          # gem "newrelic_rpm"
          group :development, :test do
            gem "opentelemetry-instrumentation-all"
          end
          gem "zipkin-tracer", group: :test
        `),
        'Gemfile.lock': dedent(`
          GEM
            remote: https://rubygems.org/
            specs:
              ddtrace (1.23.3-x86_64-linux)
              opentelemetry-sdk (1.5.0)
                opentelemetry-api (~> 1.1)

          PLATFORMS
            ruby
        `),
      }),
      '',
    );
    expect(librariesOf(service)).toEqual([
      'ddtrace',
      'opentelemetry-instrumentation-all',
      'opentelemetry-sdk',
      'zipkin-tracer',
    ]);
    expect(findingFor(service, 'opentelemetry-sdk')).toMatchObject({
      version: '1.5.0',
      declared: '~> 1.4',
    });
    expect(findingFor(service, 'ddtrace')).toMatchObject({
      version: '1.23.3',
      declared: '>= 1.0, < 2',
    });
    expect(
      findingFor(service, 'opentelemetry-instrumentation-all'),
    ).toMatchObject({ developmentOnly: true });
    expect(findingFor(service, 'zipkin-tracer')).toMatchObject({
      developmentOnly: true,
    });
  });

  it('reads composer.json with composer.lock', () => {
    const service = serviceAt(
      scanFiles({
        'composer.json': JSON.stringify({
          require: {
            php: '^8.2',
            'ext-opentelemetry': '*',
            'open-telemetry/sdk': '^1.0',
          },
          'require-dev': { 'open-telemetry/exporter-otlp': '^1.0' },
        }),
        'composer.lock': JSON.stringify({
          packages: [{ name: 'open-telemetry/sdk', version: 'v1.1.0' }],
          'packages-dev': [
            { name: 'open-telemetry/exporter-otlp', version: '1.0.4' },
          ],
        }),
      }),
      '',
    );
    expect(librariesOf(service)).toEqual([
      'open-telemetry/exporter-otlp',
      'open-telemetry/sdk',
    ]);
    expect(findingFor(service, 'open-telemetry/sdk')).toMatchObject({
      version: '1.1.0',
      ecosystem: 'composer',
    });
    expect(service.languages).toEqual(['php']);
  });
});
