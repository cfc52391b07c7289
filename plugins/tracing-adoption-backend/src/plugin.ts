import {
  coreServices,
  createBackendPlugin,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { ServiceNameResolver } from '@internal/plugin-tracing-adoption-common';
import {
  TracingAdoptionCatalogExtensionPoint,
  tracingAdoptionCatalogExtensionPoint,
} from '@internal/plugin-tracing-adoption-node';
import { CatalogSync } from './catalog/CatalogSync';
import { DatabaseTracingAdoptionStore } from './database/DatabaseTracingAdoptionStore';
import { createRouter } from './service/router';

class CatalogExtensionPointImpl
  implements TracingAdoptionCatalogExtensionPoint
{
  readonly #serviceNameResolvers: ServiceNameResolver[] = [];

  addServiceNameResolver(
    ...resolvers: Array<ServiceNameResolver | ServiceNameResolver[]>
  ): void {
    this.#serviceNameResolvers.push(...resolvers.flat());
  }

  get serviceNameResolvers(): ServiceNameResolver[] {
    return [...this.#serviceNameResolvers];
  }
}

const DEFAULT_CATALOG_SYNC_SCHEDULE = {
  frequency: { minutes: 10 },
  timeout: { minutes: 5 },
  initialDelay: { seconds: 10 },
};

/**
 * The Tracing Adoption backend plugin.
 *
 * @public
 */
export const tracingAdoptionPlugin = createBackendPlugin({
  pluginId: 'tracing-adoption',
  register(env) {
    const catalogExtensions = new CatalogExtensionPointImpl();
    env.registerExtensionPoint(
      tracingAdoptionCatalogExtensionPoint,
      catalogExtensions,
    );

    env.registerInit({
      deps: {
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
      },
      async init({
        auth,
        catalog,
        config,
        database,
        httpRouter,
        logger,
        scheduler,
      }) {
        const store = await DatabaseTracingAdoptionStore.create({ database });

        const catalogSync = new CatalogSync({
          catalog,
          auth,
          store,
          logger,
          serviceNameResolvers: catalogExtensions.serviceNameResolvers,
        });
        const scheduleConfig = config.getOptionalConfig(
          'tracingAdoption.catalogSync.schedule',
        );
        await scheduler.scheduleTask({
          id: 'tracing-adoption-catalog-sync',
          ...(scheduleConfig
            ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
                scheduleConfig,
              )
            : DEFAULT_CATALOG_SYNC_SCHEDULE),
          fn: async () => {
            await catalogSync.run();
          },
        });

        httpRouter.use(await createRouter({ store }));
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
