/**
 * Backend of the Tracing Adoption plugin.
 *
 * @packageDocumentation
 */
export { tracingAdoptionPlugin as default } from './plugin';
