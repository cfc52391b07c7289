import { escapeRegExp } from '../names';
import type { FlowIdPropagationEvidence } from '../types';
import type { LexedSource } from './sourceLexer';

export interface LexedFile {
  path: string;
  lexed: LexedSource;
}

/** Names too generic to follow from one file to another. */
const GENERIC_NAMES = new Set([
  'header',
  'headers',
  'headerName',
  'name',
  'value',
  'key',
]);

/** The constant a string literal is assigned to: `FLOW_ID_HEADER = "X-Flow-ID"`, `flowIdHeader: 'x-flow-id'`. */
function assignedName(textBefore: string): string | undefined {
  const match =
    /([A-Za-z_$][\w$]*)\s*(?::[^=;,(){}]*)?=\s*[@$rbfu]*$/.exec(textBefore) ??
    /([A-Za-z_$][\w$]*)\s*:\s*$/.exec(textBefore);
  const name = match?.[1];
  return name && name.length >= 6 && !GENERIC_NAMES.has(name)
    ? name
    : undefined;
}

function headerPattern(header: string): RegExp {
  return new RegExp(
    `(?:^|[^A-Za-z0-9-])${escapeRegExp(header)}(?![A-Za-z0-9-])`,
    'i',
  );
}

/**
 * Finds legacy flow-id headers in the source files of one service directory.
 * A file counts when the header name is a string literal in its code (not in
 * a comment), or when it refers to a constant that another file of the
 * directory assigns that literal to (`CheckoutTracing.FLOW_ID_HEADER`).
 */
export function detectFlowIdPropagation(
  sources: LexedFile[],
  headers: string[],
): FlowIdPropagationEvidence[] {
  const evidence: FlowIdPropagationEvidence[] = [];
  for (const header of headers) {
    const pattern = headerPattern(header);
    const constants = new Set<string>();
    const withLiteral = new Set<string>();
    for (const { path, lexed } of sources) {
      for (const literal of lexed.literals) {
        if (!pattern.test(literal.value)) {
          continue;
        }
        const code = lexed.codeLines[literal.line - 1] ?? '';
        const at = code.indexOf(literal.value);
        const constant =
          at > 0 ? assignedName(code.slice(0, at - 1)) : undefined;
        if (constant) {
          constants.add(constant);
        }
        if (!withLiteral.has(path)) {
          withLiteral.add(path);
          evidence.push({
            header,
            evidence: { path, line: literal.line, entry: code.trim() },
          });
        }
      }
    }
    if (constants.size === 0) {
      continue;
    }
    const reference = new RegExp(
      `(?<![\\w$])(?:${[...constants].map(escapeRegExp).join('|')})(?![\\w$])`,
    );
    for (const { path, lexed } of sources) {
      if (withLiteral.has(path)) {
        continue;
      }
      const index = lexed.bareCodeLines.findIndex(line => reference.test(line));
      if (index !== -1) {
        evidence.push({
          header,
          evidence: {
            path,
            line: index + 1,
            entry: lexed.codeLines[index].trim(),
          },
        });
      }
    }
  }
  return evidence.sort((a, b) =>
    a.evidence.path < b.evidence.path
      ? -1
      : a.evidence.path > b.evidence.path
      ? 1
      : 0,
  );
}
