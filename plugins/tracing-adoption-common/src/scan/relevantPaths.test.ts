import { DEFAULT_DETECTION_SETTINGS } from './defaultSettings';
import { isRelevantPath, selectPathsToRead } from './relevantPaths';

describe('isRelevantPath', () => {
  it.each([
    'package.json',
    'apps/web/package-lock.json',
    'yarn.lock',
    'pnpm-lock.yaml',
    'pnpm-workspace.yaml',
    'go.mod',
    'go.work',
    'pom.xml',
    'build.gradle',
    'lib/build.gradle.kts',
    'settings.gradle.kts',
    'gradle.properties',
    'gradle/libs.versions.toml',
    'requirements.txt',
    'requirements-dev.txt',
    'requirements/base.txt',
    'requirements.in',
    'constraints.txt',
    'pyproject.toml',
    'Pipfile',
    'Pipfile.lock',
    'poetry.lock',
    'Gemfile',
    'Gemfile.lock',
    'src/Api/Api.csproj',
    'Shop.sln',
    'Directory.Packages.props',
    'Cargo.toml',
    'Cargo.lock',
    'composer.json',
    'composer.lock',
    'Dockerfile',
    'docker/Dockerfile.prod',
    'api.Dockerfile',
    'Containerfile',
    'docker-compose.yml',
    'compose.override.yaml',
    'deploy/k8s/deployment.yaml',
    'charts/api/templates/service.yaml',
    'k8s/overlays/prod/kustomization.yml',
    'Procfile',
    'src/main/java/shop/App.java',
    'src/server.ts',
    'main.go',
    'app.py',
    '.\\windows\\style\\package.json',
  ])('reads %s', path => {
    expect(isRelevantPath(path, DEFAULT_DETECTION_SETTINGS)).toBe(true);
  });

  it.each([
    'node_modules/express/package.json',
    'vendor/github.com/x/go.mod',
    '.git/config',
    'dist/server.js',
    'build/libs/app.jar',
    'target/classes/pom.xml',
    'bin/Debug/App.csproj',
    'obj/project.assets.json',
    'app/__pycache__/main.py',
    '.venv/lib/site-packages/requirements.txt',
    'README.md',
    'config/application.yaml',
    '.github/workflows/deploy.yaml',
    'src/types.d.ts',
    'public/vendor.min.js',
    'logo.png',
  ])('skips %s', path => {
    expect(isRelevantPath(path, DEFAULT_DETECTION_SETTINGS)).toBe(false);
  });
});

describe('selectPathsToRead', () => {
  it('returns every non-source file and the capped, prioritised sources', () => {
    const { paths, sourceFilesLeftOut } = selectPathsToRead(
      [
        'z/util.go',
        'go.mod',
        'a/b/c/tracing.go',
        'main.go',
        'README.md',
        'vendor/x/y.go',
      ],
      { ...DEFAULT_DETECTION_SETTINGS, maxSourceFiles: 2 },
    );
    expect(paths).toEqual(['go.mod', 'a/b/c/tracing.go', 'main.go']);
    expect(sourceFilesLeftOut).toBe(1);
  });
});
