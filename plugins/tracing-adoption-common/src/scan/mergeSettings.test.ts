import { DEFAULT_DETECTION_SETTINGS } from './defaultSettings';
import { mergeDetectionSettings } from './mergeSettings';
import { findingFor, scanFiles, serviceAt } from './__testUtils__/repository';

describe('mergeDetectionSettings', () => {
  it('returns the defaults for no overrides', () => {
    expect(mergeDetectionSettings({})).toEqual(DEFAULT_DETECTION_SETTINGS);
  });

  it('adds entries, replaces entries with the same key and removes disabled ones', () => {
    const settings = mergeDetectionSettings({
      libraries: [
        { ecosystem: 'npm', name: '@acme/tracer', kind: 'org-tracer' },
        {
          ecosystem: 'npm',
          name: 'dd-trace',
          kind: 'vendor-apm',
          vendor: 'datadog-legacy',
        },
        { ecosystem: 'npm', name: 'jaeger-client', disabled: true } as never,
      ],
      orgTracerLibraries: ['com.acme:tracing', '@shopfront/tracing'],
      minimumVersions: {
        '@opentelemetry/api': '1.9.0',
        'pypi:opentelemetry-sdk': null,
      },
      flowIdHeaders: ['x-flow-id', 'X-Request-Flow'],
      maxSourceFiles: 50,
    });
    expect(settings.libraries[0]).toEqual({
      ecosystem: 'npm',
      name: '@acme/tracer',
      kind: 'org-tracer',
    });
    expect(settings.libraries.filter(rule => rule.name === 'dd-trace')).toEqual(
      [
        {
          ecosystem: 'npm',
          name: 'dd-trace',
          kind: 'vendor-apm',
          vendor: 'datadog-legacy',
        },
      ],
    );
    expect(
      settings.libraries.some(
        rule => rule.name === 'jaeger-client' && rule.ecosystem === 'npm',
      ),
    ).toBe(false);
    expect(settings.libraries.length).toBe(
      DEFAULT_DETECTION_SETTINGS.libraries.length,
    );
    expect(settings.orgTracerLibraries).toEqual([
      '@shopfront/tracing',
      'github.com/shopfront/go-tracing',
      'com.acme:tracing',
    ]);
    expect(settings.minimumVersions['@opentelemetry/api']).toBe('1.9.0');
    expect(settings.minimumVersions).not.toHaveProperty(
      'pypi:opentelemetry-sdk',
    );
    expect(settings.flowIdHeaders).toEqual(['X-Flow-ID', 'X-Request-Flow']);
    expect(settings.maxSourceFiles).toBe(50);
    expect(DEFAULT_DETECTION_SETTINGS.maxSourceFiles).toBe(400);
  });

  it('replaces whole tables', () => {
    const settings = mergeDetectionSettings({
      sourceExtensions: { replace: ['.java'] },
      minimumVersions: { replace: { 'io.opentelemetry:*': '1.40.0' } },
      attachments: { replace: [] },
    });
    expect(settings.sourceExtensions).toEqual(['.java']);
    expect(settings.minimumVersions).toEqual({
      'io.opentelemetry:*': '1.40.0',
    });
    expect(settings.attachments).toEqual([]);
  });

  it('changes what a scan finds', () => {
    const files = {
      'package.json': JSON.stringify({
        dependencies: {
          '@acme/tracer': '1.0.0',
          '@opentelemetry/api': '1.8.0',
        },
      }),
    };
    const settings = mergeDetectionSettings({
      orgTracerLibraries: ['@acme/*'],
      minimumVersions: { '@opentelemetry/api': '1.9.0' },
    });
    const service = serviceAt(scanFiles(files, settings), '');
    expect(findingFor(service, '@acme/tracer')?.kind).toBe('org-tracer');
    expect(findingFor(service, '@opentelemetry/api')?.outdated).toEqual({
      minimum: '1.9.0',
    });
    expect(serviceAt(scanFiles(files), '').findings).toHaveLength(1);
  });

  it.each([
    [
      { flowIdHeader: ['X'] },
      /setting flowIdHeader: expected one of libraries/,
    ],
    [{ libraries: { ecosystem: 'npm' } }, /setting libraries: expected a list/],
    [
      { libraries: [{ ecosystem: 'cpan', name: 'x', kind: 'otel-sdk' }] },
      /libraries\[0\]\.ecosystem: expected one of npm/,
    ],
    [
      { libraries: [{ ecosystem: 'npm', name: 'x' }] },
      /libraries\[0\]\.kind: expected a value/,
    ],
    [
      {
        attachments: [
          {
            via: 'launcher',
            pattern: 'x',
            library: 'x',
            ecosystem: 'pypi',
            kind: 'otel-auto',
            extra: 1,
          },
        ],
      },
      /attachments\[0\]\.extra: expected one of the fields/,
    ],
    [
      {
        codeImports: [
          {
            extensions: ['.js'],
            pattern: '(',
            library: 'x',
            ecosystem: 'npm',
            kind: 'opentracing',
          },
        ],
      },
      /codeImports\[0\]\.pattern: expected a valid regular expression/,
    ],
    [
      { minimumVersions: { x: 1 } },
      /minimumVersions\.x: expected a version string or null/,
    ],
    [{ maxSourceFiles: -1 }, /maxSourceFiles: expected a whole number/],
    [
      { orgTracerLibraries: [1] },
      /orgTracerLibraries: expected a list of strings/,
    ],
  ])('rejects %j', (overrides, message) => {
    expect(() => mergeDetectionSettings(overrides as never)).toThrow(message);
  });
});
