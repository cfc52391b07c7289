import type {
  OperationAnalysis,
  ParseProblem,
} from '@internal/plugin-tracing-adoption-common';
import type { InputFormat } from '../input/inputFormats';

/**
 * Version of the `analyze` output. Raised only when a field is removed or
 * changes meaning; new fields may appear within a version.
 */
export const ANALYZE_SCHEMA_VERSION = 1;

/** What `analyze` prints; described by `schema/analyze.schema.json`. */
export interface AnalyzeEnvelope {
  schemaVersion: typeof ANALYZE_SCHEMA_VERSION;
  input: {
    format: InputFormat;
    traces: number;
    spans: number;
    /** Parts of the dump that could not be read and were skipped. */
    problems: ParseProblem[];
  };
  operations: OperationAnalysis[];
}
