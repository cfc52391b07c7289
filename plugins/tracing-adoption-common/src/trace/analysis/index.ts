/**
 * Pure analysis of traces in the trace model: per trace, and per critical
 * user operation over a window of traces.
 */
export { analyzeTrace } from './analyzeTrace';
export { analyzeOperation } from './analyzeOperation';
export { findEntrySpan, traceMatchesOperation } from './operationMatcher';
export { DEFAULT_FLOW_ID_ATTRIBUTES } from './flowIds';
export { UNKNOWN_CALLEE } from './calleeNames';
export type {
  AnalyzeOperationOptions,
  AnalyzeTraceOptions,
  BlockingReason,
  BlockingService,
  CalleeKind,
  CriticalPathStep,
  CrossTraceReference,
  CrossTraceReferenceFinding,
  EntrySpanSummary,
  ErrorSignal,
  ErrorSource,
  FlowIdUse,
  InstrumentationFacts,
  InstrumentationSource,
  LatencyPercentiles,
  LegacyConvention,
  NewTraceExample,
  NewTraceFinding,
  OperationAnalysis,
  OperationBrokenPropagation,
  OperationEdge,
  OperationEndToEnd,
  OperationErrors,
  OperationLatency,
  OperationMatcher,
  OperationParticipant,
  OperationSample,
  OperationUninstrumentedHop,
  OrphanRoot,
  OrphanRootFinding,
  RootSpanSummary,
  SdkFact,
  ServiceCall,
  ServiceErrorSources,
  ServiceTimeShare,
  SharedFlowIdFinding,
  TraceAnalysis,
  TraceServiceSummary,
  TraceStructureProblems,
  UninstrumentedHop,
} from './types';
