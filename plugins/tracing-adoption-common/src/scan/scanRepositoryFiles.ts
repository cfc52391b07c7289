import {
  classifyRepositoryPath,
  isInIgnoredDirectory,
  RepositoryFileClass,
} from './fileTypes';
import { resolveServiceLayout } from './layout/serviceDirectories';
import { normalizeRepositoryPath } from './paths';
import { selectPathsToRead } from './relevantPaths';
import { RepositoryFiles } from './repositoryFiles';
import { RepositoryScan } from './repositoryScan';
import type { DetectionSettings } from './settings';
import type { RepositoryScanResult } from './types';

/**
 * Detects tracing instrumentation in one repository from its file list and
 * the content of its relevant files. Pure and synchronous: callers fetch the
 * files (from disk, from the GitHub API) and pass them in. Never throws on
 * file content; unreadable files are reported in `problems`.
 *
 * @public
 */
export function scanRepositoryFiles(input: {
  allPaths: string[];
  files: Array<{ path: string; content: string }>;
  settings: DetectionSettings;
}): RepositoryScanResult {
  const { settings } = input;
  const listed = new Set<string>();
  for (const path of input.allPaths) {
    const normalized = normalizeRepositoryPath(path);
    if (normalized !== '' && !isInIgnoredDirectory(normalized, settings)) {
      listed.add(normalized);
    }
  }
  const provided = new Map<string, string>();
  for (const file of input.files) {
    const path = normalizeRepositoryPath(file.path);
    if (path !== '' && !isInIgnoredDirectory(path, settings)) {
      provided.set(path, file.content);
      listed.add(path);
    }
  }
  const { paths, sourceFilesLeftOut } = selectPathsToRead(
    [...listed],
    settings,
  );
  const classes = new Map<string, RepositoryFileClass>();
  const contents = new Map<string, string>();
  for (const path of paths) {
    const content = provided.get(path);
    const fileClass = classifyRepositoryPath(path, settings);
    if (content !== undefined && fileClass) {
      classes.set(path, fileClass);
      contents.set(path, content);
    }
  }
  const files = new RepositoryFiles(listed, classes, contents);
  const scan = new RepositoryScan(files, resolveServiceLayout(files), settings);
  if (sourceFilesLeftOut > 0) {
    scan.problems.push({
      path: '',
      message: `${sourceFilesLeftOut} source files were not read: the repository has more than maxSourceFiles (${settings.maxSourceFiles})`,
    });
  }
  for (const [path, fileClass] of [...classes].sort(([a], [b]) =>
    a < b ? -1 : 1,
  )) {
    scan.addFile(path, fileClass);
  }
  scan.addTransitivePackages();
  scan.assignLanguages();
  return {
    serviceDirectories: scan.results(),
    filesRead: classes.size,
    problems: scan.problems,
  };
}
