/**
 * Search backend module for Tracing Adoption: indexes published success
 * stories for Backstage search.
 *
 * @packageDocumentation
 */
export { searchModuleTracingAdoptionStories as default } from './module';
export {
  TRACING_ADOPTION_STORY_DOCUMENT_TYPE,
  TracingAdoptionStoriesCollatorFactory,
} from './collators/TracingAdoptionStoriesCollatorFactory';
export type {
  TracingAdoptionStoriesCollatorFactoryOptions,
  TracingAdoptionStoryDocument,
} from './collators/TracingAdoptionStoriesCollatorFactory';
