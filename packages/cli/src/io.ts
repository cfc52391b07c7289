import fs from 'node:fs/promises';

/** Where the CLI reads and writes; injected so tests run commands in-process. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  stdin: AsyncIterable<Buffer | string>;
  exit(code: number): void;
}

export const EXIT_OK = 0;
/** `check` found violations of error severity. */
export const EXIT_VIOLATIONS = 1;
/** Bad usage, unreadable input, invalid rule pack or configuration. */
export const EXIT_USAGE = 2;

/**
 * A problem that ends the command with exit code 2. Thrown by the commands
 * and turned into a message on stderr in one place, `main`.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** An error's message; errors from another realm (jest's VM) fail `instanceof Error`. */
export function messageOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'message' in error
    ? String((error as { message: unknown }).message)
    : String(error);
}

/** Writes a command's result to `--output` when given, else to stdout. */
export async function writeResult(
  io: CliIo,
  text: string,
  outputFile: string | undefined,
): Promise<void> {
  const withNewline = text.endsWith('\n') ? text : `${text}\n`;
  if (outputFile === undefined) {
    io.stdout.write(withNewline);
    return;
  }
  try {
    await fs.writeFile(outputFile, withNewline, 'utf8');
  } catch (error) {
    throw new UsageError(
      `Cannot write output file ${outputFile}: ${messageOf(error)}`,
    );
  }
}
