import { dedent, scanFiles, serviceAt } from './__testUtils__/repository';

describe('files that cannot be parsed', () => {
  const broken: Record<string, string> = {
    'web/package.json': '{ "dependencies": { "dd-trace": "^5.0.0", } ',
    'web/package-lock.json': '{"lockfileVersion": 3, "packages": ',
    'api/pom.xml': dedent(`
      <project>
        <dependencies>
          <dependency><artifactId>x</artifactId>
        </dependencies>
      </project>
    `),
    'worker/pyproject.toml': '[project]\ndependencies = ["opentelemetry-sdk"\n',
    'worker/deploy/k8s.yaml': 'env: [\n  - name: OTEL_SERVICE_NAME\n',
    'billing/Billing.csproj': '<Project><ItemGroup></Project>',
    'image/Cargo.toml': '[dependencies]\nopentelemetry = = "0.23"\n',
    'gradle/libs.versions.toml': '[libraries\notel = "x"',
    'settings.gradle': "rootProject.name = 'shop'\n",
  };

  it('reports each as an unparsed manifest with a problem naming it, and scans the rest', () => {
    const result = scanFiles({
      ...broken,
      'orders/go.mod':
        'module shop/orders\nrequire go.opentelemetry.io/otel v1.28.0\n',
    });
    const unparsed = result.serviceDirectories
      .flatMap(service => service.manifests)
      .filter(file => !file.parsed);
    expect(unparsed.map(file => file.path).sort()).toEqual([
      'api/pom.xml',
      'billing/Billing.csproj',
      'gradle/libs.versions.toml',
      'image/Cargo.toml',
      'web/package-lock.json',
      'web/package.json',
      'worker/deploy/k8s.yaml',
      'worker/pyproject.toml',
    ]);
    for (const file of unparsed) {
      expect(file.problem).toMatch(
        new RegExp(`^${file.path.replace(/\./g, '\\.')}: \\S`),
      );
      expect(result.problems).toContainEqual({
        path: file.path,
        message: file.problem,
      });
    }
    expect(
      unparsed.find(file => file.path === 'image/Cargo.toml')?.problem,
    ).toMatch(/^image\/Cargo\.toml: invalid TOML at line 2: /);
    expect(unparsed.find(file => file.path === 'api/pom.xml')?.problem).toMatch(
      /^api\/pom\.xml: invalid XML at line \d+: /,
    );
    expect(serviceAt(result, 'orders').summary.instrumentation).toBe(
      'opentelemetry',
    );
  });

  it('treats content of the wrong shape as a problem, not a crash', () => {
    const result = scanFiles({
      'a/package.json': '[1, 2, 3]',
      'b/package.json': JSON.stringify({
        dependencies: ['dd-trace'],
        workspaces: { packages: 7 },
      }),
      'c/composer.json': 'null',
      'd/Pipfile.lock': '"text"',
      'd/Pipfile': '[packages]\nddtrace = 3\n',
      'e/pom.xml': '<notAProject/>',
    });
    expect(result.problems.map(problem => problem.path).sort()).toEqual([
      'a/package.json',
      'c/composer.json',
      'd/Pipfile.lock',
      'e/pom.xml',
    ]);
    expect(serviceAt(result, 'd').findings).toMatchObject([
      { library: 'ddtrace', declared: '3' },
    ]);
  });
});
