import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { ServiceNameResolver } from '@internal/plugin-tracing-adoption-common';

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
