import {
  ComplianceReport,
  RuleSeverity,
  compileRulePacks,
  evaluateTraces,
} from '@internal/plugin-tracing-adoption-common';
import path from 'node:path';
import type { InputFormatOption } from '../input/inputFormats';
import type { TraceDump } from '../input/loadTraceDump';
import { readsStdin } from '../input/readInputBytes';
import { readTraceDump } from '../input/readTraceDump';
import { CliIo, EXIT_OK, EXIT_VIOLATIONS, writeResult } from '../io';
import type { CheckFormat } from './checkFormats';
import { formatCheckText } from './formatCheckText';
import { formatJunit } from './formatJunit';
import { formatSarif } from './formatSarif';
import { loadRulePacks } from './loadRulePacks';

export interface CheckOptions {
  input: InputFormatOption;
  pack: string[];
  format: CheckFormat;
  minSeverity: RuleSeverity;
  output?: string;
}

function render(
  format: CheckFormat,
  report: ComplianceReport,
  dump: TraceDump,
  file: string | undefined,
): string {
  switch (format) {
    case 'json':
      return JSON.stringify(report, null, 2);
    case 'junit':
      return formatJunit(report);
    case 'sarif':
      return formatSarif(report, {
        dumpUri: readsStdin(file)
          ? undefined
          : path.relative(process.cwd(), file!).split(path.sep).join('/'),
      });
    default:
      return formatCheckText(report, dump);
  }
}

/**
 * `check`: evaluates a trace dump against rule packs. Exit code 1 when a
 * rule of error severity is broken, so CI fails on it; warnings and advice
 * only show in the report.
 */
export async function runCheck(
  file: string | undefined,
  options: CheckOptions,
  io: CliIo,
): Promise<number> {
  // Packs first: a typo in a pack is reported before a large dump is read.
  const packs = compileRulePacks(await loadRulePacks(options.pack));
  const dump = await readTraceDump(file, options.input, io);
  const report = evaluateTraces(dump.traces, packs, {
    minimumSeverity: options.minSeverity,
  });
  await writeResult(
    io,
    render(options.format, report, dump, file),
    options.output,
  );
  return report.violationsBySeverity.error > 0 ? EXIT_VIOLATIONS : EXIT_OK;
}
