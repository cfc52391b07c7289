import { escapeRegExp } from '../names';

function compileGlob(pattern: string): RegExp {
  const segments = pattern.replace(/^\.\//, '').replace(/\/+$/, '').split('/');
  let source = '';
  segments.forEach((segment, index) => {
    if (segment === '**') {
      source += index === 0 ? '(?:[^/]+/)*' : '(?:/[^/]+)*';
      return;
    }
    const separator =
      index === 0 || (index === 1 && segments[0] === '**') ? '' : '/';
    source += separator + segment.split('*').map(escapeRegExp).join('[^/]*');
  });
  return new RegExp(`^${source}$`);
}

/**
 * Compiles workspace member globs (npm/yarn/pnpm `workspaces`, Cargo
 * `members`): `*` matches within one directory name, `**` across any number
 * of directories, and a leading `!` excludes.
 */
export function compileWorkspaceGlobs(
  patterns: string[],
): (directory: string) => boolean {
  const includes = patterns
    .filter(pattern => !pattern.startsWith('!'))
    .map(compileGlob);
  const excludes = patterns
    .filter(pattern => pattern.startsWith('!'))
    .map(pattern => compileGlob(pattern.slice(1)));
  return directory =>
    includes.some(include => include.test(directory)) &&
    !excludes.some(exclude => exclude.test(directory));
}
