/**
 * Tech Insights backend module for Tracing Adoption: per-entity facts about
 * the tracing rollout for checks and scorecards.
 *
 * @packageDocumentation
 */
export { techInsightsModuleTracingAdoptionFacts as default } from './module';
export {
  TRACING_ADOPTION_FACT_RETRIEVER_ID,
  tracingAdoptionFactRetriever,
} from './tracingAdoptionFactRetriever';
