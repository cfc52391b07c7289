import { DEFAULT_DETECTION_SETTINGS } from './defaultSettings';
import { mergeDetectionSettings } from './mergeSettings';
import { lexSource } from './source/sourceLexer';
import {
  dedent,
  findingFor,
  scanFiles,
  serviceAt,
} from './__testUtils__/repository';

describe('flow-id headers in source code', () => {
  it('counts string literals and constants holding them, not comments', () => {
    const service = serviceAt(
      scanFiles({
        'go.mod': 'module shop/gateway\n',
        'headers.go': dedent(`
          package main

          // FlowIDHeader is the legacy correlation header (X-Flow-ID).
          const FlowIDHeader = "x-flow-id"
        `),
        'proxy.go': dedent(`
          package main

          func forward(r *http.Request) {
              r.Header.Set(FlowIDHeader, flowID(r))
          }
        `),
        'comments.go': dedent(`
          package main

          /* Do not read X-Flow-ID here: the proxy does. */
          // FlowIDHeader is set upstream.
          var note = "FlowIDHeader"
        `),
        'lower.py': dedent(`
          # X-Flow-ID is a legacy header
          headers = {"x-flow-id": flow_id}
        `),
      }),
      '',
    );
    expect(service.flowIdPropagation).toEqual([
      {
        header: 'X-Flow-ID',
        evidence: {
          path: 'headers.go',
          line: 4,
          entry: 'const FlowIDHeader = "x-flow-id"',
        },
      },
      {
        header: 'X-Flow-ID',
        evidence: {
          path: 'lower.py',
          line: 2,
          entry: 'headers = {"x-flow-id": flow_id}',
        },
      },
      {
        header: 'X-Flow-ID',
        evidence: {
          path: 'proxy.go',
          line: 4,
          entry: 'r.Header.Set(FlowIDHeader, flowID(r))',
        },
      },
    ]);
  });

  it('looks for the configured headers only, as whole header names', () => {
    const settings = mergeDetectionSettings({
      flowIdHeaders: { replace: ['X-Correlation-ID'] },
    });
    const service = serviceAt(
      scanFiles(
        {
          'package.json': '{}',
          'a.js': "const h = 'X-Flow-ID';\nconst c = 'x-correlation-id';\n",
          'b.js': "const h = 'X-Correlation-IDs';\n",
        },
        settings,
      ),
      '',
    );
    expect(service.flowIdPropagation).toEqual([
      {
        header: 'X-Correlation-ID',
        evidence: {
          path: 'a.js',
          line: 2,
          entry: "const c = 'x-correlation-id';",
        },
      },
    ]);
  });
});

describe('OpenTracing in code', () => {
  it('reports imports that no manifest declares', () => {
    const service = serviceAt(
      scanFiles({
        'build.gradle':
          'dependencies {\n  implementation files("lib/jaeger-client.jar")\n}\n',
        'src/main/java/shop/Tracing.java': dedent(`
          package shop;
          // import io.opentracing.noop.NoopTracer;
          import io.opentracing.Tracer;
          import io.jaegertracing.Configuration;
        `),
        'src/main/java/shop/Other.java': 'import io.opentracing.Span;\n',
      }),
      '',
    );
    expect(service.findings).toEqual([
      {
        kind: 'opentracing',
        library: 'io.opentracing:opentracing-api',
        ecosystem: 'maven',
        how: 'code',
        evidence: {
          path: 'src/main/java/shop/Other.java',
          line: 1,
          entry: 'import io.opentracing.Span;',
        },
      },
      {
        kind: 'opentracing',
        library: 'io.jaegertracing:jaeger-client',
        ecosystem: 'maven',
        how: 'code',
        evidence: {
          path: 'src/main/java/shop/Tracing.java',
          line: 4,
          entry: 'import io.jaegertracing.Configuration;',
        },
      },
    ]);
    expect(service.summary.instrumentation).toBe('opentracing');
  });

  it('leaves imports to the manifest that declares the library', () => {
    const service = serviceAt(
      scanFiles({
        'package.json': JSON.stringify({
          dependencies: { opentracing: '^0.14.7' },
        }),
        'src/tracing.ts': "import { globalTracer } from 'opentracing';\n",
      }),
      '',
    );
    expect(service.findings.map(finding => finding.how)).toEqual(['manifest']);
  });
});

describe('source file selection', () => {
  it('reads at most maxSourceFiles sources, the promising ones first, and says so', () => {
    const settings = mergeDetectionSettings({ maxSourceFiles: 2 });
    const result = scanFiles(
      {
        'package.json': '{}',
        'src/deep/nested/tracingMiddleware.js': "const h = 'X-Flow-ID';\n",
        'a.js': "const h = 'X-Flow-ID';\n",
        'b.js': "const h = 'X-Flow-ID';\n",
        'c.js': "const h = 'X-Flow-ID';\n",
      },
      settings,
    );
    expect(
      serviceAt(result, '').flowIdPropagation.map(use => use.evidence.path),
    ).toEqual(['a.js', 'src/deep/nested/tracingMiddleware.js']);
    expect(result.filesRead).toBe(3);
    expect(result.problems).toEqual([
      {
        path: '',
        message:
          '2 source files were not read: the repository has more than maxSourceFiles (2)',
      },
    ]);
  });

  it('counts languages from every listed path, read or not', () => {
    const result = scanFiles(
      {
        'pom.xml': '<project/>',
        'src/A.java': '',
        'src/B.kt': '',
        'src/C.kt': '',
      },
      { ...DEFAULT_DETECTION_SETTINGS, maxSourceFiles: 0 },
    );
    expect(serviceAt(result, '').languages).toEqual(['kotlin', 'java']);
  });
});

describe('lexSource', () => {
  it('keeps strings, drops comments and survives character literals and lifetimes', () => {
    const rust = lexSource(
      'src/lib.rs',
      'fn f<\'a>(s: &\'a str) -> char { \'"\' } // "X-Flow-ID"\nconst H: &str = "x-flow-id";\n',
    );
    expect(rust.literals).toEqual([{ value: 'x-flow-id', line: 2 }]);
    const python = lexSource(
      'app.py',
      'doc = """multi\nline"""  # "comment"\nx = \'it\'\n',
    );
    expect(
      python.literals.map(literal => [literal.value, literal.line]),
    ).toEqual([
      ['multi\nline', 1],
      ['it', 3],
    ]);
    expect(python.codeLines).toHaveLength(4);
    expect(python.bareCodeLines[2]).toBe("x = '   ");
  });
});

describe('auto-instrumentation of OpenTelemetry findings', () => {
  it('marks the OpenTelemetry findings of a directory otel-auto when an agent drives them', () => {
    const service = serviceAt(
      scanFiles({
        'requirements.txt': 'opentelemetry-distro==0.46b0\n',
        Procfile: 'web: opentelemetry-instrument gunicorn app:app\n',
      }),
      '',
    );
    expect(findingFor(service, 'opentelemetry-distro')?.kind).toBe('otel-auto');
    expect(findingFor(service, 'opentelemetry-instrument')?.kind).toBe(
      'otel-auto',
    );
  });
});
