import { UsageError, messageOf } from '../io';

/**
 * Parses a JSON dump. A file of one JSON value per line (what the
 * OpenTelemetry Collector's file exporter writes) becomes an array of the
 * lines' values, which the OTLP parser reads as several requests.
 */
export function parseJsonDump(text: string, origin: string): unknown {
  try {
    return JSON.parse(text);
  } catch (wholeFileError) {
    const lines = text.split('\n').filter(line => line.trim() !== '');
    if (lines.length > 1) {
      try {
        return lines.map(line => JSON.parse(line));
      } catch {
        // Not JSON lines either: the error about the whole file is the useful one.
      }
    }
    throw new UsageError(
      `${origin} is not valid JSON: ${messageOf(wholeFileError)}`,
    );
  }
}
