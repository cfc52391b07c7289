import fc from 'fast-check';
import { scanFiles } from './__testUtils__/repository';

/** One well-formed sample per file type the scan reads; the property mutates them. */
const SAMPLES: Record<string, string> = {
  'package.json':
    '{"workspaces":["services/*"],"dependencies":{"@opentelemetry/api":"^1.9.0"}}',
  'package-lock.json':
    '{"lockfileVersion":3,"packages":{"node_modules/@opentelemetry/api":{"version":"1.9.0"}}}',
  'yarn.lock': '"@opentelemetry/api@^1.9.0":\n  version "1.9.0"\n',
  'pnpm-lock.yaml':
    "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      dd-trace: {specifier: ^5, version: 5.1.0}\n",
  'pnpm-workspace.yaml': 'packages:\n  - services/*\n',
  'go.mod':
    'module x\nrequire (\n\tgo.opentelemetry.io/otel v1.28.0 // indirect\n)\n',
  'go.work': 'use (\n  ./a\n)\n',
  'pom.xml':
    '<project><modules><module>a</module></modules><dependencies><dependency><groupId>io.opentelemetry</groupId><artifactId>opentelemetry-api</artifactId><version>${v}</version></dependency></dependencies></project>',
  'build.gradle':
    "dependencies {\n  implementation 'io.zipkin.brave:brave:6.0.3'\n}\n",
  'a/build.gradle.kts': 'dependencies {\n    api(libs.otel.api)\n}\n',
  'settings.gradle.kts': 'include(":a")\n',
  'gradle.properties': 'otel=1.0\\\n  .0\n',
  'gradle/libs.versions.toml':
    '[versions]\notel = "1.0"\n[libraries]\notel-api = { module = "io.opentelemetry:opentelemetry-api", version.ref = "otel" }\n',
  'requirements.txt':
    '-r requirements/base.txt\nopentelemetry-sdk[grpc]==1.25.0 \\\n  --hash=sha256:00 ; python_version > "3"\n',
  'requirements/base.txt': '-c ../constraints.txt\nddtrace\n',
  'constraints.txt': 'ddtrace==2.9.0\n',
  'pyproject.toml':
    '[project]\ndependencies = ["ddtrace>=2"]\n[tool.poetry.dependencies]\nopentelemetry-sdk = "^1.2"\n',
  Pipfile: '[packages]\nddtrace = "*"\n',
  'Pipfile.lock': '{"default":{"ddtrace":{"version":"==2.9.0"}}}',
  'poetry.lock': '[[package]]\nname = "ddtrace"\nversion = "2.9.0"\n',
  Gemfile: 'group :test do\n  gem "opentelemetry-sdk", "~> 1.4"\nend\n',
  'Gemfile.lock': 'GEM\n  specs:\n    opentelemetry-sdk (1.5.0)\n',
  'src/Api/Api.csproj':
    '<Project><ItemGroup><PackageReference Include="OpenTelemetry" Version="$(V)" /></ItemGroup></Project>',
  'Directory.Packages.props':
    '<Project><ItemGroup><PackageVersion Include="OpenTelemetry" Version="1.9.0" /></ItemGroup></Project>',
  'packages.config':
    '<packages><package id="OpenTracing" version="0.12.1" /></packages>',
  'Shop.sln':
    'Project("{X}") = "Api", "src\\Api\\Api.csproj", "{Y}"\nEndProject\n',
  'Cargo.toml':
    '[workspace]\nmembers = ["crates/*"]\n[dependencies]\nopentelemetry = { version = "0.23", package = "opentelemetry" }\n',
  'Cargo.lock': '[[package]]\nname = "opentelemetry"\nversion = "0.23.0"\n',
  'composer.json': '{"require":{"open-telemetry/sdk":"^1.0"}}',
  'composer.lock':
    '{"packages":[{"name":"open-telemetry/sdk","version":"v1.0.0"}]}',
  Dockerfile:
    'ARG V=1.0\nFROM x AS b\nFROM b\nENV JAVA_TOOL_OPTIONS="-javaagent:/o/opentelemetry-javaagent.jar" NODE_OPTIONS="-r dd-trace/init"\nCMD ["ddtrace-run", "app"]\n',
  'deploy/k8s.yaml':
    'metadata:\n  annotations:\n    instrumentation.opentelemetry.io/inject-java: "true"\nspec:\n  containers:\n    - env:\n        - name: OTEL_SERVICE_NAME\n          value: x\n---\ndata:\n  DD_ENV: prod\n',
  'docker-compose.yml':
    'services:\n  a:\n    environment:\n      - OTEL_SERVICE_NAME=a\n    command: ["opentelemetry-instrument", "x"]\n',
  Procfile:
    'web: node --require @opentelemetry/auto-instrumentations-node/register app.js\n',
  'src/Tracing.java':
    'import io.opentracing.Tracer;\nclass T { static final String FLOW_ID_HEADER = "X-Flow-ID"; char c = \'"\'; }\n',
  'src/app.py': 'import opentracing\nH = """X-Flow-ID\n"""\n',
  'src/main.rs': "fn f<'a>(s: &'a str) {} // '\n",
};

/** Garbage, or a sample broken by truncation, insertion or repetition. */
function contentFor(sample: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.string({
      unit: fc.constantFrom(...'{}[]()<>"\'`\\/#=:,;*$\n \t-!@|&'),
      maxLength: 200,
    }),
    fc.nat({ max: sample.length }).map(end => sample.slice(0, end)),
    fc
      .tuple(
        fc.nat({ max: sample.length }),
        fc.string({ unit: 'binary', maxLength: 20 }),
      )
      .map(
        ([at, inserted]) => sample.slice(0, at) + inserted + sample.slice(at),
      ),
    fc.integer({ min: 2, max: 30 }).map(times => sample.repeat(times)),
  );
}

describe('scanRepositoryFiles on arbitrary content', () => {
  it('never throws, and reports a problem for every manifest it could not parse', () => {
    const repository = fc.record(
      Object.fromEntries(
        Object.entries(SAMPLES).map(([path, sample]) => [
          path,
          contentFor(sample),
        ]),
      ),
    );
    fc.assert(
      fc.property(repository, files => {
        const result = scanFiles(files);
        expect(JSON.parse(JSON.stringify(result))).toEqual(result);
        // Parsers themselves turn bad input into problems; the scan's last-resort guard never fires.
        expect(
          result.problems.filter(problem =>
            problem.message.includes('could not be analysed'),
          ),
        ).toEqual([]);
        const problemPaths = new Set(
          result.problems.map(problem => problem.path),
        );
        for (const file of result.serviceDirectories.flatMap(
          service => service.manifests,
        )) {
          expect(file.parsed).toBe(file.problem === undefined);
          if (!file.parsed) {
            expect(problemPaths.has(file.path)).toBe(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('reads the unmutated samples without problems', () => {
    expect(scanFiles(SAMPLES).problems).toEqual([]);
  });
});
