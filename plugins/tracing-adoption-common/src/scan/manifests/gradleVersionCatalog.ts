import { baseNameOf } from '../paths';
import { parseTomlDocument } from './tomlDocuments';
import { isRecord, stringOf } from './textPositions';

export interface CatalogLibrary {
  /** `group:artifact`. */
  module: string;
  /** Version as written, with `version.ref` followed. */
  version?: string;
}

/** A Gradle version catalog (`gradle/libs.versions.toml`). */
export interface VersionCatalog {
  /** Name of the accessor build scripts use: `libs` for `libs.versions.toml`. */
  accessor: string;
  /** By alias in accessor form: lower case, `-` and `_` as `.`. */
  libraries: Map<string, CatalogLibrary>;
  bundles: Map<string, string[]>;
  problem?: string;
}

/** How build scripts spell a catalog alias: `otel-api` is `libs.otel.api`. */
export function accessorAlias(alias: string): string {
  return alias.toLowerCase().replace(/[-_.]+/g, '.');
}

function versionOf(
  value: unknown,
  versions: Record<string, unknown>,
): string | undefined {
  if (typeof value === 'string') {
    return value;
  }
  if (!isRecord(value)) {
    return undefined;
  }
  if (typeof value.ref === 'string') {
    return versionOf(versions[value.ref], versions);
  }
  return (
    stringOf(value.strictly) ??
    stringOf(value.require) ??
    stringOf(value.prefer)
  );
}

function libraryOf(
  value: unknown,
  versions: Record<string, unknown>,
): CatalogLibrary | undefined {
  if (typeof value === 'string') {
    const [group, artifact, version] = value.split(':');
    return group && artifact
      ? { module: `${group}:${artifact}`, version }
      : undefined;
  }
  if (!isRecord(value)) {
    return undefined;
  }
  const module =
    stringOf(value.module) ??
    (typeof value.group === 'string' && typeof value.name === 'string'
      ? `${value.group}:${value.name}`
      : undefined);
  return module
    ? { module, version: versionOf(value.version, versions) }
    : undefined;
}

export function parseVersionCatalog(
  path: string,
  content: string,
): VersionCatalog {
  const accessor = baseNameOf(path).replace(/\.versions\.toml$/, '');
  const catalog: VersionCatalog = {
    accessor,
    libraries: new Map(),
    bundles: new Map(),
  };
  const { document, problem } = parseTomlDocument(path, content);
  if (!document) {
    return { ...catalog, problem };
  }
  const versions = isRecord(document.versions) ? document.versions : {};
  if (isRecord(document.libraries)) {
    for (const [alias, value] of Object.entries(document.libraries)) {
      const library = libraryOf(value, versions);
      if (library) {
        catalog.libraries.set(accessorAlias(alias), library);
      }
    }
  }
  if (isRecord(document.bundles)) {
    for (const [alias, members] of Object.entries(document.bundles)) {
      if (Array.isArray(members)) {
        catalog.bundles.set(
          accessorAlias(alias),
          members.filter(
            (member): member is string => typeof member === 'string',
          ),
        );
      }
    }
  }
  return catalog;
}
