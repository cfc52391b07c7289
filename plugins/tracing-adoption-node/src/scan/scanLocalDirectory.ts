import {
  DetectionSettings,
  RepositoryScanResult,
  ScanProblem,
  scanRepositoryFiles,
  selectPathsToRead,
} from '@internal/plugin-tracing-adoption-common';
import type { Dirent } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Files above this size are skipped: no manifest or deployment file is that large, but generated bundles are. */
const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Files read at once; enough to hide disk latency without exhausting file handles. */
const READ_CONCURRENCY = 16;

/**
 * Options of a local directory scan.
 *
 * @public
 */
export interface LocalScanOptions {
  /** Stops the scan; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Larger files are skipped and reported. Default 2 MiB. */
  maxFileBytes?: number;
}

/** An error's message; errors from another realm (jest's VM) fail `instanceof Error`, so it is read structurally. */
function messageOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'message' in error
    ? String((error as { message: unknown }).message)
    : String(error);
}

function throwIfAborted(signal: AbortSignal | undefined) {
  if (signal?.aborted) {
    throw signal.reason ?? new Error('Scan aborted');
  }
}

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return (
    relative === '' ||
    (!relative.startsWith('..') && !path.isAbsolute(relative))
  );
}

interface Walk {
  root: string;
  ignored: ReadonlySet<string>;
  signal?: AbortSignal;
  /** Real paths of the directories entered, so that symlink loops end. */
  visited: Set<string>;
  files: string[];
}

async function readDirectory(absolute: string): Promise<Dirent[]> {
  try {
    return await fs.readdir(absolute, { withFileTypes: true });
  } catch (error) {
    const reason = messageOf(error);
    throw new Error(`Cannot read directory ${absolute}: ${reason}`);
  }
}

/** The kind of entry a symlink points to, if it stays inside the tree. */
async function symlinkTarget(
  walk: Walk,
  absolute: string,
): Promise<'file' | 'directory' | undefined> {
  try {
    const target = await fs.realpath(absolute);
    if (!isInside(walk.root, target)) {
      return undefined;
    }
    const stats = await fs.stat(target);
    if (stats.isDirectory()) {
      return walk.visited.has(target) ? undefined : 'directory';
    }
    return stats.isFile() ? 'file' : undefined;
  } catch {
    // A dangling link points at nothing to scan.
    return undefined;
  }
}

async function walkDirectory(walk: Walk, relative: string): Promise<void> {
  throwIfAborted(walk.signal);
  const absolute = path.join(walk.root, relative);
  walk.visited.add(await fs.realpath(absolute).catch(() => absolute));
  const entries = await readDirectory(absolute);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const entryPath = relative ? `${relative}/${entry.name}` : entry.name;
    let kind: 'file' | 'directory' | undefined;
    if (entry.isSymbolicLink()) {
      kind = await symlinkTarget(walk, path.join(walk.root, entryPath));
    } else if (entry.isDirectory()) {
      kind = 'directory';
    } else if (entry.isFile()) {
      kind = 'file';
    }
    if (kind === 'directory' && !walk.ignored.has(entry.name)) {
      await walkDirectory(walk, entryPath);
    } else if (kind === 'file') {
      walk.files.push(entryPath);
    }
  }
}

async function readRelevantFiles(
  root: string,
  paths: string[],
  maxFileBytes: number,
  signal: AbortSignal | undefined,
) {
  const files: Array<{ path: string; content: string }> = [];
  const problems: ScanProblem[] = [];
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      throwIfAborted(signal);
      const relative = paths[next++];
      const absolute = path.join(root, relative);
      try {
        const { size } = await fs.stat(absolute);
        if (size > maxFileBytes) {
          problems.push({
            path: relative,
            message: `${relative}: skipped, ${size} bytes is more than the ${maxFileBytes} byte limit`,
          });
          continue;
        }
        files.push({
          path: relative,
          content: await fs.readFile(absolute, 'utf8'),
        });
      } catch (error) {
        const reason = messageOf(error);
        problems.push({
          path: relative,
          message: `${relative}: could not be read: ${reason}`,
        });
      }
    }
  };
  await Promise.all(Array.from({ length: READ_CONCURRENCY }, worker));
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, problems };
}

/**
 * Scans a repository checked out on disk: walks the tree (skipping ignored
 * directories, following symlinks only while they stay inside it), reads the
 * relevant files and runs the detection on them.
 *
 * Rejects with an error naming the directory when a directory cannot be
 * read; files that cannot be read, or are too large, are reported in
 * `problems` instead.
 *
 * @public
 */
export async function scanLocalDirectory(
  directory: string,
  settings: DetectionSettings,
  options: LocalScanOptions = {},
): Promise<RepositoryScanResult & { durationMs: number }> {
  const started = performance.now();
  const { signal, maxFileBytes = DEFAULT_MAX_FILE_BYTES } = options;
  let root: string;
  try {
    root = await fs.realpath(directory);
  } catch (error) {
    const reason = messageOf(error);
    throw new Error(`Cannot read directory ${directory}: ${reason}`);
  }
  const walk: Walk = {
    root,
    ignored: new Set(settings.ignoredDirectories),
    signal,
    visited: new Set(),
    files: [],
  };
  await walkDirectory(walk, '');
  const { paths } = selectPathsToRead(walk.files, settings);
  const { files, problems } = await readRelevantFiles(
    root,
    paths,
    maxFileBytes,
    signal,
  );
  throwIfAborted(signal);
  const result = scanRepositoryFiles({ allPaths: walk.files, files, settings });
  return {
    ...result,
    problems: [...problems, ...result.problems],
    durationMs: Math.round(performance.now() - started),
  };
}
