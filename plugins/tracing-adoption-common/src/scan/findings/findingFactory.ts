import type { LibraryClassification } from '../libraryClassifier';
import type { MinimumVersionLookup } from '../minimumVersions';
import type {
  DeclaredDependency,
  LockedPackage,
  ObservedVariable,
  RuntimeObservation,
} from '../model';
import { normalizePackageName } from '../names';
import type { DetectionEnvironmentRule } from '../settings';
import type { ScanEcosystem, ScanFinding, ScanFindingKind } from '../types';
import {
  exactVersion,
  isBelowMinimum,
  lowestAllowedVersion,
} from '../versions';

/** Copies only the defined fields, so findings serialise without `undefined` keys. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, field]) => field !== undefined),
  ) as T;
}

/** Turns scan observations into findings, with versions and minimum-version checks. */
export class FindingFactory {
  constructor(private readonly minimumOf: MinimumVersionLookup) {}

  private outdated(
    ecosystem: ScanEcosystem,
    library: string,
    version: string | undefined,
  ): ScanFinding['outdated'] {
    const minimum = this.minimumOf(ecosystem, library);
    if (!minimum || !version) {
      return undefined;
    }
    return isBelowMinimum(version, minimum) ? { minimum } : undefined;
  }

  /** PyPI names are reported in their normalised spelling, which is how the index lists them. */
  private libraryName(ecosystem: ScanEcosystem, name: string): string {
    return ecosystem === 'pypi' ? normalizePackageName(ecosystem, name) : name;
  }

  fromDependency(
    dependency: DeclaredDependency,
    classification: LibraryClassification,
    locked: LockedPackage | undefined,
  ): ScanFinding {
    const { ecosystem } = dependency;
    const library = this.libraryName(ecosystem, dependency.name);
    const written = dependency.interpolated ?? dependency.declared;
    const version =
      locked?.version ?? dependency.pinned ?? exactVersion(ecosystem, written);
    const reference = version ?? lowestAllowedVersion(ecosystem, written);
    return compact<ScanFinding>({
      kind: classification.kind,
      library,
      ecosystem,
      version,
      declared: dependency.declared,
      how: 'manifest',
      evidence: compact(dependency.evidence),
      outdated: this.outdated(ecosystem, library, reference),
      direct: dependency.direct ? undefined : false,
      developmentOnly:
        dependency.developmentOnly || locked?.developmentOnly
          ? true
          : undefined,
      vendor: classification.vendor,
    });
  }

  fromLockedPackage(
    ecosystem: ScanEcosystem,
    locked: LockedPackage,
    classification: LibraryClassification,
    lockfilePath: string,
  ): ScanFinding {
    const library = this.libraryName(ecosystem, locked.name);
    return compact<ScanFinding>({
      kind: classification.kind,
      library,
      ecosystem,
      version: locked.version,
      how: 'lockfile',
      evidence: { path: lockfilePath },
      outdated: this.outdated(ecosystem, library, locked.version),
      direct: false,
      developmentOnly: locked.developmentOnly ? true : undefined,
      vendor: classification.vendor,
    });
  }

  fromRuntime(observation: RuntimeObservation): ScanFinding {
    return compact<ScanFinding>({
      kind: observation.kind,
      library: observation.library,
      ecosystem: observation.ecosystem,
      version: observation.version,
      how: observation.how,
      evidence: compact(observation.evidence),
      outdated: this.outdated(
        observation.ecosystem,
        observation.library,
        observation.version,
      ),
      vendor: observation.vendor,
      variables: observation.variables,
    });
  }

  fromCode(
    library: string,
    ecosystem: ScanEcosystem,
    kind: ScanFindingKind,
    evidence: ScanFinding['evidence'],
  ): ScanFinding {
    return compact<ScanFinding>({
      kind,
      library,
      ecosystem,
      how: 'code',
      evidence: compact(evidence),
    });
  }
}

/** `service.name` from a variable, as the rule says to read it. */
function serviceNameOf(
  rule: DetectionEnvironmentRule | undefined,
  value: string | undefined,
) {
  if (!rule?.serviceName || !value || value === 'templated') {
    return undefined;
  }
  if (rule.serviceName === 'value') {
    return value.trim() || undefined;
  }
  const attribute = value
    .split(',')
    .map(pair => pair.split('='))
    .find(([key]) => key.trim() === 'service.name');
  return attribute?.[1]?.trim() || undefined;
}

/** Groups one file's configuration variables into one `env` finding per tracer family. */
export function environmentFindings(
  path: string,
  variables: ObservedVariable[],
  ruleOf: (name: string) => DetectionEnvironmentRule | undefined,
): ScanFinding[] {
  const groups = new Map<string, ScanFinding>();
  for (const variable of variables) {
    const rule = ruleOf(variable.name);
    const family = rule ?? variable.attaches;
    if (!family) {
      continue;
    }
    // OpenTelemetry configuration serves the SDK and auto-instrumentation alike.
    const kind: ScanFindingKind =
      family.kind === 'otel-auto' ? 'otel-sdk' : family.kind;
    const key = `${kind}\n${family.vendor ?? ''}`;
    let group = groups.get(key);
    if (!group) {
      group = compact<ScanFinding>({
        kind,
        library: null,
        ecosystem: null,
        how: 'env',
        evidence: compact({ path, line: variable.line }),
        vendor: family.vendor,
        variables: [],
      });
      groups.set(key, group);
    }
    if (!group.variables!.includes(variable.name)) {
      group.variables!.push(variable.name);
    }
    const serviceName = serviceNameOf(rule, variable.value);
    if (serviceName && !group.serviceName) {
      group.serviceName = serviceName;
    }
  }
  return [...groups.values()];
}
