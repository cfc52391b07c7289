import type {
  ScanEcosystem,
  ScanEvidence,
  ScanFindingKind,
  ScanFindingSource,
  ScanProblem,
} from './types';

/** A dependency as a manifest declares it, before it is matched against the library table. */
export interface DeclaredDependency {
  ecosystem: ScanEcosystem;
  /** As the ecosystem spells it: `group:artifact` for Maven, the module path for Go. */
  name: string;
  /** Version or range as written. */
  declared?: string;
  /** `declared` with build properties (`${otel.version}`, `$otelVersion`) substituted, where they differ. */
  interpolated?: string;
  /** Exact version the manifest itself fixes where the ecosystem's rules alone do not tell (Poetry bare versions). */
  pinned?: string;
  /** False for Go `// indirect` requirements. */
  direct: boolean;
  developmentOnly: boolean;
  evidence: ScanEvidence;
}

/** What a manifest parser returns; `problem` is set instead of throwing. */
export interface ManifestParseResult {
  dependencies: DeclaredDependency[];
  /** Why the file could not be parsed, naming it. */
  problem?: string;
  /** Problems that leave the file readable, such as an include that was not provided. */
  warnings?: ScanProblem[];
}

/** A package as a lockfile resolved it. */
export interface LockedPackage {
  name: string;
  version: string;
  developmentOnly: boolean;
}

/** Resolved versions from one lockfile. */
export interface ParsedLockfile {
  /** The package installed for a dependency of the manifest in `memberDirectory` (relative to the lockfile's directory, `''` for its own). */
  resolve(
    name: string,
    memberDirectory: string,
    declared?: string,
  ): LockedPackage | undefined;
  /** Every package the lockfile installs. */
  packages: LockedPackage[];
  /**
   * Whether the lockfile installs the project in `memberDirectory` (relative
   * to its own directory), for formats that list workspace members. Without
   * it, a lockfile covers its own directory and, when that is a workspace
   * root, the members below.
   */
  covers?(memberDirectory: string): boolean;
}

export interface LockfileParseResult {
  lockfile?: ParsedLockfile;
  problem?: string;
}

/**
 * Instrumentation seen in a deployment file, before it is turned into
 * findings.
 */
export interface RuntimeObservation {
  library: string;
  ecosystem: ScanEcosystem;
  kind: ScanFindingKind;
  vendor?: string;
  how: Extract<ScanFindingSource, 'agent' | 'launcher' | 'env'>;
  version?: string;
  evidence: ScanEvidence;
  /** Variables that attach it, for `env` observations. */
  variables?: string[];
}

/** A tracer configuration variable seen in a deployment file. */
export interface ObservedVariable {
  name: string;
  value?: string;
  line?: number;
  /** For a variable that attaches an agent (`JAVA_TOOL_OPTIONS=-javaagent:...`): the agent's kind and vendor. */
  attaches?: { kind: ScanFindingKind; vendor?: string };
}

/** Everything a deployment file shows about runtime instrumentation. */
export interface DeploymentObservations {
  attachments: RuntimeObservation[];
  /** Variables not already carried by an `env` attachment. */
  variables: ObservedVariable[];
  problem?: string;
}

/**
 * The first line of an error's message. Errors raised inside a VM context
 * (jest, sandboxes) are not `instanceof Error` here, so the message is read
 * structurally.
 */
export function firstLineOf(error: unknown): string {
  const message =
    typeof error === 'object' && error !== null && 'message' in error
      ? String((error as { message: unknown }).message)
      : String(error);
  return message.split('\n')[0].trim();
}

/** Why a parse failed, in one line that names the file and, where known, the format. */
export function describeParseFailure(
  path: string,
  error: unknown,
  format?: string,
): string {
  const reason = firstLineOf(error) || 'could not be parsed';
  return format
    ? `${path}: invalid ${format}: ${reason}`
    : `${path}: ${reason}`;
}
