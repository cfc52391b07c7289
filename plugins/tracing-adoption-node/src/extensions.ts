import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { ServiceNameResolver } from '@internal/plugin-tracing-adoption-common';
import { RepositoryScanner } from './repositoryScanners';
import { TraceSource } from './traceSources';

/**
 * Lets backend modules adapt how the catalog sync reads Components.
 *
 * @public
 */
export interface TracingAdoptionCatalogExtensionPoint {
  /**
   * Adds resolvers of the `service.name` a Component emits, asked in the order
   * they were added, before the tracing-adoption/service-name annotation.
   */
  addServiceNameResolver(
    ...resolvers: Array<ServiceNameResolver | ServiceNameResolver[]>
  ): void;
}

/** @public */
export const tracingAdoptionCatalogExtensionPoint =
  createExtensionPoint<TracingAdoptionCatalogExtensionPoint>({
    id: 'tracing-adoption.catalog',
  });

/**
 * Lets backend modules add trace backends beside the configured ones.
 *
 * @public
 */
export interface TracingAdoptionTraceSourcesExtensionPoint {
  /** Adds trace sources; a source id that is already taken is an error. */
  addTraceSource(...sources: Array<TraceSource | TraceSource[]>): void;
}

/** @public */
export const tracingAdoptionTraceSourcesExtensionPoint =
  createExtensionPoint<TracingAdoptionTraceSourcesExtensionPoint>({
    id: 'tracing-adoption.trace-sources',
  });

/**
 * Lets backend modules add repository scanners beside the built-in GitHub
 * and local-directory ones.
 *
 * @public
 */
export interface TracingAdoptionRepositoryScannersExtensionPoint {
  /** Adds scanners, asked in order; a scanner id that is already taken is an error. */
  addRepositoryScanner(
    ...scanners: Array<RepositoryScanner | RepositoryScanner[]>
  ): void;
}

/** @public */
export const tracingAdoptionRepositoryScannersExtensionPoint =
  createExtensionPoint<TracingAdoptionRepositoryScannersExtensionPoint>({
    id: 'tracing-adoption.repository-scanners',
  });
