import { baseNameOf, directoryOf, extensionOf } from './paths';
import type { DetectionSettings } from './settings';
import type { ScanEcosystem, ScannedFile } from './types';

/** What a repository file is to the scan. */
export type RepositoryFileType =
  | 'package.json'
  | 'package-lock.json'
  | 'npm-shrinkwrap.json'
  | 'yarn.lock'
  | 'pnpm-lock.yaml'
  | 'pnpm-workspace.yaml'
  | 'go.mod'
  | 'go.work'
  | 'pom.xml'
  | 'build.gradle'
  | 'build.gradle.kts'
  | 'settings.gradle'
  | 'settings.gradle.kts'
  | 'gradle.properties'
  | 'gradle-version-catalog'
  | 'requirements.txt'
  | 'pip-constraints'
  | 'pyproject.toml'
  | 'Pipfile'
  | 'Pipfile.lock'
  | 'poetry.lock'
  | 'uv.lock'
  | 'Gemfile'
  | 'Gemfile.lock'
  | 'msbuild-project'
  | 'Directory.Packages.props'
  | 'Directory.Build.props'
  | 'packages.config'
  | 'solution'
  | 'Cargo.toml'
  | 'Cargo.lock'
  | 'composer.json'
  | 'composer.lock'
  | 'dockerfile'
  | 'kubernetes'
  | 'compose'
  | 'procfile'
  | 'source';

export interface RepositoryFileClass {
  type: RepositoryFileType;
  role: ScannedFile['role'] | 'source';
  ecosystem?: ScanEcosystem;
}

// prettier-ignore
const BY_NAME: Record<string, RepositoryFileClass> = {
  'package.json': { type: 'package.json', role: 'manifest', ecosystem: 'npm' },
  'package-lock.json': { type: 'package-lock.json', role: 'lockfile', ecosystem: 'npm' },
  'npm-shrinkwrap.json': { type: 'npm-shrinkwrap.json', role: 'lockfile', ecosystem: 'npm' },
  'yarn.lock': { type: 'yarn.lock', role: 'lockfile', ecosystem: 'npm' },
  'pnpm-lock.yaml': { type: 'pnpm-lock.yaml', role: 'lockfile', ecosystem: 'npm' },
  'pnpm-workspace.yaml': { type: 'pnpm-workspace.yaml', role: 'manifest', ecosystem: 'npm' },
  'go.mod': { type: 'go.mod', role: 'manifest', ecosystem: 'go' },
  'go.work': { type: 'go.work', role: 'manifest', ecosystem: 'go' },
  'pom.xml': { type: 'pom.xml', role: 'manifest', ecosystem: 'maven' },
  'build.gradle': { type: 'build.gradle', role: 'manifest', ecosystem: 'maven' },
  'build.gradle.kts': { type: 'build.gradle.kts', role: 'manifest', ecosystem: 'maven' },
  'settings.gradle': { type: 'settings.gradle', role: 'manifest', ecosystem: 'maven' },
  'settings.gradle.kts': { type: 'settings.gradle.kts', role: 'manifest', ecosystem: 'maven' },
  'gradle.properties': { type: 'gradle.properties', role: 'manifest', ecosystem: 'maven' },
  'pyproject.toml': { type: 'pyproject.toml', role: 'manifest', ecosystem: 'pypi' },
  Pipfile: { type: 'Pipfile', role: 'manifest', ecosystem: 'pypi' },
  'Pipfile.lock': { type: 'Pipfile.lock', role: 'lockfile', ecosystem: 'pypi' },
  'poetry.lock': { type: 'poetry.lock', role: 'lockfile', ecosystem: 'pypi' },
  'uv.lock': { type: 'uv.lock', role: 'lockfile', ecosystem: 'pypi' },
  Gemfile: { type: 'Gemfile', role: 'manifest', ecosystem: 'rubygems' },
  'gems.rb': { type: 'Gemfile', role: 'manifest', ecosystem: 'rubygems' },
  'Gemfile.lock': { type: 'Gemfile.lock', role: 'lockfile', ecosystem: 'rubygems' },
  'gems.locked': { type: 'Gemfile.lock', role: 'lockfile', ecosystem: 'rubygems' },
  'Directory.Packages.props': { type: 'Directory.Packages.props', role: 'manifest', ecosystem: 'nuget' },
  'Directory.Build.props': { type: 'Directory.Build.props', role: 'manifest', ecosystem: 'nuget' },
  'packages.config': { type: 'packages.config', role: 'manifest', ecosystem: 'nuget' },
  'Cargo.toml': { type: 'Cargo.toml', role: 'manifest', ecosystem: 'cargo' },
  'Cargo.lock': { type: 'Cargo.lock', role: 'lockfile', ecosystem: 'cargo' },
  'composer.json': { type: 'composer.json', role: 'manifest', ecosystem: 'composer' },
  'composer.lock': { type: 'composer.lock', role: 'lockfile', ecosystem: 'composer' },
  Procfile: { type: 'procfile', role: 'deployment' },
};

const DOCKERFILE = /^(?:Dockerfile|Containerfile)(?:[.-].+)?$|\.[Dd]ockerfile$/;
const COMPOSE_FILE = /^(?:docker-)?compose(?:[.-].*)?\.ya?ml$/;
const KUBERNETES_FILE =
  /^(?:deployment|statefulset|daemonset|cronjob|kustomization|values)(?:[.-].*)?\.ya?ml$/i;
const YAML = /\.ya?ml$/i;
/** Sources whose content is generated or bundled, never hand-written tracing code. */
const GENERATED_SOURCE = /\.(?:min\.js|d\.ts|bundle\.js)$/;

function classifyYaml(
  path: string,
  name: string,
  settings: DetectionSettings,
): RepositoryFileClass | undefined {
  if (COMPOSE_FILE.test(name)) {
    return { type: 'compose', role: 'deployment' };
  }
  const directories = directoryOf(path).toLowerCase().split('/');
  if (directories.includes('.github')) {
    return undefined;
  }
  const deploymentDirectories = settings.deploymentDirectories.map(directory =>
    directory.toLowerCase(),
  );
  if (
    KUBERNETES_FILE.test(name) ||
    directories.some(directory => deploymentDirectories.includes(directory))
  ) {
    return { type: 'kubernetes', role: 'deployment' };
  }
  return undefined;
}

/**
 * What a repository path is to the scan, judged by its name and place alone;
 * undefined for files the scan does not need.
 */
export function classifyRepositoryPath(
  path: string,
  settings: DetectionSettings,
): RepositoryFileClass | undefined {
  const name = baseNameOf(path);
  const known = BY_NAME[name];
  if (known) {
    return known;
  }
  if (
    /^requirements.*\.(?:txt|in)$/i.test(name) ||
    (baseNameOf(directoryOf(path)) === 'requirements' &&
      /\.(?:txt|in)$/.test(name))
  ) {
    return { type: 'requirements.txt', role: 'manifest', ecosystem: 'pypi' };
  }
  if (/^constraints.*\.txt$/i.test(name)) {
    // Read for the versions it pins (`-c constraints.txt`); it declares nothing itself.
    return { type: 'pip-constraints', role: 'manifest', ecosystem: 'pypi' };
  }
  if (/\.(?:cs|fs|vb)proj$/.test(name)) {
    return { type: 'msbuild-project', role: 'manifest', ecosystem: 'nuget' };
  }
  if (name.endsWith('.sln')) {
    return { type: 'solution', role: 'manifest', ecosystem: 'nuget' };
  }
  if (
    name.endsWith('.versions.toml') &&
    baseNameOf(directoryOf(path)) === 'gradle'
  ) {
    return {
      type: 'gradle-version-catalog',
      role: 'manifest',
      ecosystem: 'maven',
    };
  }
  if (DOCKERFILE.test(name)) {
    return { type: 'dockerfile', role: 'deployment' };
  }
  if (YAML.test(name)) {
    return classifyYaml(path, name, settings);
  }
  if (
    settings.sourceExtensions.includes(extensionOf(path)) &&
    !GENERATED_SOURCE.test(name)
  ) {
    return { type: 'source', role: 'source' };
  }
  return undefined;
}

/** Whether a directory segment of the path is one the scan never enters. */
export function isInIgnoredDirectory(
  path: string,
  settings: DetectionSettings,
): boolean {
  const directories = directoryOf(path);
  return (
    directories !== '' &&
    directories
      .split('/')
      .some(directory => settings.ignoredDirectories.includes(directory))
  );
}
