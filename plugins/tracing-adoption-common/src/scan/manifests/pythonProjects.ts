import type { DeclaredDependency, ManifestParseResult } from '../model';
import { LineFinder, isRecord, stringOf } from './textPositions';
import { parsePythonRequirement } from './pep508';
import { parseTomlDocument } from './tomlDocuments';

/** Optional-dependency groups and dependency groups that only serve development. */
const DEVELOPMENT_GROUP =
  /^(?:dev|devel|develop|development|test|tests|testing|lint|linting|docs?|typing|ci)$/i;
const PLAIN_VERSION = /^\d[\w.]*$/;

class DependencyCollector {
  readonly dependencies: DeclaredDependency[] = [];
  private readonly lines: LineFinder;

  constructor(private readonly path: string, content: string) {
    this.lines = new LineFinder(content);
  }

  add(
    name: string,
    declared: string | undefined,
    developmentOnly: boolean,
    pinned?: string,
  ) {
    if (name.toLowerCase() === 'python') {
      return;
    }
    const line =
      this.lines.lineOf([`"${name}`]) ??
      this.lines.lineOf([`${name} =`]) ??
      this.lines.lineOf([name]);
    this.dependencies.push({
      ecosystem: 'pypi',
      name,
      declared,
      pinned,
      direct: true,
      developmentOnly,
      evidence: { path: this.path, line, entry: this.lines.textOf(line) },
    });
  }

  addRequirements(requirements: unknown, developmentOnly: boolean) {
    if (!Array.isArray(requirements)) {
      return;
    }
    for (const text of requirements) {
      const requirement =
        typeof text === 'string' ? parsePythonRequirement(text) : undefined;
      if (requirement) {
        this.add(requirement.name, requirement.specifier, developmentOnly);
      }
    }
  }

  /** Poetry / Pipfile tables: `name = "^1.2"` or `name = { version = "...", ... }`. */
  addTable(
    table: unknown,
    developmentOnly: boolean,
    bareVersionIsPin: boolean,
  ) {
    if (!isRecord(table)) {
      return;
    }
    for (const [name, value] of Object.entries(table)) {
      const specs = Array.isArray(value) ? value : [value];
      const first = specs[0];
      const declared = isRecord(first)
        ? stringOf(first.version)
        : stringOf(first);
      const usable = declared === '*' ? undefined : declared;
      const pinned =
        bareVersionIsPin && usable && PLAIN_VERSION.test(usable)
          ? usable
          : undefined;
      this.add(name, usable, developmentOnly, pinned);
    }
  }
}

/**
 * Reads `pyproject.toml`: PEP 621 `[project]` dependencies and optional
 * dependencies, PEP 735 dependency groups, and Poetry's
 * `[tool.poetry.dependencies]` and dependency groups. Poetry reads a bare
 * version as an exact pin.
 */
export function parsePyproject(
  path: string,
  content: string,
): ManifestParseResult {
  const { document, problem } = parseTomlDocument(path, content);
  if (!document) {
    return { dependencies: [], problem };
  }
  const collector = new DependencyCollector(path, content);
  const project = isRecord(document.project) ? document.project : {};
  collector.addRequirements(project.dependencies, false);
  if (isRecord(project['optional-dependencies'])) {
    for (const [group, requirements] of Object.entries(
      project['optional-dependencies'],
    )) {
      collector.addRequirements(requirements, DEVELOPMENT_GROUP.test(group));
    }
  }
  if (isRecord(document['dependency-groups'])) {
    for (const requirements of Object.values(document['dependency-groups'])) {
      collector.addRequirements(requirements, true);
    }
  }
  const tool = isRecord(document.tool) ? document.tool : {};
  const poetry = isRecord(tool.poetry) ? tool.poetry : {};
  collector.addTable(poetry.dependencies, false, true);
  collector.addTable(poetry['dev-dependencies'], true, true);
  if (isRecord(poetry.group)) {
    for (const [group, definition] of Object.entries(poetry.group)) {
      if (isRecord(definition)) {
        collector.addTable(definition.dependencies, group !== 'main', true);
      }
    }
  }
  return { dependencies: collector.dependencies };
}

/** Reads a Pipenv `Pipfile`: `[packages]` and `[dev-packages]`. */
export function parsePipfile(
  path: string,
  content: string,
): ManifestParseResult {
  const { document, problem } = parseTomlDocument(path, content);
  if (!document) {
    return { dependencies: [], problem };
  }
  const collector = new DependencyCollector(path, content);
  collector.addTable(document.packages, false, false);
  collector.addTable(document['dev-packages'], true, false);
  return { dependencies: collector.dependencies };
}
