import {
  DEFAULT_DETECTION_SETTINGS,
  RepositoryScanResult,
  ScanFinding,
  ServiceDirectoryScan,
} from '@internal/plugin-tracing-adoption-common';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { scanLocalDirectory } from './scanLocalDirectory';

const REPOSITORIES = path.resolve(
  __dirname,
  '../../../../examples/demo-org/repos',
);

interface ExpectedFinding {
  library: string | null;
  ecosystem: string | null;
  version: string | null;
  declared?: string;
  kind: string;
  how: string;
  evidence: string;
  variables?: string[];
  vendor?: string;
  direct?: boolean;
  outdated?: boolean;
}

interface ExpectedEntry {
  path: string;
  serviceName?: string;
  serviceNameEvidence?: string;
  languages: string[];
  manifests: string[];
  lockfiles: string[];
  dockerfile: string | null;
  k8sManifests: string[];
  kind?: string;
  flowIdHeader?: boolean;
  flowIdEvidence?: string[];
  findings: ExpectedFinding[];
}

const expectedEntries: ExpectedEntry[] = parseYaml(
  fs.readFileSync(path.join(REPOSITORIES, 'EXPECTED.yaml'), 'utf8'),
).repos;

/**
 * Where the scanner deliberately differs from EXPECTED.yaml: each entry
 * adjusts the expected findings of one entry before comparison.
 */
const KNOWN_DISAGREEMENTS: Record<
  string,
  (findings: ExpectedFinding[]) => ExpectedFinding[]
> = {
  // Cargo "0.23.0" is a caret requirement (>=0.23.0, <0.24.0) and there is no
  // Cargo.lock, so no exact version is known. EXPECTED.yaml records the lower
  // bound as `version`, although its header defines `version` as "exact
  // resolved version where the repo pins or locks it, else null".
  warehouse: findings =>
    findings.map(finding =>
      finding.how === 'manifest' ? { ...finding, version: null } : finding,
    ),
  // The Dockerfile sets NEW_RELIC_ENV=production, a New Relic agent setting
  // like DD_ENV, which EXPECTED.yaml records for the Datadog services.
  shipping: findings => [
    ...findings,
    {
      library: null,
      ecosystem: null,
      version: null,
      kind: 'vendor-apm',
      how: 'env',
      evidence: 'Dockerfile',
      variables: ['NEW_RELIC_ENV'],
      vendor: 'newrelic',
    },
  ],
};

const KIND_TO_INSTRUMENTATION: Record<string, string> = {
  'otel-sdk': 'opentelemetry',
  'otel-auto': 'opentelemetry',
  opentracing: 'opentracing',
  zipkin: 'zipkin',
  'vendor-apm': 'vendor-apm',
  'org-tracer': 'org-tracer',
  none: 'none',
};

function within(servicePath: string, filePath: string): string {
  return servicePath === '' ? filePath : filePath.slice(servicePath.length + 1);
}

/** A comparable form of a finding: the fields EXPECTED.yaml records, in the shape it records them. */
function comparable(finding: ExpectedFinding): string {
  return JSON.stringify({
    library: finding.library,
    ecosystem: finding.ecosystem,
    version: finding.version,
    kind: finding.kind,
    how: finding.how,
    evidence: finding.evidence,
    declared: finding.how === 'manifest' ? finding.declared ?? null : null,
    variables:
      finding.how === 'env' ? [...(finding.variables ?? [])].sort() : null,
    vendor: finding.vendor ?? null,
    direct: finding.direct !== false,
    outdated: finding.outdated === true,
  });
}

function asExpected(
  servicePath: string,
  finding: ScanFinding,
): ExpectedFinding {
  return {
    library: finding.library,
    ecosystem: finding.ecosystem,
    version: finding.version ?? null,
    // Requirements files pin with `==`; EXPECTED.yaml writes the pinned version alone.
    declared:
      finding.ecosystem === 'pypi'
        ? finding.declared?.replace(/^==/, '')
        : finding.declared,
    kind: finding.kind,
    how: finding.how,
    evidence: within(servicePath, finding.evidence.path),
    variables: finding.variables,
    vendor: finding.vendor,
    direct: finding.direct,
    outdated: finding.outdated !== undefined,
  };
}

function filesOfType(
  service: ServiceDirectoryScan,
  predicate: (type: string, role: string) => boolean,
) {
  return service.manifests
    .filter(file => predicate(file.type, file.role))
    .map(file => within(service.path, file.path))
    .sort();
}

describe('scanLocalDirectory on the demo repositories', () => {
  const repositories = [
    ...new Set(expectedEntries.map(entry => entry.path.split('/')[0])),
  ];
  const results = new Map<string, RepositoryScanResult>();

  beforeAll(async () => {
    await Promise.all(
      repositories.map(async repository => {
        results.set(
          repository,
          await scanLocalDirectory(
            path.join(REPOSITORIES, repository),
            DEFAULT_DETECTION_SETTINGS,
          ),
        );
      }),
    );
  });

  it.each(repositories)(
    '%s has the expected service directories and no problems',
    repository => {
      const result = results.get(repository)!;
      const expectedPaths = expectedEntries
        .filter(entry => entry.path.split('/')[0] === repository)
        .map(entry => entry.path.split('/').slice(1).join('/'))
        .sort();
      expect(result.serviceDirectories.map(service => service.path)).toEqual(
        expectedPaths,
      );
      expect(result.problems).toEqual([]);
    },
  );

  it.each(expectedEntries.map(entry => [entry.path, entry] as const))(
    '%s',
    (_, entry) => {
      const [repository, ...rest] = entry.path.split('/');
      const servicePath = rest.join('/');
      const service = results
        .get(repository)!
        .serviceDirectories.find(candidate => candidate.path === servicePath);
      expect(service).toBeDefined();
      if (!service) {
        return;
      }

      expect([...service.languages].sort()).toEqual(
        [...entry.languages].sort(),
      );
      expect(
        filesOfType(service, (_type, role) => role === 'manifest'),
      ).toEqual([...entry.manifests].sort());
      expect(
        filesOfType(service, (_type, role) => role === 'lockfile'),
      ).toEqual([...entry.lockfiles].sort());
      expect(filesOfType(service, type => type === 'dockerfile')).toEqual(
        entry.dockerfile ? [entry.dockerfile] : [],
      );
      expect(filesOfType(service, type => type === 'kubernetes')).toEqual(
        [...entry.k8sManifests].sort(),
      );

      const adjust = KNOWN_DISAGREEMENTS[entry.path];
      const expectedFindings = adjust ? adjust(entry.findings) : entry.findings;
      expect(
        service.findings
          .map(finding => comparable(asExpected(servicePath, finding)))
          .sort(),
      ).toEqual(expectedFindings.map(comparable).sort());

      const instrumentation = KIND_TO_INSTRUMENTATION[entry.kind ?? 'none'];
      expect(service.summary.instrumentation).toBe(instrumentation);
      expect(service.summary.outdated).toBe(
        entry.findings.some(finding => finding.outdated === true),
      );
      if (instrumentation === 'none') {
        expect(service.findings).toEqual([]);
      }

      expect(service.flowIdPropagation.length > 0).toBe(
        entry.flowIdHeader === true,
      );
      expect(
        [
          ...new Set(
            service.flowIdPropagation.map(use =>
              within(servicePath, use.evidence.path),
            ),
          ),
        ].sort(),
      ).toEqual([...(entry.flowIdEvidence ?? [])].sort());
      expect(
        service.flowIdPropagation.every(
          use => use.header === 'X-Flow-ID' && use.evidence.line! > 0,
        ),
      ).toBe(true);

      for (const finding of service.findings) {
        if (finding.serviceName) {
          expect(finding.serviceName).toBe(entry.serviceName);
        }
      }
    },
  );
});
