import { adjustTrace } from '@internal/plugin-tracing-adoption-common';
import type { CliIo } from '../io';
import type { InputFormatOption } from './inputFormats';
import { TraceDump, loadTraceDump } from './loadTraceDump';
import { readInputBytes, readsStdin } from './readInputBytes';

/** Problems listed one by one before the rest are only counted; parsers cap them at 100 anyway. */
const PROBLEMS_LISTED = 20;

function reportParseProblems(io: CliIo, origin: string, dump: TraceDump) {
  const { problems } = dump;
  for (const problem of problems.slice(0, PROBLEMS_LISTED)) {
    const where = problem.path === '' ? origin : `${origin} ${problem.path}`;
    io.stderr.write(`warning: ${where}: ${problem.message}\n`);
  }
  if (problems.length > PROBLEMS_LISTED) {
    io.stderr.write(
      `warning: ${origin}: ${
        problems.length - PROBLEMS_LISTED
      } more problems not listed\n`,
    );
  }
}

/**
 * Reads the dump a command was given (file, or stdin for `-` or none),
 * prints what could not be parsed to stderr and returns the traces with the
 * standard adjusters applied, as the backend analyses them.
 */
export async function readTraceDump(
  file: string | undefined,
  format: InputFormatOption,
  io: CliIo,
): Promise<TraceDump> {
  const origin = readsStdin(file) ? 'stdin' : file!;
  const bytes = await readInputBytes(file, io);
  const dump = loadTraceDump(bytes, origin, format);
  reportParseProblems(io, origin, dump);
  return { ...dump, traces: dump.traces.map(adjustTrace) };
}
