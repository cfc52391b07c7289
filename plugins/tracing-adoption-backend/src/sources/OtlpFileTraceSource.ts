import {
  ParseResult,
  parseOtlpJson,
} from '@internal/plugin-tracing-adoption-common';
import {
  TraceQuery,
  TraceSource,
} from '@internal/plugin-tracing-adoption-node';
import fs from 'node:fs/promises';
import path from 'node:path';
import { decodeOtlpTraceRequest } from '../receiver/decodeOtlpRequest';
import { mergeParseResults } from './HttpTraceSourceSettings';

function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // not one document: the caller reads the file as JSON lines
    return undefined;
  }
}

const JSON_EXTENSIONS = new Set(['.json', '.jsonl', '.ndjson']);
const PROTOBUF_EXTENSIONS = new Set(['.pb', '.binpb']);

/**
 * OTLP exports on disk, e.g. written by the Collector's file exporter: JSON
 * documents or JSON lines (one ExportTraceServiceRequest per line), or one
 * protobuf ExportTraceServiceRequest per `.pb` file. Files changed since the
 * start of the window are read.
 */
export class OtlpFileTraceSource implements TraceSource {
  readonly kind = 'otlp-file';
  readonly id: string;

  constructor(
    private readonly settings: {
      id: string;
      directory: string;
      maxFileBytes: number;
    },
  ) {
    this.id = settings.id;
  }

  async readTraces(query: TraceQuery): Promise<ParseResult> {
    const { directory, maxFileBytes } = this.settings;
    let entries: string[];
    try {
      entries = await fs.readdir(directory);
    } catch (error) {
      throw new Error(
        `Cannot read OTLP export directory ${directory}: ${
          (error as Error).message
        }`,
      );
    }
    const results: ParseResult[] = [];
    for (const name of entries.sort()) {
      query.signal.throwIfAborted();
      const extension = path.extname(name).toLowerCase();
      if (
        !JSON_EXTENSIONS.has(extension) &&
        !PROTOBUF_EXTENSIONS.has(extension)
      ) {
        continue;
      }
      const file = path.join(directory, name);
      const stat = await fs.stat(file);
      if (!stat.isFile() || stat.mtime < query.start) {
        continue;
      }
      if (stat.size > maxFileBytes) {
        results.push({
          traces: [],
          problems: [
            {
              path: name,
              message: `file is ${stat.size} bytes, above the limit of ${maxFileBytes}`,
            },
          ],
        });
        continue;
      }
      results.push(
        this.parseFile(
          name,
          await fs.readFile(file),
          PROTOBUF_EXTENSIONS.has(extension),
        ),
      );
    }
    return mergeParseResults(results);
  }

  private parseFile(
    name: string,
    content: Buffer,
    protobuf: boolean,
  ): ParseResult {
    const prefixProblems = (result: ParseResult, prefix: string) => ({
      traces: result.traces,
      problems: result.problems.map(p => ({
        ...p,
        path: `${prefix}${p.path}`,
      })),
    });
    try {
      if (protobuf) {
        return prefixProblems(
          parseOtlpJson(
            decodeOtlpTraceRequest(content, 'application/x-protobuf'),
          ),
          `${name}: `,
        );
      }
      const text = content.toString('utf8');
      const wholeDocument = parseJsonOrUndefined(text);
      if (wholeDocument !== undefined) {
        return prefixProblems(parseOtlpJson(wholeDocument), `${name}: `);
      }
      return mergeParseResults(
        text.split('\n').map((line, index) => {
          if (line.trim() === '') {
            return { traces: [], problems: [] };
          }
          try {
            return prefixProblems(
              parseOtlpJson(JSON.parse(line)),
              `${name}:${index + 1}: `,
            );
          } catch (error) {
            return {
              traces: [],
              problems: [
                {
                  path: `${name}:${index + 1}`,
                  message: (error as Error).message,
                },
              ],
            };
          }
        }),
      );
    } catch (error) {
      return {
        traces: [],
        problems: [{ path: name, message: (error as Error).message }],
      };
    }
  }
}
