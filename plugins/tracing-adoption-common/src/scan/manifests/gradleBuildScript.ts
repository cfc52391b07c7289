import type { DeclaredDependency, ManifestParseResult } from '../model';
import { directoryOf, joinPath, selfAndAncestors } from '../paths';
import type { RepositoryFiles } from '../repositoryFiles';
import { lexSource } from '../source/sourceLexer';
import { parseJavaProperties } from './gradleProperties';
import {
  accessorAlias,
  parseVersionCatalog,
  VersionCatalog,
} from './gradleVersionCatalog';

/** A statement inside a `dependencies { }` block. */
interface DependencyStatement {
  configuration: string;
  /** The statement's code, comments removed. */
  code: string;
  line: number;
}

/** What one build script declares, before variables from elsewhere are applied. */
interface GradleScript {
  variables: Record<string, string>;
  statements: DependencyStatement[];
}

const STRING_LITERAL = /(["'])((?:\\.|(?!\1)[^\\])*)\1/g;
const COORDINATES = /^([\w.-]+):([\w.-]+)(?::([^:@]*))?(?::[\w.-]+)?(?:@\w+)?$/;
const VARIABLE_DEFINITIONS = [
  /\b(?:val|var|def|String)\s+(\w+)\s*(?::\s*String\s*)?=\s*["']([^"'$]*)["']/g,
  /\bext\.(\w+)\s*=\s*["']([^"'$]*)["']/g,
  /\bextra\[\s*["'](\w+)["']\s*\]\s*=\s*["']([^"'$]*)["']/g,
  /\bval\s+(\w+)\s+by\s+extra\(\s*["']([^"'$]*)["']\s*\)/g,
  /\bset\(\s*["'](\w+)["']\s*,\s*["']([^"'$]*)["']\s*\)/g,
];
/** Configurations whose dependencies never reach the running service. */
const BUILD_TIME_CONFIGURATIONS =
  /^(?:annotationProcessor|kapt|ksp|classpath|detekt\w*|ktlint\w*|lintChecks|\w+AnnotationProcessor)$/;
const TEST_CONFIGURATIONS =
  /^(?:test|androidTest|testFixtures|integrationTest|functionalTest|e2eTest|jmh)|Test(?:Implementation|Api|CompileOnly|RuntimeOnly)$/;
const NOT_CONFIGURATIONS = new Set([
  'constraints',
  'components',
  'modules',
  'project',
  'if',
  'for',
]);

/** Names of the blocks opened on a line, in order; `''` for anonymous blocks (closures, lambdas). */
function blockEvents(bareLine: string): Array<'}' | string> {
  const events: string[] = [];
  for (let index = 0; index < bareLine.length; index++) {
    const character = bareLine[index];
    if (character === '}') {
      events.push('}');
    } else if (character === '{') {
      let cursor = index - 1;
      while (cursor >= 0 && /\s/.test(bareLine[cursor])) cursor--;
      if (bareLine[cursor] === ')') {
        let depth = 0;
        for (; cursor >= 0; cursor--) {
          if (bareLine[cursor] === ')') depth++;
          if (bareLine[cursor] === '(' && --depth === 0) break;
        }
        cursor--;
        while (cursor >= 0 && /\s/.test(bareLine[cursor])) cursor--;
      }
      const end = cursor + 1;
      while (cursor >= 0 && /[\w.]/.test(bareLine[cursor])) cursor--;
      events.push(bareLine.slice(cursor + 1, end));
    }
  }
  return events;
}

function isDependencyContext(stack: string[]): boolean {
  const innermost = stack[stack.length - 1];
  return (
    innermost === 'dependencies' &&
    !stack.includes('buildscript') &&
    !stack.includes('constraints')
  );
}

/** The statement part of a line that starts a `dependencies {` block and continues on it. */
function afterDependenciesOpening(code: string): string | undefined {
  const match = /\bdependencies\s*\{(.*)$/.exec(code);
  return match && match[1].trim() ? match[1] : undefined;
}

function statementOf(
  code: string,
  line: number,
): DependencyStatement | undefined {
  const match = /^\s*["']?([A-Za-z_]\w*)["']?\s*[(\s'"]/.exec(code);
  if (!match || NOT_CONFIGURATIONS.has(match[1])) {
    return undefined;
  }
  return { configuration: match[1], code: code.trim(), line };
}

function readGradleScript(path: string, content: string): GradleScript {
  const { codeLines, bareCodeLines } = lexSource(path, content);
  const variables: Record<string, string> = {};
  const statements: DependencyStatement[] = [];
  const stack: string[] = [];
  codeLines.forEach((code, index) => {
    for (const definition of VARIABLE_DEFINITIONS) {
      for (const match of code.matchAll(definition)) {
        variables[match[1]] = match[2];
      }
    }
    if (stack[stack.length - 1] === 'ext') {
      const property = /^\s*(\w+)\s*=\s*["']([^"'$]*)["']/.exec(code);
      if (property) {
        variables[property[1]] = property[2];
      }
    }
    if (isDependencyContext(stack)) {
      const statement = statementOf(code, index + 1);
      if (statement) {
        statements.push(statement);
      }
    } else {
      const rest = afterDependenciesOpening(code);
      const statement = rest && statementOf(rest, index + 1);
      if (statement && !stack.includes('buildscript')) {
        statements.push(statement);
      }
    }
    for (const event of blockEvents(bareCodeLines[index] ?? '')) {
      if (event === '}') {
        stack.pop();
      } else {
        stack.push(event);
      }
    }
  });
  return { variables, statements };
}

/** Replaces `$name`, `${name}`, `${extra["name"]}` and `${property("name")}` references. */
function substituteVariables(
  text: string,
  variables: Record<string, string>,
): string {
  return text
    .replace(
      /\$\{[^}]*?["'](\w[\w.]*)["'][^}]*\}/g,
      (reference, name: string) => variables[name] ?? reference,
    )
    .replace(
      /\$\{(?:[\w]+\.)*(\w+)\}/g,
      (reference, name: string) => variables[name] ?? reference,
    )
    .replace(
      /\$(\w+)/g,
      (reference, name: string) => variables[name] ?? reference,
    );
}

interface ScriptContext {
  variables: Record<string, string>;
  catalogs: VersionCatalog[];
}

function catalogDependencies(
  statement: DependencyStatement,
  catalogs: VersionCatalog[],
): Array<{ module: string; version?: string }> {
  const found: Array<{ module: string; version?: string }> = [];
  for (const catalog of catalogs) {
    const accessor = new RegExp(
      `\\b${catalog.accessor}\\.([A-Za-z][\\w.]*)`,
      'g',
    );
    for (const match of statement.code.matchAll(accessor)) {
      const alias = accessorAlias(match[1].replace(/\.get$/, ''));
      if (alias.startsWith('bundles.')) {
        const members =
          catalog.bundles.get(alias.slice('bundles.'.length)) ?? [];
        for (const member of members) {
          const library = catalog.libraries.get(accessorAlias(member));
          if (library) {
            found.push(library);
          }
        }
      } else if (
        !alias.startsWith('versions.') &&
        !alias.startsWith('plugins.')
      ) {
        const library = catalog.libraries.get(alias);
        if (library) {
          found.push(library);
        }
      }
    }
  }
  return found;
}

function literalDependencies(
  statement: DependencyStatement,
): Array<{ module: string; version?: string }> {
  const found: Array<{ module: string; version?: string }> = [];
  for (const literal of statement.code.matchAll(STRING_LITERAL)) {
    const coordinates = COORDINATES.exec(literal[2]);
    if (coordinates) {
      found.push({
        module: `${coordinates[1]}:${coordinates[2]}`,
        version: coordinates[3] || undefined,
      });
    }
  }
  const group = /\bgroup\s*[:=]\s*["']([^"']+)["']/.exec(statement.code);
  const name = /\bname\s*[:=]\s*["']([^"']+)["']/.exec(statement.code);
  if (group && name) {
    const version = /\bversion\s*[:=]\s*["']([^"']+)["']/.exec(statement.code);
    found.push({ module: `${group[1]}:${name[1]}`, version: version?.[1] });
  }
  return found;
}

function dependenciesOf(
  path: string,
  script: GradleScript,
  context: ScriptContext,
): DeclaredDependency[] {
  const dependencies: DeclaredDependency[] = [];
  for (const statement of script.statements) {
    if (BUILD_TIME_CONFIGURATIONS.test(statement.configuration)) {
      continue;
    }
    const developmentOnly = TEST_CONFIGURATIONS.test(statement.configuration);
    for (const { module, version } of [
      ...literalDependencies(statement),
      ...catalogDependencies(statement, context.catalogs),
    ]) {
      const interpolated =
        version && substituteVariables(version, context.variables);
      dependencies.push({
        ecosystem: 'maven',
        name: module,
        declared: version,
        interpolated: interpolated !== version ? interpolated : undefined,
        direct: true,
        developmentOnly,
        evidence: { path, line: statement.line, entry: statement.code },
      });
    }
  }
  return dependencies;
}

function scriptOf(
  path: string,
  files: RepositoryFiles,
): GradleScript | undefined {
  const content = files.content(path);
  return content === undefined
    ? undefined
    : files.memo(`gradle-script:${path}`, () =>
        readGradleScript(path, content),
      );
}

/** The directory of the Gradle build a script belongs to: the nearest directory above with a settings script. */
function buildRootOf(directory: string, files: RepositoryFiles): string {
  return (
    selfAndAncestors(directory).find(candidate =>
      ['settings.gradle', 'settings.gradle.kts'].some(name =>
        files.exists(joinPath(candidate, name)),
      ),
    ) ?? directory
  );
}

function propertiesIn(
  directory: string,
  files: RepositoryFiles,
): Record<string, string> {
  const path = joinPath(directory, 'gradle.properties');
  const content = files.content(path);
  return content === undefined
    ? {}
    : files.memo(`gradle-properties:${path}`, () =>
        parseJavaProperties(content),
      );
}

/**
 * The dependencies a Gradle build script (Groovy or Kotlin DSL) declares in
 * its `dependencies { }` blocks, outside `buildscript { }`. Versions may come
 * from version catalogs in the build's `gradle/` directory, and from variables
 * of the script, of the build's root script and of `gradle.properties`.
 */
export function readGradleDependencies(
  path: string,
  files: RepositoryFiles,
): ManifestParseResult {
  const script = scriptOf(path, files);
  if (!script) {
    return { dependencies: [] };
  }
  const directory = directoryOf(path);
  const root = buildRootOf(directory, files);
  const rootScript = ['build.gradle', 'build.gradle.kts']
    .map(name => joinPath(root, name))
    .filter(rootPath => rootPath !== path)
    .map(rootPath => scriptOf(rootPath, files))
    .find(Boolean);
  const catalogs = files
    .ofType('gradle-version-catalog')
    .filter(
      catalogPath => directoryOf(catalogPath) === joinPath(root, 'gradle'),
    )
    .map(catalogPath =>
      files.memo(`gradle-catalog:${catalogPath}`, () =>
        parseVersionCatalog(catalogPath, files.content(catalogPath) ?? ''),
      ),
    );
  const variables = {
    ...propertiesIn(root, files),
    ...propertiesIn(directory, files),
    ...rootScript?.variables,
    ...script.variables,
  };
  return {
    dependencies: dependenciesOf(path, script, { variables, catalogs }),
  };
}
