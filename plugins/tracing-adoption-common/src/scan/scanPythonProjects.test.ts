import {
  dedent,
  findingFor,
  librariesOf,
  scanFiles,
  serviceAt,
} from './__testUtils__/repository';

describe('pip requirements', () => {
  const repository = {
    'requirements.txt': dedent(`
      # Runtime dependencies (pip-compile --generate-hashes)
      -r requirements/common.in
      -c constraints.txt
      --index-url https://pypi.example.com/simple

      opentelemetry-sdk[grpc]==1.19.0 \\
          --hash=sha256:aaaa \\
          --hash=sha256:bbbb
      opentelemetry-api>=1.25 ; python_version >= "3.8"  # API only
      Flask_OpenTracing==1.1.0
      opentelemetry-exporter-otlp-proto-grpc
      # opentelemetry-instrumentation-django==0.20b0
      ddtrace @ https://files.example.com/ddtrace-2.9.0.tar.gz ; sys_platform == "linux"
      -e git+https://github.com/shop/tracing.git@main#egg=shop-tracing
      -r requirements-missing.txt
    `),
    'requirements/common.in': 'py_zipkin==1.2.8 --hash=sha256:cccc\n',
    'constraints.txt': 'opentelemetry-exporter-otlp-proto-grpc==1.25.0\n',
    'requirements-dev.txt': dedent(`
      -r requirements.txt
      opentelemetry-test-utils==0.46b0
    `),
    'app/main.py': 'import flask\n',
  };

  it('reads pins, hashes, extras, markers, URLs and includes', () => {
    const result = scanFiles(repository);
    const service = serviceAt(result, '');
    expect(librariesOf(service)).toEqual([
      'ddtrace',
      'flask-opentracing',
      'opentelemetry-api',
      'opentelemetry-exporter-otlp-proto-grpc',
      'opentelemetry-sdk',
      'opentelemetry-test-utils',
      'py-zipkin',
    ]);
    expect(findingFor(service, 'opentelemetry-sdk')).toMatchObject({
      version: '1.19.0',
      declared: '==1.19.0',
      evidence: {
        path: 'requirements.txt',
        line: 6,
        entry: 'opentelemetry-sdk[grpc]==1.19.0',
      },
      outdated: { minimum: '1.20.0' },
    });
    expect(findingFor(service, 'opentelemetry-api')).toMatchObject({
      declared: '>=1.25',
    });
    expect(findingFor(service, 'opentelemetry-api')).not.toHaveProperty(
      'version',
    );
    expect(
      findingFor(service, 'opentelemetry-exporter-otlp-proto-grpc'),
    ).toMatchObject({
      version: '1.25.0',
    });
    expect(findingFor(service, 'flask-opentracing')).toMatchObject({
      kind: 'opentracing',
    });
    expect(findingFor(service, 'py-zipkin')).toMatchObject({
      kind: 'zipkin',
      version: '1.2.8',
      evidence: { path: 'requirements/common.in', line: 1 },
    });
    expect(findingFor(service, 'ddtrace')).toMatchObject({
      kind: 'vendor-apm',
      vendor: 'datadog',
    });
    expect(findingFor(service, 'opentelemetry-test-utils')).toMatchObject({
      developmentOnly: true,
      evidence: { path: 'requirements-dev.txt' },
    });
    expect(
      service.findings.filter(
        finding => finding.library === 'opentelemetry-sdk',
      ),
    ).toHaveLength(1);
    expect(result.problems).toEqual([
      {
        path: 'requirements.txt',
        message:
          'requirements.txt: includes requirements-missing.txt, which was not found',
      },
    ]);
  });
});

describe('pyproject.toml and Pipenv', () => {
  it('reads Poetry dependencies and groups with poetry.lock versions', () => {
    const service = serviceAt(
      scanFiles({
        'pyproject.toml': dedent(`
          [tool.poetry]
          name = "recommendations" # service name

          [tool.poetry.dependencies]
          python = "^3.11"
          opentelemetry-sdk = "1.25.0"
          opentelemetry-instrumentation-flask = { version = "^0.40b0", extras = ["instruments"] }
          jaeger-client = "*"

          [tool.poetry.group.test.dependencies]
          opentelemetry-test-utils = "^0.46b0"
        `),
        'poetry.lock': dedent(`
          [[package]]
          name = "opentelemetry-instrumentation-flask"
          version = "0.46b0"

          [[package]]
          name = "opentelemetry-sdk"
          version = "1.25.0"
        `),
      }),
      '',
    );
    expect(findingFor(service, 'opentelemetry-sdk')).toMatchObject({
      version: '1.25.0',
      declared: '1.25.0',
    });
    expect(
      findingFor(service, 'opentelemetry-instrumentation-flask'),
    ).toMatchObject({
      version: '0.46b0',
      declared: '^0.40b0',
    });
    expect(
      findingFor(service, 'opentelemetry-instrumentation-flask'),
    ).not.toHaveProperty('outdated');
    expect(findingFor(service, 'jaeger-client')).not.toHaveProperty('declared');
    expect(findingFor(service, 'opentelemetry-test-utils')).toMatchObject({
      developmentOnly: true,
    });
    expect(service.languages).toEqual(['python']);
  });

  it('reads PEP 621 dependencies and optional dependency groups', () => {
    const service = serviceAt(
      scanFiles({
        'pyproject.toml': dedent(`
          [project]
          name = "search"
          dependencies = [
            "opentelemetry-distro[otlp]>=0.30b0",  # zero-code setup
            "ddtrace>=2.9,<3",
          ]
          [project.optional-dependencies]
          tracing = ["opentelemetry-instrumentation-fastapi==0.46b0"]
          test = ["opentelemetry-test-utils"]
        `),
      }),
      '',
    );
    expect(findingFor(service, 'opentelemetry-distro')).toMatchObject({
      declared: '>=0.30b0',
      outdated: { minimum: '0.41b0' },
    });
    expect(findingFor(service, 'ddtrace')).toMatchObject({
      declared: '>=2.9,<3',
    });
    expect(
      findingFor(service, 'opentelemetry-instrumentation-fastapi'),
    ).toMatchObject({
      version: '0.46b0',
    });
    expect(
      findingFor(service, 'opentelemetry-instrumentation-fastapi'),
    ).not.toHaveProperty('developmentOnly');
    expect(findingFor(service, 'opentelemetry-test-utils')).toMatchObject({
      developmentOnly: true,
    });
  });

  it('reads a Pipfile with versions from Pipfile.lock', () => {
    const service = serviceAt(
      scanFiles({
        Pipfile: dedent(`
          [packages]
          elastic-apm = "~=6.0"
          [dev-packages]
          opentelemetry-sdk = {version = "*"}
        `),
        'Pipfile.lock': JSON.stringify({
          default: { 'elastic-apm': { version: '==6.22.0' } },
          develop: { 'opentelemetry-sdk': { version: '==1.25.0' } },
        }),
      }),
      '',
    );
    expect(findingFor(service, 'elastic-apm')).toMatchObject({
      kind: 'vendor-apm',
      vendor: 'elastic',
      version: '6.22.0',
      declared: '~=6.0',
    });
    expect(findingFor(service, 'opentelemetry-sdk')).toMatchObject({
      version: '1.25.0',
      developmentOnly: true,
    });
    expect(service.summary.instrumentation).toBe('vendor-apm');
  });
});
