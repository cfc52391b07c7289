import {
  OperationMatcher,
  analyzeOperation,
} from '@internal/plugin-tracing-adoption-common';
import type { InputFormatOption } from '../input/inputFormats';
import { readTraceDump } from '../input/readTraceDump';
import { CliIo, EXIT_OK, writeResult } from '../io';
import { ANALYZE_SCHEMA_VERSION, AnalyzeEnvelope } from './analyzeEnvelope';
import { observedOperations } from './observedOperations';

export interface AnalyzeOptions {
  input: InputFormatOption;
  operation: OperationMatcher[];
  output?: string;
}

/**
 * `analyze`: the end-to-end analysis of each operation, over every trace of
 * the dump (traces of other operations show callees that start new traces).
 */
export async function runAnalyze(
  file: string | undefined,
  options: AnalyzeOptions,
  io: CliIo,
): Promise<number> {
  const dump = await readTraceDump(file, options.input, io);
  const operations =
    options.operation.length > 0
      ? options.operation
      : observedOperations(dump.traces);
  const envelope: AnalyzeEnvelope = {
    schemaVersion: ANALYZE_SCHEMA_VERSION,
    input: {
      format: dump.format,
      traces: dump.traces.length,
      spans: dump.traces.reduce((sum, trace) => sum + trace.spans.length, 0),
      problems: dump.problems,
    },
    operations: operations.map(operation =>
      analyzeOperation({ operation, traces: dump.traces }),
    ),
  };
  await writeResult(io, JSON.stringify(envelope, null, 2), options.output);
  return EXIT_OK;
}
