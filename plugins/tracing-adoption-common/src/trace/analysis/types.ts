import type { SpanKind, SpanReference } from '../model';

/**
 * Identifies a critical user operation by the span that enters the system.
 *
 * `spanName` and `httpRoute` are exact strings or globs where `*` stands for
 * any run of characters (including `/`); `httpMethod` is compared without
 * regard to case. Unset fields match anything.
 *
 * @public
 */
export interface OperationMatcher {
  /** `service.name` of the edge service that receives the request. */
  entryService: string;
  spanName?: string;
  /**
   * Matched against `http.route`, else the path of `http.target`,
   * `url.path`, `http.url` or `url.full` (OpenTracing spans carry no route).
   */
  httpRoute?: string;
  /** Matched against `http.request.method`, else `http.method`. */
  httpMethod?: string;
}

/** @public */
export interface AnalyzeTraceOptions {
  /**
   * When given, the critical path starts at this operation's entry span and
   * {@link TraceAnalysis.entry} describes it; otherwise the path starts at the
   * earliest root span.
   */
  operation?: OperationMatcher;
  /**
   * Attribute names that carry a legacy flow id. Defaults to
   * {@link DEFAULT_FLOW_ID_ATTRIBUTES}.
   */
  flowIdAttributes?: readonly string[];
}

/** @public */
export interface AnalyzeOperationOptions {
  /** See {@link AnalyzeTraceOptions.flowIdAttributes}. */
  flowIdAttributes?: readonly string[];
  /** How many matching trace ids the sample lists. Default 50. */
  sampleTraceIdLimit?: number;
  /** How many example trace ids (or pairs) each finding lists. Default 5. */
  exampleLimit?: number;
  /**
   * Clock skew allowed between a caller's span and the root span of a trace
   * the callee started, in µs. Default 10 000 (10 ms).
   */
  clockSkewToleranceUs?: number;
  /**
   * How long after a producer span ends a consumer may start a new trace and
   * still be paired with it, in µs. Default 60 000 000 (60 s), because
   * consumers read asynchronously and may lag.
   */
  asyncDeliveryToleranceUs?: number;
}

/** Where an SDK or tracer fact was read from. @public */
export type InstrumentationSource =
  | 'opentelemetry-sdk'
  | 'opentelemetry-distro'
  | 'jaeger-client'
  | 'opentracing-tracer';

/** One tracing library a service reports about itself. @public */
export interface SdkFact {
  source: InstrumentationSource;
  name?: string;
  language?: string;
  version?: string;
}

/** Family of a deprecated attribute name a service still emits. @public */
export type LegacyConvention =
  | 'opentracing'
  | 'jaeger-client'
  | 'opentelemetry-deprecated';

/** How a service instruments itself, as seen in its spans. @public */
export interface InstrumentationFacts {
  /** Distinct SDKs, distros and tracers, ordered by source then name. */
  sdks: SdkFact[];
  /** Distinct `otel.scope.name` / `otel.library.name` values, sorted. */
  instrumentationScopes: string[];
  /** Deprecated attribute names found on its spans, sorted. */
  legacyAttributes: string[];
  /** The conventions those attribute names come from, sorted. */
  legacyConventions: LegacyConvention[];
}

/** One service's part in one trace. @public */
export interface TraceServiceSummary extends InstrumentationFacts {
  service: string;
  spans: number;
  /**
   * Calls into the service in this trace: its root spans (called from
   * outside the trace) plus every span whose parent is in another service or
   * is a client/producer span answered by a server/consumer span.
   */
  inboundCalls: number;
  /** Σ over its spans of duration minus time covered by children, in µs. */
  selfTimeUs: number;
}

/** Calls from one service to another within one trace. @public */
export interface ServiceCall {
  caller: string;
  callee: string;
  calls: number;
  /**
   * One duration per call in µs: the caller's client/producer span, else the
   * callee's span when the caller has no outbound span.
   */
  durationsUs: number[];
}

/** Whether an unanswered outbound span goes to a service or a datastore. @public */
export type CalleeKind = 'service' | 'datastore';

/**
 * A client/producer span without a server/consumer span below it: the callee
 * emits nothing for this call.
 *
 * @public
 */
export interface UninstrumentedHop {
  callerService: string;
  callerSpanId: string;
  callerSpanKind: 'client' | 'producer';
  /** The callee as the caller names it, or {@link UNKNOWN_CALLEE}. */
  calleeName: string;
  /** Attribute the name was read from; absent when the callee is unknown. */
  calleeAttribute?: string;
  /** `datastore` when the span carries `db.system` (or OpenTracing `db.type`). */
  calleeKind: CalleeKind;
  /** `messaging.destination.name` or its legacy spellings, when present. */
  messagingDestination?: string;
  startTimeUs: number;
  durationUs: number;
}

/** Why a span counts as failed. @public */
export type ErrorSignal = 'status' | 'error-tag' | 'http-status';

/** A failed span with no failed span below it. @public */
export interface ErrorSource {
  spanId: string;
  service: string;
  spanName: string;
  signal: ErrorSignal;
}

/** One span on the critical path. @public */
export interface CriticalPathStep {
  spanId: string;
  service: string;
  spanName: string;
  /**
   * Time of the path spent in this span and in none of the later steps, in
   * µs. The steps' values add up to the duration of the first step.
   */
  selfTimeOnPathUs: number;
}

/**
 * A root server/consumer span whose parent id is set but whose parent is not
 * in the trace: context arrived, the parent's data did not.
 *
 * @public
 */
export interface OrphanRoot {
  spanId: string;
  service: string;
  spanName: string;
  missingParentSpanId: string;
}

/** A reference (follows_from, child_of or link) into another trace. @public */
export interface CrossTraceReference {
  spanId: string;
  service: string;
  type: SpanReference['type'];
  linkedTraceId: string;
  linkedSpanId: string;
}

/** A legacy flow id value found in a trace. @public */
export interface FlowIdUse {
  value: string;
  /** The attribute names it was found under, sorted. */
  attributes: string[];
  /** Spans carrying it. */
  spans: number;
}

/** A root span, in start order. @public */
export interface RootSpanSummary {
  spanId: string;
  service: string;
  spanName: string;
  kind: SpanKind;
}

/** The span through which the operation entered the system. @public */
export interface EntrySpanSummary {
  spanId: string;
  service: string;
  spanName: string;
  kind: SpanKind;
  durationUs: number;
  isError: boolean;
  /** True when the span has no parent in the trace. */
  isRoot: boolean;
}

/** Defects of the span tree that the analysis worked around. @public */
export interface TraceStructureProblems {
  /** Ids used by more than one span; later spans were indexed under the first. */
  duplicateSpanIds: string[];
  /** Spans whose parent link closed a cycle and was dropped. */
  parentCycleSpanIds: string[];
}

/** Everything one trace tells about the rollout. @public */
export interface TraceAnalysis {
  traceId: string;
  spanCount: number;
  /** Earliest span start, in µs; 0 for a trace without spans. */
  startTimeUs: number;
  /** Latest span end, in µs; 0 for a trace without spans. */
  endTimeUs: number;
  rootSpans: RootSpanSummary[];
  /** Present when an operation was given and the trace has its entry span. */
  entry?: EntrySpanSummary;
  /** Services that emit spans, sorted by name. */
  services: TraceServiceSummary[];
  /** Service call graph, sorted by caller then callee. */
  calls: ServiceCall[];
  uninstrumentedHops: UninstrumentedHop[];
  errorSources: ErrorSource[];
  criticalPath: CriticalPathStep[];
  orphanRoots: OrphanRoot[];
  crossTraceReferences: CrossTraceReference[];
  flowIds: FlowIdUse[];
  structureProblems: TraceStructureProblems;
}

/**
 * Nearest-rank percentiles of a set of durations, in µs.
 *
 * @public
 */
export interface LatencyPercentiles {
  /** How many durations the percentiles are taken over. */
  samples: number;
  p50Us: number;
  p95Us: number;
  p99Us: number;
  maxUs: number;
}

/** The traces an operation analysis is based on. @public */
export interface OperationSample {
  /** Traces handed to the analysis: the whole window. */
  tracesInWindow: number;
  /** Traces whose entry span matches the operation: the N of every per-request figure. */
  matchingTraces: number;
  /** Ids of matching traces, in input order, at most `sampleTraceIdLimit`. */
  traceIds: string[];
  /** Earliest span start over the matching traces, in µs; absent without matches. */
  windowStartUs?: number;
  /** Latest span end over the matching traces, in µs; absent without matches. */
  windowEndUs?: number;
}

/**
 * A service (or datastore) taking part in the operation. The `callsPerRequest*`
 * figures are its fan-out: calls into it per matching trace, a trace without
 * it counting as 0.
 *
 * @public
 */
export interface OperationParticipant extends InstrumentationFacts {
  service: string;
  kind: CalleeKind;
  /** Emits spans in at least one matching trace. */
  emitsSpans: boolean;
  /** Named by an uninstrumented hop of at least one matching trace. */
  seenAsUninstrumentedCallee: boolean;
  /** Answers hops of the operation with spans in new traces (broken propagation). */
  startsNewTrace: boolean;
  /** Matching traces in which the service emits spans or is called. */
  tracesWithService: number;
  /** Spans it emits across the matching traces. */
  spans: number;
  /** Calls into it across the matching traces. */
  inboundCalls: number;
  callsPerRequestMean: number;
  /** Population standard deviation over the matching traces. */
  callsPerRequestStdDev: number;
  callsPerRequestMin: number;
  callsPerRequestMax: number;
}

/** Calls between two services, over the matching traces. @public */
export interface OperationEdge {
  caller: string;
  callee: string;
  totalCalls: number;
  tracesWithEdge: number;
  callsPerRequestMean: number;
  latency: LatencyPercentiles;
}

/** Uninstrumented hops with the same caller and callee name. @public */
export interface OperationUninstrumentedHop {
  callerService: string;
  calleeName: string;
  calleeKind: CalleeKind;
  /** Attributes the callee name was read from, sorted. */
  calleeAttributes: string[];
  totalCalls: number;
  tracesWithHop: number;
  callsPerRequestMean: number;
  /** Of `totalCalls`, those answered by the callee in a new trace. */
  callsAnsweredInNewTrace: number;
  /** Durations of the caller's client/producer spans. */
  latency: LatencyPercentiles;
  exampleTraceIds: string[];
}

/** A matching trace and the trace the callee started instead of continuing it. @public */
export interface NewTraceExample {
  operationTraceId: string;
  callerSpanId: string;
  newTraceId: string;
}

/**
 * A callee that emits spans but starts a new trace when the operation calls
 * it: a root server/consumer span of the callee, in a trace that does not
 * match the operation, starting while the caller's span runs.
 *
 * @public
 */
export interface NewTraceFinding {
  calleeService: string;
  callerService: string;
  /** Callee names on the caller's side (service, host or destination), sorted. */
  hopCalleeNames: string[];
  /** Uninstrumented hops paired with a new trace; each new trace pairs with one hop. */
  hopsAnsweredInNewTrace: number;
  /** Matching traces with at least one such hop. */
  operationTraces: number;
  examples: NewTraceExample[];
}

/**
 * One legacy flow id shared by several traces, at least one of them matching
 * the operation: the flow id travelled where the trace context did not.
 *
 * @public
 */
export interface SharedFlowIdFinding {
  flowId: string;
  attributes: string[];
  traceCount: number;
  matchingTraceCount: number;
  /** Trace ids, earliest start first, at most `exampleLimit`. */
  traceIds: string[];
  /** Services emitting spans in any of the traces, sorted. */
  services: string[];
  /**
   * Root services of every trace but the earliest, except the entry service
   * (a new request at the edge rightly starts a trace), sorted.
   */
  servicesStartingNewTraces: string[];
}

/** Orphan root spans of one service over the matching traces. @public */
export interface OrphanRootFinding {
  service: string;
  orphanRoots: number;
  tracesWithOrphanRoot: number;
  exampleTraceIds: string[];
}

/** References of one service and type into other traces. @public */
export interface CrossTraceReferenceFinding {
  service: string;
  type: SpanReference['type'];
  references: number;
  tracesWithReference: number;
  examples: Array<{ traceId: string; linkedTraceId: string }>;
}

/** @public */
export interface OperationBrokenPropagation {
  newTraces: NewTraceFinding[];
  sharedFlowIds: SharedFlowIdFinding[];
  orphanRoots: OrphanRootFinding[];
  crossTraceReferences: CrossTraceReferenceFinding[];
}

/** Error sources of one service over the matching traces. @public */
export interface ServiceErrorSources {
  service: string;
  errorSources: number;
  tracesWithErrorSource: number;
  exampleTraceIds: string[];
}

/** @public */
export interface OperationErrors {
  /** Matching traces whose entry span failed. */
  failedEntrySpans: number;
  /** `failedEntrySpans / matchingTraces`; absent without matches. */
  entryErrorRate?: number;
  /** Sorted by `errorSources`, most first. */
  sourcesByService: ServiceErrorSources[];
}

/** A service's share of time over the matching traces. @public */
export interface ServiceTimeShare {
  service: string;
  totalUs: number;
  /** `totalUs` over the sum for all services, 0 to 1. */
  share: number;
}

/** @public */
export interface OperationLatency {
  /** Entry span durations; absent without matches. */
  entry?: LatencyPercentiles;
  /** Self time per service, most first. */
  selfTimeByService: ServiceTimeShare[];
  /** Time on the critical path per service, most first. */
  criticalPathByService: ServiceTimeShare[];
}

/** Why a service keeps the operation from being traced end to end. @public */
export type BlockingReason =
  | 'uninstrumented-callee'
  | 'calls-unidentified-callee'
  | 'starts-new-trace'
  | 'flow-id-instead-of-trace-context';

/** @public */
export interface BlockingService {
  service: string;
  reasons: BlockingReason[];
}

/** @public */
export interface OperationEndToEnd {
  /** At least one matching trace is rooted in the entry service's server/consumer span. */
  reachesFromEdge: boolean;
  tracesReachingFromEdge: number;
  /**
   * Services to fix, sorted by name: named uninstrumented service callees
   * (datastores are not expected to emit spans), callers of callees no
   * attribute names, and services with broken propagation.
   */
  blockingServices: BlockingService[];
}

/** Everything the sampled traces tell about one critical user operation. @public */
export interface OperationAnalysis {
  operation: OperationMatcher;
  sample: OperationSample;
  /** Sorted by name. */
  participants: OperationParticipant[];
  /** Sorted by caller then callee. */
  edges: OperationEdge[];
  /** Sorted by caller then callee name. */
  uninstrumentedHops: OperationUninstrumentedHop[];
  brokenPropagation: OperationBrokenPropagation;
  errors: OperationErrors;
  latency: OperationLatency;
  endToEnd: OperationEndToEnd;
}
