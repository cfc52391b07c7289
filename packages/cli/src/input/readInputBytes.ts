import fs from 'node:fs/promises';
import { CliIo, UsageError, messageOf } from '../io';

/** Whether the command reads its dump from stdin: no file, or `-`. */
export function readsStdin(file: string | undefined): boolean {
  return file === undefined || file === '-';
}

/** The bytes of a trace dump, from the file or from stdin. */
export async function readInputBytes(
  file: string | undefined,
  io: CliIo,
): Promise<Buffer> {
  if (readsStdin(file)) {
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of io.stdin) {
        chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      }
    } catch (error) {
      throw new UsageError(`Cannot read stdin: ${messageOf(error)}`);
    }
    return Buffer.concat(chunks);
  }
  try {
    return await fs.readFile(file!);
  } catch (error) {
    throw new UsageError(`Cannot read ${file}: ${messageOf(error)}`);
  }
}
