/**
 * Repository scanning: detects which tracing instrumentation a repository's
 * services carry, from file contents alone.
 */
export type {
  DetectionAttachmentRule,
  DetectionCodeImportRule,
  DetectionEnvironmentRule,
  DetectionLibraryRule,
  DetectionSettings,
} from './settings';
export { DEFAULT_DETECTION_SETTINGS } from './defaultSettings';
export { mergeDetectionSettings } from './mergeSettings';
export type {
  DetectionSettingsOverrides,
  DetectionTableOverride,
} from './mergeSettings';
export { isRelevantPath, selectPathsToRead } from './relevantPaths';
export { scanRepositoryFiles } from './scanRepositoryFiles';
export type {
  FlowIdPropagationEvidence,
  RepositoryScanResult,
  ScanEcosystem,
  ScanEvidence,
  ScanFinding,
  ScanFindingKind,
  ScanFindingSource,
  ScanInstrumentation,
  ScannedFile,
  ScanProblem,
  ServiceDirectoryScan,
} from './types';
