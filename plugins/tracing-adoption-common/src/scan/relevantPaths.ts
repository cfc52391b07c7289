import { classifyRepositoryPath, isInIgnoredDirectory } from './fileTypes';
import { baseNameOf, normalizeRepositoryPath } from './paths';
import type { DetectionSettings } from './settings';

/**
 * Whether the scanner needs this file's content: manifests, lockfiles,
 * Dockerfiles, Kubernetes / Helm / compose YAML, Procfiles and source files
 * (the latter subject to `maxSourceFiles`, see `selectPathsToRead`). Paths in
 * ignored directories (dependencies, build output) never are.
 *
 * @public
 */
export function isRelevantPath(
  path: string,
  settings: DetectionSettings,
): boolean {
  const normalized = normalizeRepositoryPath(path);
  return (
    !isInIgnoredDirectory(normalized, settings) &&
    classifyRepositoryPath(normalized, settings) !== undefined
  );
}

/** Source files whose names suggest tracing or header handling are read first. */
const PROMISING_SOURCE_NAME =
  /trac|telemetry|otel|flow|header|propagat|middleware|filter|interceptor|instrument|correlat/i;

/** Orders source files by how likely they hold tracing code: promising names, then shallow paths. */
function compareSourcePriority(a: string, b: string): number {
  const promisingA = PROMISING_SOURCE_NAME.test(baseNameOf(a)) ? 0 : 1;
  const promisingB = PROMISING_SOURCE_NAME.test(baseNameOf(b)) ? 0 : 1;
  if (promisingA !== promisingB) {
    return promisingA - promisingB;
  }
  const depthA = a.split('/').length;
  const depthB = b.split('/').length;
  if (depthA !== depthB) {
    return depthA - depthB;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The relevant paths a scan reads, in repository form: every manifest,
 * lockfile and deployment file, and the `maxSourceFiles` most promising
 * source files. `scanRepositoryFiles` applies the same selection to the files
 * it is given, so a caller that fetches files one by one (the GitHub scanner)
 * fetches exactly these.
 *
 * @public
 */
export function selectPathsToRead(
  allPaths: readonly string[],
  settings: DetectionSettings,
): { paths: string[]; sourceFilesLeftOut: number } {
  const paths: string[] = [];
  const sources: string[] = [];
  for (const original of allPaths) {
    const path = normalizeRepositoryPath(original);
    if (isInIgnoredDirectory(path, settings)) {
      continue;
    }
    const fileClass = classifyRepositoryPath(path, settings);
    if (fileClass?.role === 'source') {
      sources.push(path);
    } else if (fileClass) {
      paths.push(path);
    }
  }
  sources.sort(compareSourcePriority);
  const limit = Math.max(0, settings.maxSourceFiles);
  return {
    paths: [...paths.sort(), ...sources.slice(0, limit)],
    sourceFilesLeftOut: Math.max(0, sources.length - limit),
  };
}
