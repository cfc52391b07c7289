import type { RepositoryFileClass } from './fileTypes';

/**
 * The files of one scan: which paths exist, what they are, and the content
 * of those that were read. Parse results are kept per file, so a file used
 * by several others (a parent POM, a version catalog) is parsed once.
 */
export class RepositoryFiles {
  private readonly parsed = new Map<string, unknown>();

  constructor(
    /** Every path of the repository outside ignored directories. */
    readonly allPaths: ReadonlySet<string>,
    /** Relevant paths that were read, with their class. */
    readonly classes: ReadonlyMap<string, RepositoryFileClass>,
    private readonly contents: ReadonlyMap<string, string>,
  ) {}

  content(path: string): string | undefined {
    return this.contents.get(path);
  }

  exists(path: string): boolean {
    return this.allPaths.has(path);
  }

  /** Read files of the given types, in path order. */
  ofType(...types: Array<RepositoryFileClass['type']>): string[] {
    const result: string[] = [];
    for (const [path, fileClass] of this.classes) {
      if (types.includes(fileClass.type)) {
        result.push(path);
      }
    }
    return result.sort();
  }

  /** Computes a parse result once per key (usually parser name and path). */
  memo<T>(key: string, compute: () => T): T {
    if (this.parsed.has(key)) {
      return this.parsed.get(key) as T;
    }
    const result = compute();
    this.parsed.set(key, result);
    return result;
  }
}
