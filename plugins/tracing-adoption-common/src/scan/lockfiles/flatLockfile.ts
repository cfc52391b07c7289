import type { LockedPackage, ParsedLockfile } from '../model';
import { normalizePackageName } from '../names';
import type { ScanEcosystem } from '../types';
import { isBelowMinimum } from '../versions';

/**
 * A lockfile that lists each installed package once per version, with no
 * per-project sections (Pipfile.lock, poetry.lock, Gemfile.lock, Cargo.lock,
 * composer.lock). Where a package is locked at several versions, the highest
 * is the one the project's own declaration gets.
 */
export function flatLockfile(
  ecosystem: ScanEcosystem,
  packages: LockedPackage[],
): ParsedLockfile {
  const byName = new Map<string, LockedPackage>();
  for (const locked of packages) {
    const key = normalizePackageName(ecosystem, locked.name);
    const known = byName.get(key);
    if (!known || isBelowMinimum(known.version, locked.version)) {
      byName.set(key, locked);
    }
  }
  return {
    packages,
    resolve: name => byName.get(normalizePackageName(ecosystem, name)),
  };
}
