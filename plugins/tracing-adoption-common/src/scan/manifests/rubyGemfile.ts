import type { DeclaredDependency, ManifestParseResult } from '../model';
import { lexSource } from '../source/sourceLexer';

const DEVELOPMENT_GROUPS = new Set(['development', 'test']);

function groupsOf(text: string): string[] {
  return [...text.matchAll(/:(\w+)|["'](\w+)["']/g)].map(
    match => match[1] ?? match[2],
  );
}

function isDevelopmentOnly(groups: string[]): boolean {
  return (
    groups.length > 0 && groups.every(group => DEVELOPMENT_GROUPS.has(group))
  );
}

/**
 * Reads a Bundler `Gemfile` statement by statement: `gem "name", "~> 1.2",
 * ">= 1.2.3", group: :test`, inside `group :development, :test do ... end`
 * blocks. Constraints are kept as written, joined by `, `.
 */
export function parseGemfile(
  path: string,
  content: string,
): ManifestParseResult {
  const { codeLines } = lexSource(`${path}.rb`, content);
  const dependencies: DeclaredDependency[] = [];
  /** Groups of the enclosing `do ... end` blocks; empty for blocks that are not groups. */
  const blocks: string[][] = [];
  codeLines.forEach((code, index) => {
    const text = code.trim();
    if (/^end\b/.test(text)) {
      blocks.pop();
      return;
    }
    const opensBlock = /\bdo\s*(\|[^|]*\|)?\s*$/.test(text);
    const group = /^group\s*\(?(.*?)\)?\s*do\b/.exec(text);
    if (opensBlock) {
      blocks.push(group ? groupsOf(group[1]) : []);
      return;
    }
    const gem = /^gem\s*\(?\s*["']([^"']+)["']\s*(.*)$/.exec(text);
    if (!gem) {
      return;
    }
    const [positional, ...options] = gem[2].split(/,\s*(?=\w+:|:\w+\s*=>)/);
    const constraints = [...positional.matchAll(/["']([^"']+)["']/g)].map(
      match => match[1],
    );
    const inlineGroups = options
      .filter(option => /^(?:group|groups)\s*:|^:groups?\s*=>/.test(option))
      .flatMap(option => groupsOf(option.replace(/^:?groups?\s*(?::|=>)/, '')));
    const enclosingGroups = blocks.flat();
    dependencies.push({
      ecosystem: 'rubygems',
      name: gem[1],
      declared: constraints.length > 0 ? constraints.join(', ') : undefined,
      direct: true,
      developmentOnly: isDevelopmentOnly([...enclosingGroups, ...inlineGroups]),
      evidence: { path, line: index + 1, entry: text },
    });
  });
  return { dependencies };
}
