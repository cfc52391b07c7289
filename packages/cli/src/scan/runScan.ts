import { DetectionSettings } from '@internal/plugin-tracing-adoption-common';
import { scanLocalDirectory } from '@internal/plugin-tracing-adoption-node';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  CliIo,
  EXIT_OK,
  EXIT_USAGE,
  UsageError,
  messageOf,
  writeResult,
} from '../io';
import { formatRepositoryScanText } from './formatScanText';
import { readDetectionConfig } from './readDetectionConfig';
import type { FailedRepositoryScan, RepositoryScan } from './repositoryScan';
import { scanAllEnvelope, scanEnvelope } from './scanEnvelope';

export const SCAN_FORMATS = ['text', 'json'] as const;

export type ScanFormat = (typeof SCAN_FORMATS)[number];

export interface ScanOptions {
  config?: string;
  format: ScanFormat;
  all: boolean;
  output?: string;
}

async function requireDirectory(directory: string): Promise<void> {
  let isDirectory: boolean;
  try {
    isDirectory = (await fs.stat(directory)).isDirectory();
  } catch (error) {
    throw new UsageError(
      `Cannot read directory ${directory}: ${messageOf(error)}`,
    );
  }
  if (!isDirectory) {
    throw new UsageError(`${directory} is not a directory`);
  }
}

/** The checkouts of `--all`: every subdirectory except hidden ones, by name. */
async function checkoutsIn(directory: string): Promise<string[]> {
  try {
    const entries = await fs.readdir(directory, { withFileTypes: true });
    return entries
      .filter(entry => entry.isDirectory() && !entry.name.startsWith('.'))
      .map(entry => entry.name)
      .sort()
      .map(name => path.join(directory, name));
  } catch (error) {
    throw new UsageError(
      `Cannot read directory ${directory}: ${messageOf(error)}`,
    );
  }
}

async function scanRepository(
  directory: string,
  settings: DetectionSettings,
): Promise<RepositoryScan> {
  const result = await scanLocalDirectory(directory, settings);
  return { directory, ...result };
}

/**
 * `scan`: which tracing a repository checkout carries, per service
 * directory; with `--all`, each subdirectory is a checkout. Findings never
 * fail the command; a checkout that cannot be read does.
 */
export async function runScan(
  directory: string,
  options: ScanOptions,
  io: CliIo,
): Promise<number> {
  const settings = await readDetectionConfig(options.config);
  await requireDirectory(directory);
  if (!options.all) {
    const scan = await scanRepository(directory, settings).catch(error => {
      throw new UsageError(messageOf(error));
    });
    await writeResult(
      io,
      options.format === 'json'
        ? JSON.stringify(scanEnvelope(scan), null, 2)
        : formatRepositoryScanText(scan),
      options.output,
    );
    return EXIT_OK;
  }

  const started = performance.now();
  const scans: RepositoryScan[] = [];
  const failures: FailedRepositoryScan[] = [];
  for (const checkout of await checkoutsIn(directory)) {
    try {
      scans.push(await scanRepository(checkout, settings));
    } catch (error) {
      failures.push({ directory: checkout, error: messageOf(error) });
      io.stderr.write(`error: ${messageOf(error)}\n`);
    }
  }
  const durationMs = Math.round(performance.now() - started);
  const filesRead = scans.reduce((sum, scan) => sum + scan.filesRead, 0);
  const text =
    options.format === 'json'
      ? JSON.stringify(
          scanAllEnvelope(directory, scans, failures, durationMs),
          null,
          2,
        )
      : [
          ...scans.map(formatRepositoryScanText),
          `${scans.length} repositories scanned${
            failures.length > 0 ? `, ${failures.length} failed` : ''
          }: ${filesRead} files read in ${durationMs} ms`,
        ].join('\n\n');
  await writeResult(io, text, options.output);
  return failures.length > 0 ? EXIT_USAGE : EXIT_OK;
}
