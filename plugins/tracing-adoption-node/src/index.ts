/**
 * Extension points of the Tracing Adoption backend plugin.
 *
 * @packageDocumentation
 */
export * from './extensions';
export * from './traceSources';
export * from './repositoryScanners';
export * from './scan';
export type { ServiceNameResolver } from '@internal/plugin-tracing-adoption-common';
