import { DEFAULT_DETECTION_SETTINGS } from './defaultSettings';
import type {
  DetectionAttachmentRule,
  DetectionCodeImportRule,
  DetectionEnvironmentRule,
  DetectionLibraryRule,
  DetectionSettings,
} from './settings';

/**
 * How an override changes one table: an array adds entries (an entry with
 * the key of a default entry replaces it; `disabled: true` removes it), and
 * `{ replace: [...] }` replaces the whole table.
 *
 * @public
 */
export type DetectionTableOverride<T> = T[] | { replace: T[] };

/**
 * Changes to the detection settings, as app-config
 * (`tracingAdoption.scanning.detection`) or a command line gives them.
 *
 * @public
 */
export interface DetectionSettingsOverrides {
  libraries?: DetectionTableOverride<DetectionLibraryRule>;
  orgTracerLibraries?: DetectionTableOverride<string>;
  /** Sets minimum versions; `null` removes one, `{ replace: {...} }` replaces all. */
  minimumVersions?:
    | Record<string, string | null>
    | { replace: Record<string, string> };
  attachments?: DetectionTableOverride<DetectionAttachmentRule>;
  environmentVariables?: DetectionTableOverride<DetectionEnvironmentRule>;
  codeImports?: DetectionTableOverride<DetectionCodeImportRule>;
  flowIdHeaders?: DetectionTableOverride<string>;
  sourceExtensions?: DetectionTableOverride<string>;
  maxSourceFiles?: number;
  ignoredDirectories?: DetectionTableOverride<string>;
  deploymentDirectories?: DetectionTableOverride<string>;
}

const ECOSYSTEMS = [
  'npm',
  'pypi',
  'maven',
  'go',
  'nuget',
  'cargo',
  'rubygems',
  'composer',
];
const KINDS = [
  'otel-sdk',
  'otel-auto',
  'opentracing',
  'zipkin',
  'vendor-apm',
  'org-tracer',
];
const VIAS = ['java-agent', 'launcher', 'profiler', 'annotation'];

class InvalidSetting extends Error {
  constructor(path: string, expectation: string) {
    super(
      `Invalid tracing-adoption detection setting ${path}: expected ${expectation}`,
    );
    this.name = 'InvalidSetting';
  }
}

type FieldCheck = 'string' | 'strings' | 'boolean' | readonly string[];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks one table entry. Entries that only disable a default entry need
 * just the fields that identify it (`keyFields`).
 */
function checkFields(
  path: string,
  value: unknown,
  required: Record<string, FieldCheck>,
  optional: Record<string, FieldCheck>,
  keyFields: string[],
): void {
  if (!isPlainObject(value)) {
    throw new InvalidSetting(path, 'an object');
  }
  const all = { ...required, ...optional };
  for (const key of Object.keys(value)) {
    if (!(key in all)) {
      throw new InvalidSetting(
        `${path}.${key}`,
        `one of the fields ${Object.keys(all).join(', ')}`,
      );
    }
  }
  for (const [key, check] of Object.entries(all)) {
    const field = value[key];
    if (field === undefined) {
      if (
        key in required &&
        (value.disabled !== true || keyFields.includes(key))
      ) {
        throw new InvalidSetting(`${path}.${key}`, 'a value');
      }
      continue;
    }
    const ok =
      check === 'string'
        ? typeof field === 'string'
        : check === 'strings'
        ? Array.isArray(field) && field.every(item => typeof item === 'string')
        : check === 'boolean'
        ? typeof field === 'boolean'
        : typeof field === 'string' && check.includes(field);
    if (!ok) {
      throw new InvalidSetting(
        `${path}.${key}`,
        typeof check === 'string'
          ? `a ${check === 'strings' ? 'list of strings' : check}`
          : `one of ${check.join(', ')}`,
      );
    }
  }
}

interface TableSpec<T> {
  keyOf(entry: T): string;
  check(path: string, entry: unknown): void;
}

function mergeTable<T extends { disabled?: boolean }>(
  name: string,
  base: T[],
  override: unknown,
  spec: TableSpec<T>,
): T[] {
  if (override === undefined) {
    return base;
  }
  const replace = isPlainObject(override) && 'replace' in override;
  const entries = replace ? override.replace : override;
  if (!Array.isArray(entries)) {
    throw new InvalidSetting(name, 'a list, or { replace: [...] }');
  }
  entries.forEach((entry, index) => spec.check(`${name}[${index}]`, entry));
  const typed = entries as T[];
  if (replace) {
    return typed.filter(entry => !entry.disabled);
  }
  const overridden = new Set(typed.map(spec.keyOf));
  // Added entries go first: the first matching rule wins.
  return [
    ...typed.filter(entry => !entry.disabled),
    ...base.filter(entry => !overridden.has(spec.keyOf(entry))),
  ];
}

function mergeStrings(
  name: string,
  base: string[],
  override: unknown,
  sameEntry: (value: string) => string = value => value,
): string[] {
  if (override === undefined) {
    return base;
  }
  const replace = isPlainObject(override) && 'replace' in override;
  const entries = replace ? override.replace : override;
  if (
    !Array.isArray(entries) ||
    !entries.every(entry => typeof entry === 'string')
  ) {
    throw new InvalidSetting(name, 'a list of strings, or { replace: [...] }');
  }
  const merged = replace ? [] : [...base];
  for (const entry of entries as string[]) {
    if (!merged.some(existing => sameEntry(existing) === sameEntry(entry))) {
      merged.push(entry);
    }
  }
  return merged;
}

function mergeMinimumVersions(
  base: Record<string, string>,
  override: unknown,
): Record<string, string> {
  if (override === undefined) {
    return base;
  }
  if (!isPlainObject(override)) {
    throw new InvalidSetting(
      'minimumVersions',
      'an object of library names to versions',
    );
  }
  const replace = isPlainObject(override.replace);
  const entries = replace
    ? (override.replace as Record<string, unknown>)
    : override;
  const merged: Record<string, string> = replace ? {} : { ...base };
  for (const [library, version] of Object.entries(entries)) {
    if (version === null) {
      delete merged[library];
    } else if (typeof version === 'string') {
      merged[library] = version;
    } else {
      throw new InvalidSetting(
        `minimumVersions.${library}`,
        'a version string or null',
      );
    }
  }
  return merged;
}

const LIBRARY_TABLE: TableSpec<DetectionLibraryRule> = {
  keyOf: rule => `${rule.ecosystem}\n${rule.name}`,
  check: (path, entry) =>
    checkFields(
      path,
      entry,
      { ecosystem: ECOSYSTEMS, name: 'string', kind: KINDS },
      { vendor: 'string', omitWhenTransitive: 'boolean', disabled: 'boolean' },
      ['ecosystem', 'name'],
    ),
};

const ATTACHMENT_TABLE: TableSpec<DetectionAttachmentRule> = {
  keyOf: rule => `${rule.via}\n${rule.pattern.toLowerCase()}`,
  check: (path, entry) =>
    checkFields(
      path,
      entry,
      {
        via: VIAS,
        pattern: 'string',
        library: 'string',
        ecosystem: ECOSYSTEMS,
        kind: KINDS,
      },
      { vendor: 'string', disabled: 'boolean' },
      ['via', 'pattern'],
    ),
};

const ENVIRONMENT_TABLE: TableSpec<DetectionEnvironmentRule> = {
  keyOf: rule => rule.name.toUpperCase(),
  check: (path, entry) =>
    checkFields(
      path,
      entry,
      { name: 'string', kind: KINDS },
      {
        vendor: 'string',
        serviceName: ['value', 'resource-attributes'],
        disabled: 'boolean',
      },
      ['name'],
    ),
};

const CODE_IMPORT_TABLE: TableSpec<DetectionCodeImportRule> = {
  keyOf: rule => rule.pattern,
  check: (path, entry) => {
    checkFields(
      path,
      entry,
      {
        extensions: 'strings',
        pattern: 'string',
        library: 'string',
        ecosystem: ECOSYSTEMS,
        kind: KINDS,
      },
      { disabled: 'boolean' },
      ['pattern'],
    );
    try {
      new RegExp((entry as DetectionCodeImportRule).pattern);
    } catch {
      throw new InvalidSetting(`${path}.pattern`, 'a valid regular expression');
    }
  },
};

const KNOWN_SETTINGS = new Set(Object.keys(DEFAULT_DETECTION_SETTINGS));

/**
 * Applies overrides from app-config or a command line to detection settings
 * (the defaults unless `base` is given). Untyped config objects are accepted
 * as they are and checked here: a malformed override throws an error naming
 * the setting, so a typo in config fails at startup rather than silently
 * detecting less.
 *
 * @public
 */
export function mergeDetectionSettings(
  overrides: DetectionSettingsOverrides | { [key: string]: unknown },
  base: DetectionSettings = DEFAULT_DETECTION_SETTINGS,
): DetectionSettings {
  if (!isPlainObject(overrides)) {
    throw new InvalidSetting('overrides', 'an object');
  }
  for (const key of Object.keys(overrides)) {
    if (!KNOWN_SETTINGS.has(key)) {
      throw new InvalidSetting(key, `one of ${[...KNOWN_SETTINGS].join(', ')}`);
    }
  }
  const { maxSourceFiles } = overrides;
  if (
    maxSourceFiles !== undefined &&
    (typeof maxSourceFiles !== 'number' ||
      !Number.isInteger(maxSourceFiles) ||
      maxSourceFiles < 0)
  ) {
    throw new InvalidSetting('maxSourceFiles', 'a whole number of at least 0');
  }
  return {
    libraries: mergeTable(
      'libraries',
      base.libraries,
      overrides.libraries,
      LIBRARY_TABLE,
    ),
    orgTracerLibraries: mergeStrings(
      'orgTracerLibraries',
      base.orgTracerLibraries,
      overrides.orgTracerLibraries,
    ),
    minimumVersions: mergeMinimumVersions(
      base.minimumVersions,
      overrides.minimumVersions,
    ),
    attachments: mergeTable(
      'attachments',
      base.attachments,
      overrides.attachments,
      ATTACHMENT_TABLE,
    ),
    environmentVariables: mergeTable(
      'environmentVariables',
      base.environmentVariables,
      overrides.environmentVariables,
      ENVIRONMENT_TABLE,
    ),
    codeImports: mergeTable(
      'codeImports',
      base.codeImports,
      overrides.codeImports,
      CODE_IMPORT_TABLE,
    ),
    flowIdHeaders: mergeStrings(
      'flowIdHeaders',
      base.flowIdHeaders,
      overrides.flowIdHeaders,
      header => header.toLowerCase(),
    ),
    sourceExtensions: mergeStrings(
      'sourceExtensions',
      base.sourceExtensions,
      overrides.sourceExtensions,
      extension => extension.toLowerCase(),
    ),
    maxSourceFiles: maxSourceFiles ?? base.maxSourceFiles,
    ignoredDirectories: mergeStrings(
      'ignoredDirectories',
      base.ignoredDirectories,
      overrides.ignoredDirectories,
    ),
    deploymentDirectories: mergeStrings(
      'deploymentDirectories',
      base.deploymentDirectories,
      overrides.deploymentDirectories,
    ),
  };
}
