import type { DeclaredDependency, ManifestParseResult } from '../model';
import { baseNameOf, directoryOf, resolvePath } from '../paths';
import type { RepositoryFiles } from '../repositoryFiles';
import type { ScanProblem } from '../types';
import { parsePythonRequirement } from './pep508';

interface LogicalLine {
  text: string;
  line: number;
}

/** Joins `\`-continued lines and drops comments (a `#` at the start or after whitespace), as pip does. */
function logicalLines(content: string): LogicalLine[] {
  const lines: LogicalLine[] = [];
  let pending: LogicalLine | undefined;
  content.split('\n').forEach((rawLine, index) => {
    const text = rawLine.replace(/\r$/, '').replace(/(^|\s)#.*$/, '');
    const continued = /\\$/.test(text);
    const piece = continued ? text.slice(0, -1) : text;
    pending = pending
      ? { text: `${pending.text} ${piece.trim()}`, line: pending.line }
      : { text: piece.trim(), line: index + 1 };
    if (!continued) {
      if (pending.text !== '') {
        lines.push(pending);
      }
      pending = undefined;
    }
  });
  if (pending && pending.text !== '') {
    lines.push(pending);
  }
  return lines;
}

/** The argument of `-r file`, `-rfile`, `--requirement file` or `--requirement=file`. */
function optionArgument(
  text: string,
  short: string,
  long: string,
): string | undefined {
  const match = new RegExp(`^(?:-${short}\\s*|--${long}(?:\\s+|=))(\\S+)`).exec(
    text,
  );
  return match?.[1];
}

function isDevelopmentFile(path: string): boolean {
  return /dev|test|lint|doc|ci\b/i.test(
    `${baseNameOf(directoryOf(path))}/${baseNameOf(path)}`.replace(
      /^requirements\//,
      '',
    ),
  );
}

function requirementOf(
  text: string,
): { name: string; specifier?: string } | undefined {
  const withoutOptions = text.replace(/\s--?[\w-]+(?:[=\s]\S+)?/g, '').trim();
  const egg = /#egg=([A-Za-z0-9._-]+)/.exec(withoutOptions);
  if (/^[\w+]+:\/\//.test(withoutOptions) || withoutOptions.startsWith('.')) {
    return egg ? { name: egg[1] } : undefined;
  }
  return parsePythonRequirement(withoutOptions);
}

interface RequirementsWalk {
  /** `constraints` while reading a `-c` file: its pins fix versions but add no requirements. */
  mode: 'requirements' | 'constraints';
  files: RepositoryFiles;
  dependencies: DeclaredDependency[];
  constraints: Map<string, string>;
  warnings: ScanProblem[];
  visited: Set<string>;
}

function readFile(path: string, walk: RequirementsWalk, includedFrom?: string) {
  if (walk.visited.has(path)) {
    return;
  }
  walk.visited.add(path);
  const content = walk.files.content(path);
  if (content === undefined) {
    const reason = walk.files.exists(path) ? 'read' : 'found';
    walk.warnings.push({
      path: includedFrom ?? path,
      message: `${includedFrom}: includes ${path}, which was not ${reason}`,
    });
    return;
  }
  const developmentOnly = isDevelopmentFile(path);
  const lines = walk.files.memo(`requirements-lines:${path}`, () =>
    logicalLines(content),
  );
  for (const { text, line } of lines) {
    const include = optionArgument(text, 'r', 'requirement');
    const constraint = optionArgument(text, 'c', 'constraint');
    const reference = include ?? constraint;
    if (reference) {
      const target = resolvePath(directoryOf(path), reference);
      if (target !== undefined) {
        readFile(
          target,
          constraint ? { ...walk, mode: 'constraints' } : walk,
          path,
        );
      }
      continue;
    }
    if (/^-e\s|^--editable/.test(text)) {
      const egg = /#egg=([A-Za-z0-9._-]+)/.exec(text);
      if (egg) {
        pushRequirement(
          walk,
          path,
          line,
          text,
          { name: egg[1] },
          developmentOnly,
        );
      }
      continue;
    }
    if (text.startsWith('-')) {
      continue;
    }
    const requirement = requirementOf(text);
    if (requirement) {
      pushRequirement(walk, path, line, text, requirement, developmentOnly);
    }
  }
}

function pushRequirement(
  walk: RequirementsWalk,
  path: string,
  line: number,
  text: string,
  requirement: { name: string; specifier?: string },
  developmentOnly: boolean,
) {
  if (walk.mode === 'constraints') {
    const pin = /^===?([^,*]+)$/.exec(requirement.specifier ?? '');
    if (pin) {
      walk.constraints.set(requirement.name.toLowerCase(), pin[1]);
    }
    return;
  }
  walk.dependencies.push({
    ecosystem: 'pypi',
    name: requirement.name,
    declared: requirement.specifier,
    direct: true,
    developmentOnly,
    evidence: { path, line, entry: text.replace(/\s--hash=\S+/g, '').trim() },
  });
}

/**
 * Reads a pip requirements file: one requirement per logical line, with
 * hashes, extras and environment markers. `-r` includes are followed, with
 * findings reported from the included file (the scan drops the duplicates
 * when that file is read on its own too); `-c` constraint pins fix the
 * versions of requirements that do not pin one.
 */
export function readRequirementsFile(
  path: string,
  files: RepositoryFiles,
): ManifestParseResult {
  const walk: RequirementsWalk = {
    mode: 'requirements',
    files,
    dependencies: [],
    constraints: new Map(),
    warnings: [],
    visited: new Set(),
  };
  readFile(path, walk);
  const dependencies = walk.dependencies.map(dependency => {
    const constrained = walk.constraints.get(dependency.name.toLowerCase());
    return constrained && !/^===?[^,*]+$/.test(dependency.declared ?? '')
      ? { ...dependency, pinned: constrained }
      : dependency;
  });
  return { dependencies, warnings: walk.warnings };
}
