import { DEFAULT_CODE_IMPORT_RULES } from './codeImportTable';
import {
  DEFAULT_LIBRARY_RULES,
  DEFAULT_ORG_TRACER_LIBRARIES,
} from './libraryTable';
import { DEFAULT_MINIMUM_VERSIONS } from './minimumVersionTable';
import {
  DEFAULT_ATTACHMENT_RULES,
  DEFAULT_ENVIRONMENT_RULES,
} from './runtimeTable';
import type { DetectionSettings } from './settings';

/**
 * Detection settings used unless app-config or a command line changes them.
 *
 * @public
 */
export const DEFAULT_DETECTION_SETTINGS: DetectionSettings = {
  libraries: DEFAULT_LIBRARY_RULES,
  orgTracerLibraries: DEFAULT_ORG_TRACER_LIBRARIES,
  minimumVersions: DEFAULT_MINIMUM_VERSIONS,
  attachments: DEFAULT_ATTACHMENT_RULES,
  environmentVariables: DEFAULT_ENVIRONMENT_RULES,
  codeImports: DEFAULT_CODE_IMPORT_RULES,
  flowIdHeaders: ['X-Flow-ID'],
  sourceExtensions: [
    '.java',
    '.kt',
    '.scala',
    '.groovy',
    '.js',
    '.mjs',
    '.cjs',
    '.jsx',
    '.ts',
    '.tsx',
    '.mts',
    '.cts',
    '.go',
    '.py',
    '.rb',
    '.php',
    '.cs',
    '.rs',
  ],
  maxSourceFiles: 400,
  ignoredDirectories: [
    'node_modules',
    'vendor',
    '.git',
    'dist',
    'build',
    'target',
    'out',
    'bin',
    'obj',
    '__pycache__',
    '.venv',
    'venv',
    '.tox',
    '.gradle',
    '.idea',
    '.next',
    '.nuxt',
    '.yarn',
    'coverage',
    '.terraform',
  ],
  deploymentDirectories: [
    'k8s',
    'kubernetes',
    'kube',
    '.k8s',
    'deploy',
    'deployment',
    'deployments',
    'manifests',
    'helm',
    'chart',
    'charts',
    'kustomize',
    'overlays',
    'openshift',
    'argocd',
    'infra',
    'infrastructure',
    'ops',
  ],
};
