/**
 * Capacity targets: edge peak estimates of critical operations turned into
 * expected requests/s per service through the fan-out measured in traces.
 */
export { computeCapacityTargets } from './computeCapacityTargets';
export { capacityTargetsToCsv } from './capacityCsv';
export { CapacityInputError } from './CapacityInputError';
export type {
  CallsPerRequest,
  CapacityDriver,
  CapacityOperation,
  CapacityOperationStatus,
  CapacityOperationSummary,
  CapacityTargets,
  CapacityTargetsInput,
  ClientSpanCalls,
  RequestRateRange,
  ServiceCapacityTarget,
} from './types';
