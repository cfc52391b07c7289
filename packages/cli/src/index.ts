/**
 * The `tracing-adoption` command line.
 *
 * @packageDocumentation
 */
import { CommanderError } from 'commander';
import { CliIo, EXIT_OK, EXIT_USAGE, UsageError, messageOf } from './io';
import { createProgram } from './program';

export type { CliIo } from './io';
export type { AnalyzeEnvelope } from './analyze/analyzeEnvelope';

const processIo: CliIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  exit: code => {
    process.exitCode = code;
  },
};

/** Commander reports `--help` and `--version` as errors with exit code 0. */
function exitCodeOf(error: CommanderError): number {
  return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
}

/**
 * Runs the command line. `argv` is `process.argv`-shaped (node, script,
 * arguments). The exit code is handed to `io.exit` and returned.
 */
export async function main(
  argv: readonly string[],
  io: Partial<CliIo> = {},
): Promise<number> {
  const cliIo: CliIo = { ...processIo, ...io };
  let exitCode = EXIT_OK;
  const program = createProgram(cliIo, code => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'node' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed the message.
      exitCode = exitCodeOf(error);
    } else if (error instanceof UsageError) {
      cliIo.stderr.write(`error: ${error.message}\n`);
      exitCode = EXIT_USAGE;
    } else {
      cliIo.stderr.write(`error: ${messageOf(error)}\n`);
      exitCode = EXIT_USAGE;
    }
  }
  cliIo.exit(exitCode);
  return exitCode;
}
