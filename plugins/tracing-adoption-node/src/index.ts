/**
 * Extension points of the Tracing Adoption backend plugin.
 *
 * @packageDocumentation
 */
export * from './extensions';
export * from './traceSources';
export type { ServiceNameResolver } from '@internal/plugin-tracing-adoption-common';
