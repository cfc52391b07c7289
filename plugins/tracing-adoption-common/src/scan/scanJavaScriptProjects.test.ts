import {
  dedent,
  findingFor,
  librariesOf,
  scanFiles,
  serviceAt,
} from './__testUtils__/repository';

const workspaceRoot = {
  'package.json': JSON.stringify({
    name: 'shop',
    private: true,
    workspaces: ['packages/*', 'services/*'],
    devDependencies: { '@opentelemetry/sdk-trace-base': '^1.25.0' },
  }),
  'package-lock.json': JSON.stringify({
    lockfileVersion: 3,
    packages: {
      '': { name: 'shop' },
      'packages/telemetry': { version: '1.0.0' },
      'services/api': { version: '2.0.0' },
      'node_modules/@opentelemetry/api': { version: '1.9.0' },
      'node_modules/@opentelemetry/sdk-node': { version: '0.52.1' },
      'node_modules/@opentelemetry/sdk-trace-base': {
        version: '1.25.1',
        dev: true,
      },
      'services/api/node_modules/@opentelemetry/api': { version: '1.4.1' },
      'node_modules/dd-trace': { version: '5.20.0' },
    },
  }),
  'packages/telemetry/package.json': JSON.stringify({
    name: '@shop/telemetry',
    dependencies: { '@opentelemetry/sdk-node': '^0.52.0' },
  }),
  'packages/telemetry/index.js': 'module.exports = {};\n',
  'services/api/package.json': JSON.stringify({
    name: '@shop/api',
    dependencies: { '@opentelemetry/api': '^1.3.0', '@shop/telemetry': '*' },
  }),
  'services/api/Dockerfile': dedent(`
    FROM node:20
    ENV NODE_OPTIONS="--require dd-trace/init"
    CMD ["node", "index.js"]
  `),
  'services/api/index.ts': 'export {};\n',
};

describe('npm projects', () => {
  it('folds workspace libraries into the root and keeps deployable members apart', () => {
    const result = scanFiles(workspaceRoot);
    expect(result.serviceDirectories.map(service => service.path)).toEqual([
      '',
      'services/api',
    ]);
    expect(serviceAt(result, '').languages).toEqual(['javascript']);
    expect(serviceAt(result, 'services/api').languages).toEqual(['typescript']);
    expect(result.problems).toEqual([]);
  });

  it('resolves versions from the root lockfile, members first', () => {
    const result = scanFiles(workspaceRoot);
    const root = serviceAt(result, '');
    expect(findingFor(root, '@opentelemetry/sdk-node')).toMatchObject({
      version: '0.52.1',
      declared: '^0.52.0',
      evidence: { path: 'packages/telemetry/package.json' },
    });
    expect(findingFor(root, '@opentelemetry/sdk-trace-base')).toMatchObject({
      version: '1.25.1',
      developmentOnly: true,
    });
    const api = serviceAt(result, 'services/api');
    expect(findingFor(api, '@opentelemetry/api')).toMatchObject({
      version: '1.4.1',
      declared: '^1.3.0',
    });
  });

  it('reports an agent preloaded through NODE_OPTIONS, and a lockfile-only vendor package where nothing declares it', () => {
    const result = scanFiles(workspaceRoot);
    const api = serviceAt(result, 'services/api');
    expect(findingFor(api, 'dd-trace/init')).toMatchObject({
      kind: 'vendor-apm',
      vendor: 'datadog',
      how: 'env',
      variables: ['NODE_OPTIONS'],
      evidence: { path: 'services/api/Dockerfile', line: 2 },
    });
    // The root lockfile installs dd-trace, which no manifest of the root declares.
    expect(
      findingFor(serviceAt(result, ''), 'dd-trace', 'lockfile'),
    ).toMatchObject({
      version: '5.20.0',
      direct: false,
      evidence: { path: 'package-lock.json' },
    });
  });

  it("shows the OpenTelemetry SDK an organisation tracer pulls in, without the SDK's plumbing", () => {
    const result = scanFiles({
      'package.json': JSON.stringify({
        dependencies: { '@shopfront/tracing': '^2.3.1' },
      }),
      'package-lock.json': JSON.stringify({
        lockfileVersion: 2,
        packages: {
          '': {},
          'node_modules/@shopfront/tracing': { version: '2.3.4' },
          'node_modules/@opentelemetry/sdk-node': { version: '0.27.0' },
          'node_modules/@opentelemetry/core': { version: '1.0.1' },
          'node_modules/@opentelemetry/instrumentation-http': {
            version: '0.27.0',
          },
        },
      }),
    });
    const service = serviceAt(result, '');
    expect(librariesOf(service)).toEqual([
      '@opentelemetry/sdk-node',
      '@shopfront/tracing',
    ]);
    expect(findingFor(service, '@shopfront/tracing')).toMatchObject({
      kind: 'org-tracer',
      version: '2.3.4',
      how: 'manifest',
    });
    expect(findingFor(service, '@opentelemetry/sdk-node')).toMatchObject({
      kind: 'otel-sdk',
      how: 'lockfile',
      direct: false,
      outdated: { minimum: '0.41.0' },
    });
    expect(service.summary).toEqual({
      instrumentation: 'org-tracer',
      outdated: true,
    });
  });

  it('keeps services without a workspace root apart', () => {
    const result = scanFiles({
      'services/a/package.json':
        '{"dependencies": {"jaeger-client": "^3.19.0"}}',
      'services/b/package.json': '{"dependencies": {"express": "^4.19.2"}}',
      'README.md': '# services\n',
    });
    expect(result.serviceDirectories.map(service => service.path)).toEqual([
      'services/a',
      'services/b',
    ]);
    expect(serviceAt(result, 'services/a').summary.instrumentation).toBe(
      'opentracing',
    );
    expect(serviceAt(result, 'services/b').summary.instrumentation).toBe(
      'none',
    );
  });

  it('reads yarn 1, yarn berry and pnpm lockfiles', () => {
    const manifest = JSON.stringify({
      dependencies: { '@opentelemetry/api': '^1.8.0' },
    });
    const yarnClassic = scanFiles({
      'package.json': manifest,
      'yarn.lock': dedent(`
        # THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.
        # yarn lockfile v1


        "@opentelemetry/api@^1.0.0", "@opentelemetry/api@^1.8.0":
          version "1.9.0"
          resolved "https://registry.yarnpkg.com/@opentelemetry/api/-/api-1.9.0.tgz"
      `),
    });
    const yarnBerry = scanFiles({
      'package.json': manifest,
      'yarn.lock': dedent(`
        __metadata:
          version: 8

        "@opentelemetry/api@npm:^1.8.0":
          version: 1.8.0
          resolution: "@opentelemetry/api@npm:1.8.0"
      `),
    });
    const pnpm = scanFiles({
      'package.json': manifest,
      'pnpm-lock.yaml': dedent(`
        lockfileVersion: '9.0'
        importers:
          .:
            dependencies:
              '@opentelemetry/api':
                specifier: ^1.8.0
                version: 1.9.0(supports-color@8.1.1)
        packages:
          '@opentelemetry/api@1.9.0':
            resolution: {integrity: sha512-x}
      `),
    });
    expect(
      findingFor(serviceAt(yarnClassic, ''), '@opentelemetry/api')?.version,
    ).toBe('1.9.0');
    expect(
      findingFor(serviceAt(yarnBerry, ''), '@opentelemetry/api')?.version,
    ).toBe('1.8.0');
    expect(findingFor(serviceAt(pnpm, ''), '@opentelemetry/api')?.version).toBe(
      '1.9.0',
    );
  });

  it('judges an unlocked range by the lowest version it allows', () => {
    const service = serviceAt(
      scanFiles({
        'package.json': JSON.stringify({
          dependencies: {
            '@opentelemetry/api': '~1.3.0',
            '@opentelemetry/sdk-node': '>=0.45.0 <1',
            '@opentelemetry/resources': '*',
          },
        }),
      }),
      '',
    );
    expect(findingFor(service, '@opentelemetry/api')).toMatchObject({
      outdated: { minimum: '1.4.0' },
    });
    expect(findingFor(service, '@opentelemetry/api')).not.toHaveProperty(
      'version',
    );
    expect(findingFor(service, '@opentelemetry/sdk-node')).not.toHaveProperty(
      'outdated',
    );
    expect(findingFor(service, '@opentelemetry/resources')).not.toHaveProperty(
      'outdated',
    );
  });
});
