/**
 * Tracing Adoption: the portal pages of a company-wide distributed tracing rollout.
 *
 * @packageDocumentation
 */
export { tracingAdoptionPlugin, TracingAdoptionPage } from './plugin';
export * from './api/TracingAdoptionApi';
export { TracingAdoptionClient } from './api/TracingAdoptionClient';
