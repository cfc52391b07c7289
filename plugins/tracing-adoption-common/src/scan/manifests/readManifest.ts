import type { RepositoryFileType } from '../fileTypes';
import type { ManifestParseResult } from '../model';
import type { RepositoryFiles } from '../repositoryFiles';
import { readCargoDependencies } from './cargoManifest';
import { parseComposerJson } from './composerJson';
import { msBuildFileProblem, readMsBuildDependencies } from './dotnetProjects';
import { parseGoMod } from './goModules';
import { readGradleDependencies } from './gradleBuildScript';
import { parseVersionCatalog } from './gradleVersionCatalog';
import { readPomDependencies } from './mavenPom';
import { readPackageJson } from './packageJson';
import { readPnpmWorkspace } from './pnpmWorkspace';
import { parsePipfile, parsePyproject } from './pythonProjects';
import { readRequirementsFile } from './pythonRequirements';
import { parseGemfile } from './rubyGemfile';

const NOTHING: ManifestParseResult = { dependencies: [] };

/**
 * The dependencies a manifest declares, or why it could not be read. Files
 * that only shape the build (settings scripts, `go.work`, solutions,
 * properties) declare none; those with a format of their own are still
 * parsed so that a broken one is reported.
 */
export function readManifest(
  path: string,
  type: RepositoryFileType,
  files: RepositoryFiles,
): ManifestParseResult {
  const content = files.content(path) ?? '';
  switch (type) {
    case 'package.json':
      return readPackageJson(path, files) ?? NOTHING;
    case 'go.mod':
      return parseGoMod(path, content);
    case 'pom.xml':
      return readPomDependencies(path, files);
    case 'build.gradle':
    case 'build.gradle.kts':
      return readGradleDependencies(path, files);
    case 'gradle-version-catalog':
      return {
        dependencies: [],
        problem: files.memo(`gradle-catalog:${path}`, () =>
          parseVersionCatalog(path, content),
        ).problem,
      };
    case 'requirements.txt':
      return readRequirementsFile(path, files);
    case 'pyproject.toml':
      return parsePyproject(path, content);
    case 'Pipfile':
      return parsePipfile(path, content);
    case 'Gemfile':
      return parseGemfile(path, content);
    case 'msbuild-project':
    case 'packages.config':
    case 'Directory.Build.props':
      return readMsBuildDependencies(path, files);
    case 'Directory.Packages.props':
      return { dependencies: [], problem: msBuildFileProblem(path, files) };
    case 'Cargo.toml':
      return readCargoDependencies(path, files);
    case 'composer.json':
      return parseComposerJson(path, content);
    case 'pnpm-workspace.yaml':
      return {
        dependencies: [],
        problem: readPnpmWorkspace(path, files).problem,
      };
    default:
      return NOTHING;
  }
}
