/**
 * Tracing Adoption: the portal pages of a company-wide distributed tracing rollout.
 *
 * @packageDocumentation
 */
export {
  tracingAdoptionPlugin,
  TracingAdoptionPage,
  EntityStoriesCard,
  EntityTracingAdoptionContent,
  EntityTracingAdoptionCard,
} from './plugin';
export * from './api/TracingAdoptionApi';
export { TracingAdoptionClient } from './api/TracingAdoptionClient';
export * from './api/StoriesApi';
export { StoriesClient } from './api/StoriesClient';
