import type {
  CalleeKind,
  OperationAnalysis,
  OperationSample,
} from '../trace/analysis/types';

/** A critical user operation with its estimated peak at the edge. @public */
export interface CapacityOperation {
  id: string;
  name: string;
  /** Estimated requests/s entering the system at peak (e.g. Cyber Week). */
  peakRequestsPerSecond: number;
  /** Absent while the operation is not traced yet. */
  analysis?: OperationAnalysis;
}

/** @public */
export interface CapacityTargetsInput {
  operations: readonly CapacityOperation[];
  /** Multiplies the expected rate into the target; at least 1. */
  safetyFactor: number;
  /** Peak requests/s by operation id, replacing the operations' estimates. */
  whatIf?: Readonly<Record<string, number>>;
}

/** A service's fan-out in one operation: calls into it per request. @public */
export interface CallsPerRequest {
  mean: number;
  /** Population standard deviation over the matching traces. */
  stdDev: number;
  min: number;
  max: number;
}

/** Requests/s under the lightest and the heaviest assumption. @public */
export interface RequestRateRange {
  lowRps: number;
  highRps: number;
}

/** Calls counted from one caller's client/producer spans. @public */
export interface ClientSpanCalls {
  callerService: string;
  callsPerRequestMean: number;
}

/** One operation's part in a service's load. @public */
export interface CapacityDriver {
  operationId: string;
  operationName: string;
  /** The edge rate used, what-if applied. */
  peakRequestsPerSecond: number;
  callsPerRequest: CallsPerRequest;
  /** The traces the fan-out was measured over. */
  matchingTraces: number;
  /** `peakRequestsPerSecond × callsPerRequest.mean`. */
  expectedRps: number;
  /** `expectedRps` over the service's, 0 to 1; 0 when the service expects none. */
  share: number;
  /**
   * Calls the service did not record itself, counted from its callers' spans:
   * unanswered hops naming it, and hops it answered in a new trace. Sorted by
   * caller.
   */
  clientSpanCalls: ClientSpanCalls[];
}

/** Expected load of one service or datastore at peak. @public */
export interface ServiceCapacityTarget {
  service: string;
  /** `service` when any operation sees it as one. */
  kind: CalleeKind;
  /** Σ over operations of edge rate × mean calls per request. */
  expectedRps: number;
  /** `expectedRps × safetyFactor`. */
  targetRps: number;
  /**
   * Σ of edge rate × (mean − standard deviation, at least 0) and of edge
   * rate × (mean + standard deviation).
   */
  stdDevRange: RequestRateRange;
  /** Σ of edge rate × fewest and of edge rate × most calls seen in one request. */
  observedRange: RequestRateRange;
  /**
   * A service (never a datastore) that emits no spans for any operation, not
   * even in new traces: its calls are counted from its callers' client spans,
   * and whatever it calls in turn is unseen.
   */
  unknownLoad: boolean;
  /** Some of its calls are counted from callers' client/producer spans. */
  estimatedFromClientSpans: boolean;
  /** Most load first. */
  drivers: CapacityDriver[];
}

/**
 * Whether an operation's traces feed the targets: `not-traced` without an
 * analysis, `no-matching-traces` when the analysis found none.
 *
 * @public
 */
export type CapacityOperationStatus =
  | 'traced'
  | 'not-traced'
  | 'no-matching-traces';

/** @public */
export interface CapacityOperationSummary {
  id: string;
  name: string;
  status: CapacityOperationStatus;
  /** The operation's own estimate. */
  plannedPeakRequestsPerSecond: number;
  /** The rate used: the what-if's when one is given. */
  peakRequestsPerSecond: number;
  whatIf: boolean;
  /** The traces behind the fan-out; absent when not traced. */
  sample?: OperationSample;
}

/** @public */
export interface CapacityTargets {
  safetyFactor: number;
  /** Sorted by expected rate, most first, then by name. */
  services: ServiceCapacityTarget[];
  /** Callees only seen through datastore client spans, sorted like `services`. */
  datastores: ServiceCapacityTarget[];
  /** In input order. */
  operations: CapacityOperationSummary[];
}
