import type { DeclaredDependency, ManifestParseResult } from '../model';
import { describeParseFailure } from '../model';
import { LineFinder, isRecord } from './textPositions';

/** Platform requirements (the PHP version, extensions), not packages. */
const PLATFORM_PACKAGE = /^(?:php|hhvm|composer(?:-\w+)*|ext-.+|lib-.+)$/i;

/** Reads a Composer `composer.json`: `require` and `require-dev`. */
export function parseComposerJson(
  path: string,
  content: string,
): ManifestParseResult {
  let document: unknown;
  try {
    document = JSON.parse(content);
  } catch (error) {
    return {
      dependencies: [],
      problem: describeParseFailure(path, error, 'JSON'),
    };
  }
  if (!isRecord(document)) {
    return { dependencies: [], problem: `${path}: not a JSON object` };
  }
  const lines = new LineFinder(content);
  const dependencies: DeclaredDependency[] = [];
  for (const [section, developmentOnly] of [
    ['require', false],
    ['require-dev', true],
  ] as const) {
    const entries = document[section];
    if (!isRecord(entries)) {
      continue;
    }
    for (const [name, constraint] of Object.entries(entries)) {
      if (PLATFORM_PACKAGE.test(name)) {
        continue;
      }
      const line = lines.lineOf([`"${name}"`]);
      dependencies.push({
        ecosystem: 'composer',
        name,
        declared: typeof constraint === 'string' ? constraint : undefined,
        direct: true,
        developmentOnly,
        evidence: { path, line, entry: lines.textOf(line) },
      });
    }
  }
  return { dependencies };
}
