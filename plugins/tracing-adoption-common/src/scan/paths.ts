/**
 * Repository-relative paths: `/` separators, no leading `./` or `/`, `''` for
 * the root. Written out rather than taken from `node:path` so the scan stays
 * usable in the browser.
 */

/** Brings a path given by a caller (maybe with `\`, `./` or `/`) into repository form. */
export function normalizeRepositoryPath(path: string): string {
  return joinPath('', path.replace(/\\/g, '/'));
}

/** The directory of a path; `''` for files at the root. */
export function directoryOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

export function baseNameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * Resolves `relative` against `directory`, folding `.` and `..`. Returns
 * undefined when the result would leave the repository.
 */
export function resolvePath(
  directory: string,
  relative: string,
): string | undefined {
  const parts: string[] = [];
  const start = relative.startsWith('/') ? [] : directory.split('/');
  for (const part of [...start, ...relative.split('/')]) {
    if (part === '' || part === '.') {
      continue;
    }
    if (part === '..') {
      if (parts.length === 0) {
        return undefined;
      }
      parts.pop();
    } else {
      parts.push(part);
    }
  }
  return parts.join('/');
}

/** Like `resolvePath`, but clamps at the repository root instead of failing. */
export function joinPath(directory: string, relative: string): string {
  return (
    resolvePath(directory, relative) ??
    resolvePath('', relative.replace(/^(\.\.\/)+/, '')) ??
    ''
  );
}

/** Whether `path` is `directory` or lies below it. */
export function isWithin(directory: string, path: string): boolean {
  return (
    directory === '' || path === directory || path.startsWith(`${directory}/`)
  );
}

/** `path` relative to `directory`, which must contain it. */
export function relativeTo(directory: string, path: string): string {
  if (directory === '') {
    return path;
  }
  return path === directory ? '' : path.slice(directory.length + 1);
}

/** The directory itself and each directory above it, ending with the root `''`. */
export function selfAndAncestors(directory: string): string[] {
  const result = [directory];
  let current = directory;
  while (current !== '') {
    current = directoryOf(current);
    result.push(current);
  }
  return result;
}

export function extensionOf(path: string): string {
  const name = baseNameOf(path);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}
