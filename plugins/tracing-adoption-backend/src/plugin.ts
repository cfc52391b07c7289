import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { ServiceNameResolver } from '@internal/plugin-tracing-adoption-common';
import {
  RepositoryScanner,
  TraceSource,
  TracingAdoptionCatalogExtensionPoint,
  TracingAdoptionRepositoryScannersExtensionPoint,
  TracingAdoptionTraceSourcesExtensionPoint,
  tracingAdoptionCatalogExtensionPoint,
  tracingAdoptionRepositoryScannersExtensionPoint,
  tracingAdoptionTraceSourcesExtensionPoint,
} from '@internal/plugin-tracing-adoption-node';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import {
  compileRulePacks,
  mergeDetectionSettings,
  rolloutPermissions,
  storyPermissions,
} from '@internal/plugin-tracing-adoption-common';
import {
  DEFAULT_RULE_PACK_SOURCES,
  loadConfiguredRulePacks,
} from './compliance/loadConfiguredRulePacks';
import path from 'node:path';
import { loadDemoStories } from './stories/loadDemoStories';
import { createStoryPublishNotifier } from './stories/storyNotifications';
import { notificationService } from '@backstage/plugin-notifications-node';
import { GitHubRepositoryScanner } from './scanning/GitHubRepositoryScanner';
import { LocalRepositoryScanner } from './scanning/LocalRepositoryScanner';
import { RepositoryScanJob, uniqueTargets } from './scanning/RepositoryScanJob';
import { CatalogSync } from './catalog/CatalogSync';
import { readSettings } from './config/readSettings';
import { createDatabaseStores } from './database/createDatabaseStores';
import {
  OTLP_RECEIVER_SOURCE_ID,
  createOtlpReceiverRouter,
} from './receiver/createOtlpReceiverRouter';
import { createRouter } from './service/router';
import { RolloutDeclarationSync } from './rollout/RolloutDeclarations';
import { RolloutEvaluator } from './rollout/RolloutEvaluator';
import { RegressionAlerter } from './rollout/RegressionAlerter';
import { RolloutSnapshotJob } from './rollout/RolloutSnapshotJob';
import { SourceHealthReader } from './service/traceViews';
import { createConfiguredTraceSource } from './sources/createConfiguredTraceSources';
import { OperationAnalysisJob } from './traces/OperationAnalysisJob';
import { TraceSampler } from './traces/TraceSampler';
import { TraceSourcePoller } from './traces/TraceSourcePoller';

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

class TraceSourcesExtensionPointImpl
  implements TracingAdoptionTraceSourcesExtensionPoint
{
  readonly #sources = new Map<string, TraceSource>();

  addTraceSource(...sources: Array<TraceSource | TraceSource[]>): void {
    for (const source of sources.flat()) {
      if (
        this.#sources.has(source.id) ||
        source.id === OTLP_RECEIVER_SOURCE_ID
      ) {
        throw new Error(
          `Trace source id '${source.id}' is already taken; every trace source needs its own id`,
        );
      }
      this.#sources.set(source.id, source);
    }
  }

  get sources(): Map<string, TraceSource> {
    return new Map(this.#sources);
  }
}

class RepositoryScannersExtensionPointImpl
  implements TracingAdoptionRepositoryScannersExtensionPoint
{
  readonly #scanners: RepositoryScanner[] = [];

  addRepositoryScanner(
    ...scanners: Array<RepositoryScanner | RepositoryScanner[]>
  ): void {
    for (const scanner of scanners.flat()) {
      if (this.#scanners.some(s => s.id === scanner.id)) {
        throw new Error(
          `Repository scanner id '${scanner.id}' is already taken; every scanner needs its own id`,
        );
      }
      this.#scanners.push(scanner);
    }
  }

  get scanners(): RepositoryScanner[] {
    return [...this.#scanners];
  }
}

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
    const traceSourceExtensions = new TraceSourcesExtensionPointImpl();
    env.registerExtensionPoint(
      tracingAdoptionTraceSourcesExtensionPoint,
      traceSourceExtensions,
    );

    const scannerExtensions = new RepositoryScannersExtensionPointImpl();
    env.registerExtensionPoint(
      tracingAdoptionRepositoryScannersExtensionPoint,
      scannerExtensions,
    );

    env.registerInit({
      deps: {
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        notifications: notificationService,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
        userInfo: coreServices.userInfo,
      },
      async init({
        auth,
        catalog,
        config,
        database,
        httpAuth,
        httpRouter,
        logger,
        notifications,
        permissions,
        permissionsRegistry,
        scheduler,
        urlReader,
        userInfo,
      }) {
        const settings = readSettings(config);
        const {
          store,
          traceStore,
          scanStore,
          storyStore,
          rolloutStore,
          alertStore,
        } = await createDatabaseStores(database);
        permissionsRegistry.addPermissions([
          ...storyPermissions,
          ...rolloutPermissions,
        ]);
        const demoStories = config.getOptionalString(
          'tracingAdoption.stories.demoDirectory',
        );
        if (demoStories) {
          await loadDemoStories({
            store: storyStore,
            directory: path.resolve(demoStories),
            logger,
          });
        }

        const catalogSync = new CatalogSync({
          catalog,
          auth,
          store,
          logger,
          serviceNameResolvers: catalogExtensions.serviceNameResolvers,
        });
        await scheduler.scheduleTask({
          id: 'tracing-adoption-catalog-sync',
          ...settings.catalogSyncSchedule,
          fn: async () => {
            await catalogSync.run();
          },
        });

        const sampler = new TraceSampler({
          store: traceStore,
          logger,
          settings: settings.sampling,
        });
        await scheduler.scheduleTask({
          id: 'tracing-adoption-trace-sampling',
          ...settings.sampling.schedule,
          fn: async () => {
            await sampler.run();
          },
        });

        traceSourceExtensions.addTraceSource(
          settings.traceSources.map(createConfiguredTraceSource),
        );
        const traceSources = traceSourceExtensions.sources;
        for (const source of traceSources.values()) {
          const sourceSettings = settings.traceSources.find(
            s => s.id === source.id,
          );
          const poller = new TraceSourcePoller({
            source,
            settings: sourceSettings ?? {
              lookbackMs: 15 * 60_000,
              limitPerService: 20,
            },
            sampler,
            traceStore,
            catalogStore: store,
            logger,
          });
          await scheduler.scheduleTask({
            id: `tracing-adoption-trace-source-${source.id}`,
            ...(sourceSettings?.schedule ?? {
              frequency: { minutes: 5 },
              timeout: { minutes: 4 },
              initialDelay: { seconds: 15 },
            }),
            fn: async signal => {
              await poller.run(signal as AbortSignal);
            },
          });
        }

        const sourceHealth = new SourceHealthReader({
          traceStore,
          knownSources: [
            ...(settings.receiver.enabled
              ? [{ id: OTLP_RECEIVER_SOURCE_ID, kind: 'otlp' }]
              : []),
            ...[...traceSources.values()].map(s => ({
              id: s.id,
              kind: s.kind,
            })),
          ],
          staleAfterMs: settings.analysis.staleAfterMs,
        });
        const rolloutEvaluator = new RolloutEvaluator({
          store,
          traceStore,
          scanStore,
          rolloutStore,
          sourceHealth,
          logger,
          alerts: settings.alerts.enabled
            ? new RegressionAlerter({
                store: alertStore,
                notifications,
                logger,
                complianceThreshold: settings.alerts.complianceThreshold,
              })
            : undefined,
        });
        const analysisJob = new OperationAnalysisJob({
          rollout: { store: rolloutStore, evaluator: rolloutEvaluator },
          store: traceStore,
          logger,
          lookbackMs: settings.analysis.lookbackMs,
          flowIdAttributes: settings.analysis.flowIdAttributes,
          rulePacks: compileRulePacks(
            await loadConfiguredRulePacks({
              sources:
                config.getOptionalStringArray(
                  'tracingAdoption.compliance.packs',
                ) ?? DEFAULT_RULE_PACK_SOURCES,
              urlReader,
            }),
          ),
        });
        await scheduler.scheduleTask({
          id: 'tracing-adoption-operation-analysis',
          ...settings.analysis.schedule,
          fn: async () => {
            await analysisJob.run();
          },
        });

        const { rollout } = settings;
        if (rollout.definitions) {
          const declarationSync = new RolloutDeclarationSync({
            source: rollout.definitions,
            urlReader,
            store: rolloutStore,
            logger,
          });
          await scheduler.scheduleTask({
            id: 'tracing-adoption-rollout-definitions',
            ...rollout.definitionsSchedule,
            fn: async () => {
              if (await declarationSync.run()) {
                await rolloutEvaluator.evaluate();
              }
            },
          });
        }
        const snapshotJob = new RolloutSnapshotJob({
          store: rolloutStore,
          logger,
        });
        await scheduler.scheduleTask({
          id: 'tracing-adoption-rollout-snapshot',
          ...rollout.snapshotSchedule,
          fn: async () => {
            await snapshotJob.run();
          },
        });

        const { scanning } = settings;
        if (scanning.localDirectory) {
          scannerExtensions.addRepositoryScanner(
            new LocalRepositoryScanner(scanning.localDirectory),
          );
        }
        const integrations = ScmIntegrations.fromConfig(config);
        const githubScanner = new GitHubRepositoryScanner({
          integrations,
          credentialsProvider:
            DefaultGithubCredentialsProvider.fromIntegrations(integrations),
          logger,
          maxRateLimitWaitSeconds: scanning.maxRateLimitWaitSeconds,
        });
        scannerExtensions.addRepositoryScanner(githubScanner);
        const scanJob = new RepositoryScanJob({
          scanners: scannerExtensions.scanners,
          store: scanStore,
          listTargets: async () =>
            uniqueTargets([
              ...(await store.listRepositories()),
              ...(
                await Promise.all(
                  scanning.organizations.map(org =>
                    githubScanner.listOrganizationRepositories(
                      org.host,
                      org.name,
                    ),
                  ),
                )
              ).flat(),
            ]),
          detectionSettings: mergeDetectionSettings(scanning.detection),
          settings: {
            concurrency: scanning.concurrency,
            rescanIntervalMs: scanning.rescanIntervalMs,
            progressEvery: 50,
          },
          logger,
        });
        await scheduler.scheduleTask({
          id: 'tracing-adoption-repository-scan',
          ...scanning.schedule,
          fn: async signal => {
            await scanJob.run(signal as AbortSignal);
          },
        });

        if (settings.receiver.enabled) {
          httpRouter.use(
            createOtlpReceiverRouter({
              httpAuth,
              store: traceStore,
              logger,
              ...settings.receiver,
            }),
          );
        }
        httpRouter.use(
          await createRouter({
            store,
            traceStore,
            scanStore,
            stories: {
              store: storyStore,
              httpAuth,
              userInfo,
              permissions,
              logger,
              appBaseUrl: config.getString('app.baseUrl'),
              notifier:
                config.getOptionalBoolean(
                  'tracingAdoption.stories.notifyOnPublish',
                ) ?? true
                  ? createStoryPublishNotifier(notifications)
                  : undefined,
            },
            rollout: {
              store: rolloutStore,
              evaluator: rolloutEvaluator,
              httpAuth,
              permissions,
              logger,
              sourceHealth,
              traceSources,
              declarationsSource: rollout.definitions,
            },
            capacitySafetyFactor: settings.capacity.safetyFactor,
            traceSources,
            sourceHealth,
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
