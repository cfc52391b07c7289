import type { DeclaredDependency, ManifestParseResult } from '../model';

/** One directive of a go.mod / go.work file, with its block verb for lines inside `require ( ... )`. */
interface GoDirective {
  verb: string;
  tokens: string[];
  comment: string;
  line: number;
  text: string;
}

function unquote(token: string): string {
  return token.replace(/^["`](.*)["`]$/, '$1');
}

/**
 * Splits go.mod / go.work text into directives, the way `golang.org/x/mod`
 * reads it: one directive per line, `verb ( ... )` blocks, `//` comments
 * (kept, since `// indirect` carries meaning).
 */
function readDirectives(content: string): GoDirective[] {
  const directives: GoDirective[] = [];
  let blockVerb: string | undefined;
  content.split('\n').forEach((rawLine, index) => {
    const commentStart = rawLine.indexOf('//');
    const code = commentStart === -1 ? rawLine : rawLine.slice(0, commentStart);
    const comment =
      commentStart === -1 ? '' : rawLine.slice(commentStart + 2).trim();
    const tokens = code.trim().split(/\s+/).filter(Boolean).map(unquote);
    if (tokens.length === 0) {
      return;
    }
    if (blockVerb !== undefined) {
      if (tokens[0] === ')') {
        blockVerb = undefined;
        return;
      }
      directives.push({
        verb: blockVerb,
        tokens,
        comment,
        line: index + 1,
        text: rawLine.trim(),
      });
      return;
    }
    if (tokens.length === 2 && tokens[1] === '(') {
      blockVerb = tokens[0];
      return;
    }
    directives.push({
      verb: tokens[0],
      tokens: tokens.slice(1),
      comment,
      line: index + 1,
      text: rawLine.trim(),
    });
  });
  return directives;
}

/**
 * Reads a go.mod. Every requirement counts, `// indirect` ones as transitive:
 * since Go 1.17 go.mod lists the full module graph the build uses. A
 * `replace` with a version changes the version that is built.
 */
export function parseGoMod(path: string, content: string): ManifestParseResult {
  const directives = readDirectives(content);
  const replacements = new Map<string, string>();
  for (const directive of directives) {
    if (directive.verb !== 'replace') {
      continue;
    }
    const arrow = directive.tokens.indexOf('=>');
    const target = directive.tokens.slice(arrow + 1);
    const [replaced] = directive.tokens;
    if (arrow > 0 && target.length === 2 && target[0] === replaced) {
      replacements.set(replaced, target[1]);
    }
  }
  const dependencies: DeclaredDependency[] = [];
  for (const directive of directives) {
    if (directive.verb !== 'require' || directive.tokens.length < 2) {
      continue;
    }
    const [module, version] = directive.tokens;
    dependencies.push({
      ecosystem: 'go',
      name: module,
      declared: replacements.get(module) ?? version,
      direct: !/(^|;)\s*indirect\b/.test(directive.comment),
      developmentOnly: false,
      evidence: { path, line: directive.line, entry: directive.text },
    });
  }
  return { dependencies };
}

/** Directories (relative to the go.work file) of the modules a Go workspace uses. */
export function parseGoWork(content: string): string[] {
  return readDirectives(content)
    .filter(
      directive => directive.verb === 'use' && directive.tokens.length > 0,
    )
    .map(directive => directive.tokens[0]);
}
