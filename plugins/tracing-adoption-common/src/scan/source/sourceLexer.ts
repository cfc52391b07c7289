import { extensionOf } from '../paths';

/** Comment and string syntax of a source language family. */
interface LexicalSyntax {
  lineComments: string[];
  blockComments: boolean;
  /** Quotes that open strings; a string ends at the same quote or, unless multi-line, at the end of the line. */
  quotes: string[];
  multiLineQuotes: string[];
  /** `'x'` is a one-character literal (C family), not a string; `'a` (a Rust lifetime) is no literal at all. */
  singleQuoteIsCharacter: boolean;
}

const C_FAMILY: LexicalSyntax = {
  lineComments: ['//'],
  blockComments: true,
  quotes: ['"""', '"'],
  multiLineQuotes: ['"""'],
  singleQuoteIsCharacter: true,
};

// prettier-ignore
const SYNTAX_BY_EXTENSION: Record<string, LexicalSyntax> = {
  '.js': { ...C_FAMILY, quotes: ['"', "'", '`'], multiLineQuotes: ['`'], singleQuoteIsCharacter: false },
  '.go': { ...C_FAMILY, quotes: ['"', '`'], multiLineQuotes: ['`'] },
  '.groovy': { ...C_FAMILY, quotes: ["'''", '"""', '"', "'"], multiLineQuotes: ["'''", '"""'], singleQuoteIsCharacter: false },
  '.py': { lineComments: ['#'], blockComments: false, quotes: ["'''", '"""', '"', "'"], multiLineQuotes: ["'''", '"""'], singleQuoteIsCharacter: false },
  '.rb': { lineComments: ['#'], blockComments: false, quotes: ['"', "'"], multiLineQuotes: [], singleQuoteIsCharacter: false },
  '.php': { lineComments: ['//', '#'], blockComments: true, quotes: ['"', "'"], multiLineQuotes: [], singleQuoteIsCharacter: false },
};
for (const extension of [
  '.mjs',
  '.cjs',
  '.jsx',
  '.ts',
  '.tsx',
  '.mts',
  '.cts',
]) {
  SYNTAX_BY_EXTENSION[extension] = SYNTAX_BY_EXTENSION['.js'];
}
SYNTAX_BY_EXTENSION['.gradle'] = SYNTAX_BY_EXTENSION['.groovy'];

/** A string literal with its 1-based line. */
export interface StringLiteral {
  value: string;
  line: number;
}

/** A source file split into what the scan looks at. */
export interface LexedSource {
  /** The lines with comments blanked out; strings kept. */
  codeLines: string[];
  /** The lines with comments and strings blanked out, for identifier searches. */
  bareCodeLines: string[];
  literals: StringLiteral[];
}

function syntaxOf(path: string): LexicalSyntax {
  return SYNTAX_BY_EXTENSION[extensionOf(path)] ?? C_FAMILY;
}

function startsWithAt(text: string, index: number, token: string): boolean {
  return text.startsWith(token, index);
}

/** Length of a C-family character literal at `index` (`'a'`, `'\n'`, `'\u0041'`), or 0. */
function characterLiteralLength(text: string, index: number): number {
  const match =
    /^'(?:\\(?:u\{?[0-9a-fA-F]+\}?|x[0-9a-fA-F]+|.)|[^\\'\n])'/.exec(
      text.slice(index, index + 12),
    );
  return match ? match[0].length : 0;
}

/**
 * Splits source text into code, comments and string literals in one pass.
 * Not a parser: good enough to tell a header name in a string from one in a
 * comment, in every language the scan reads. Line structure is kept, so
 * line numbers stay valid.
 */
export function lexSource(path: string, content: string): LexedSource {
  const syntax = syntaxOf(path);
  const code: string[] = [];
  const bare: string[] = [];
  const literals: StringLiteral[] = [];
  let line = 1;
  let index = 0;
  const length = content.length;
  const tokenStarts = new Set(
    [
      ...syntax.lineComments,
      ...syntax.quotes,
      ...(syntax.blockComments ? ['/*'] : []),
      ...(syntax.singleQuoteIsCharacter ? ["'"] : []),
    ].map(token => token[0]),
  );

  const emit = (text: string, inCode: boolean) => {
    code.push(text);
    bare.push(inCode ? text : text.replace(/[^\n]/g, ' '));
  };
  const blank = (text: string) => {
    const spaces = text.replace(/[^\n]/g, ' ');
    code.push(spaces);
    bare.push(spaces);
  };
  const countLines = (text: string) => {
    for (const character of text) {
      if (character === '\n') {
        line += 1;
      }
    }
  };

  while (index < length) {
    const character = content[index];
    const lineComment = syntax.lineComments.find(token =>
      startsWithAt(content, index, token),
    );
    if (lineComment) {
      const end = content.indexOf('\n', index);
      const stop = end === -1 ? length : end;
      blank(content.slice(index, stop));
      index = stop;
      continue;
    }
    if (syntax.blockComments && startsWithAt(content, index, '/*')) {
      const end = content.indexOf('*/', index + 2);
      const stop = end === -1 ? length : end + 2;
      const text = content.slice(index, stop);
      blank(text);
      countLines(text);
      index = stop;
      continue;
    }
    if (character === "'" && syntax.singleQuoteIsCharacter) {
      const literalLength = characterLiteralLength(content, index);
      const text = content.slice(index, index + Math.max(1, literalLength));
      emit(text, literalLength === 0);
      index += text.length;
      continue;
    }
    const quote = syntax.quotes.find(token =>
      startsWithAt(content, index, token),
    );
    if (quote) {
      const multiLine = syntax.multiLineQuotes.includes(quote);
      let cursor = index + quote.length;
      let closed = false;
      while (cursor < length) {
        if (content[cursor] === '\\') {
          cursor += 2;
          continue;
        }
        if (startsWithAt(content, cursor, quote)) {
          closed = true;
          break;
        }
        if (content[cursor] === '\n' && !multiLine) {
          break;
        }
        cursor += 1;
      }
      const stop = closed ? cursor + quote.length : cursor;
      const text = content.slice(index, stop);
      literals.push({
        value: content.slice(index + quote.length, closed ? cursor : stop),
        line,
      });
      code.push(text);
      bare.push(`${quote}${text.slice(quote.length).replace(/[^\n]/g, ' ')}`);
      countLines(text);
      index = stop;
      continue;
    }
    if (character === '\n') {
      line += 1;
      emit(character, true);
      index += 1;
      continue;
    }
    // Plain code up to the next character that may open a comment or string.
    let end = index + 1;
    while (
      end < length &&
      content[end] !== '\n' &&
      !tokenStarts.has(content[end])
    ) {
      end += 1;
    }
    emit(content.slice(index, end), true);
    index = end;
  }
  return {
    codeLines: code.join('').split('\n'),
    bareCodeLines: bare.join('').split('\n'),
    literals,
  };
}
