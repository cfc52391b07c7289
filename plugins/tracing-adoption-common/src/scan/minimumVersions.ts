import { compileWildcard, normalizePackageName } from './names';
import type { DetectionSettings } from './settings';
import type { ScanEcosystem } from './types';

const ECOSYSTEM_PREFIX =
  /^(npm|pypi|maven|go|nuget|cargo|rubygems|composer):(.+)$/;

interface MinimumVersionEntry {
  ecosystem?: ScanEcosystem;
  pattern: string;
  minimum: string;
  /** Lower ranks win: qualified before unqualified, exact names before patterns. */
  rank: number;
}

export type MinimumVersionLookup = (
  ecosystem: ScanEcosystem,
  library: string,
) => string | undefined;

/**
 * Compiles `minimumVersions`. A key may be qualified by ecosystem
 * (`nuget:OpenTelemetry`); names are compared in the ecosystem's normalised
 * spelling. Qualified keys win over unqualified ones, exact names over
 * `*` patterns.
 */
export function createMinimumVersionLookup(
  settings: DetectionSettings,
): MinimumVersionLookup {
  const entries: MinimumVersionEntry[] = Object.entries(
    settings.minimumVersions,
  ).map(([key, minimum]) => {
    const qualified = ECOSYSTEM_PREFIX.exec(key);
    const pattern = qualified ? qualified[2] : key;
    return {
      ecosystem: qualified ? (qualified[1] as ScanEcosystem) : undefined,
      pattern,
      minimum,
      rank: (qualified ? 0 : 1) + (pattern.includes('*') ? 2 : 0),
    };
  });
  entries.sort((a, b) => a.rank - b.rank);
  const matchers = new Map<string, (name: string) => boolean>();
  const matcherOf = (ecosystem: ScanEcosystem, pattern: string) => {
    const key = `${ecosystem}\n${pattern}`;
    let matcher = matchers.get(key);
    if (!matcher) {
      matcher = compileWildcard(normalizePackageName(ecosystem, pattern));
      matchers.set(key, matcher);
    }
    return matcher;
  };
  return (ecosystem, library) => {
    const normalized = normalizePackageName(ecosystem, library);
    const found = entries.find(
      entry =>
        (entry.ecosystem === undefined || entry.ecosystem === ecosystem) &&
        matcherOf(ecosystem, entry.pattern)(normalized),
    );
    return found?.minimum;
  };
}
