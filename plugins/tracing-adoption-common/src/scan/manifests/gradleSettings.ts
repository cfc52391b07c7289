import { lexSource } from '../source/sourceLexer';

const STRING_LITERAL = /(["'])((?:\\.|(?!\1)[^\\])*)\1/g;

function projectKey(projectPath: string): string {
  return projectPath.replace(/^:+/, '');
}

function projectDirectory(projectPath: string): string {
  return projectPath.replace(/^:+/, '').replace(/:/g, '/');
}

/**
 * Directories (relative to the settings file) of the projects a Gradle
 * settings script includes: `include("a", ":b:c")`, `include 'a'`, with
 * `project(":x").projectDir = file("path")` overrides.
 */
export function parseGradleSettingsIncludes(
  path: string,
  content: string,
): string[] {
  const { codeLines } = lexSource(path, content);
  const code = codeLines.join('\n');
  const directories = new Map<string, string>();
  for (const match of code.matchAll(
    /\binclude\s*\(?((?:\s*,?\s*(["'])[^"'\n]*\2)+)/g,
  )) {
    for (const literal of match[1].matchAll(STRING_LITERAL)) {
      directories.set(projectKey(literal[2]), projectDirectory(literal[2]));
    }
  }
  for (const match of code.matchAll(
    /project\(\s*["']([^"']+)["']\s*\)\.projectDir\s*=\s*(?:new\s+)?(?:file|File)\(\s*(?:rootDir\s*,\s*)?["']([^"']+)["']/g,
  )) {
    directories.set(projectKey(match[1]), match[2]);
  }
  return [...new Set(directories.values())];
}
