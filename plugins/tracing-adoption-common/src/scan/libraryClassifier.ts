import { compileWildcard, normalizePackageName } from './names';
import type { DetectionSettings } from './settings';
import type { ScanEcosystem, ScanFindingKind } from './types';

/** What the library table says about a package. */
export interface LibraryClassification {
  kind: ScanFindingKind;
  vendor?: string;
  omitWhenTransitive: boolean;
}

export type LibraryClassifier = (
  ecosystem: ScanEcosystem,
  name: string,
) => LibraryClassification | undefined;

/**
 * Compiles the library table and the organisation's tracer names into one
 * lookup. The organisation's tracer wins over the table; within the table the
 * first matching rule wins.
 */
export function createLibraryClassifier(
  settings: DetectionSettings,
): LibraryClassifier {
  const orgTracer = settings.orgTracerLibraries.map(pattern => ({
    pattern,
    matchers: new Map<ScanEcosystem, (name: string) => boolean>(),
  }));
  const rules = settings.libraries
    .filter(rule => !rule.disabled)
    .map(rule => ({
      rule,
      matches: compileWildcard(normalizePackageName(rule.ecosystem, rule.name)),
    }));
  return (ecosystem, name) => {
    const normalized = normalizePackageName(ecosystem, name);
    for (const entry of orgTracer) {
      let matches = entry.matchers.get(ecosystem);
      if (!matches) {
        matches = compileWildcard(
          normalizePackageName(ecosystem, entry.pattern),
        );
        entry.matchers.set(ecosystem, matches);
      }
      if (matches(normalized)) {
        return { kind: 'org-tracer', omitWhenTransitive: false };
      }
    }
    for (const { rule, matches } of rules) {
      if (rule.ecosystem === ecosystem && matches(normalized)) {
        return {
          kind: rule.kind,
          vendor: rule.vendor,
          omitWhenTransitive: rule.omitWhenTransitive === true,
        };
      }
    }
    return undefined;
  };
}
