import type { RepositoryFileType } from '../fileTypes';
import { extensionOf } from '../paths';

// prettier-ignore
const LANGUAGE_BY_EXTENSION: Record<string, string> = {
  '.js': 'javascript', '.mjs': 'javascript', '.cjs': 'javascript', '.jsx': 'javascript',
  '.ts': 'typescript', '.tsx': 'typescript', '.mts': 'typescript', '.cts': 'typescript',
  '.java': 'java', '.kt': 'kotlin', '.scala': 'scala', '.groovy': 'groovy', '.clj': 'clojure',
  '.go': 'go', '.py': 'python', '.rb': 'ruby', '.php': 'php', '.rs': 'rust',
  '.cs': 'csharp', '.fs': 'fsharp', '.vb': 'visualbasic',
  '.ex': 'elixir', '.exs': 'elixir', '.swift': 'swift', '.c': 'c', '.cpp': 'cpp', '.cc': 'cpp',
};

/** The language a manifest implies, for directories without source files (or whose sources were not listed). */
// prettier-ignore
const LANGUAGE_BY_MANIFEST: Partial<Record<RepositoryFileType, string>> = {
  'package.json': 'javascript', 'go.mod': 'go', 'go.work': 'go', 'pom.xml': 'java',
  'build.gradle': 'java', 'build.gradle.kts': 'java', 'settings.gradle': 'java', 'settings.gradle.kts': 'java',
  'requirements.txt': 'python', 'pyproject.toml': 'python', Pipfile: 'python', Gemfile: 'ruby',
  'msbuild-project': 'csharp', 'packages.config': 'csharp', solution: 'csharp',
  'Cargo.toml': 'rust', 'composer.json': 'php',
};

/** The language of a source file, by extension; undefined for other files. */
export function languageOfFile(path: string): string | undefined {
  return LANGUAGE_BY_EXTENSION[extensionOf(path)];
}

/**
 * Languages of a service directory, most files first: from the source files
 * among its paths, else from its manifests.
 */
export function languagesOf(
  filePaths: string[],
  manifestTypes: RepositoryFileType[],
): string[] {
  const counts = new Map<string, number>();
  for (const path of filePaths) {
    const language = languageOfFile(path);
    if (language) {
      counts.set(language, (counts.get(language) ?? 0) + 1);
    }
  }
  if (counts.size > 0) {
    return [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([language]) => language);
  }
  return [
    ...new Set(
      manifestTypes.flatMap(type => {
        const language = LANGUAGE_BY_MANIFEST[type];
        return language ? [language] : [];
      }),
    ),
  ];
}
