import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ServiceNameResolver,
  Team,
  TrackedService,
  TrackedSystem,
  systemFromEntity,
  teamFromEntity,
  trackedServiceFromEntity,
} from '@internal/plugin-tracing-adoption-common';
import { TracingAdoptionStore } from '../database/TracingAdoptionStore';

export const CATALOG_SYNC_JOB = 'catalog-sync';

/** Only the fields the mapping reads, so large catalogs stream fast. */
const ENTITY_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.description',
  'metadata.annotations',
  'spec.type',
  'spec.lifecycle',
  'spec.owner',
  'spec.system',
  'spec.domain',
  'spec.parent',
  'spec.profile',
  'relations',
];

/** How many unmappable entities are named in the log of one run. */
const LOGGED_PROBLEMS_LIMIT = 20;

export interface CatalogSyncSummary {
  services: number;
  teams: number;
  systems: number;
  skippedEntities: number;
  removed: number;
}

/**
 * Mirrors the catalog's Components, Groups and Systems into the plugin's
 * database, so that analysis and views join traces and scans to owners without
 * a catalog round trip per row.
 */
export class CatalogSync {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      store: TracingAdoptionStore;
      logger: LoggerService;
      serviceNameResolvers: ServiceNameResolver[];
    },
  ) {}

  async run(): Promise<CatalogSyncSummary> {
    const { catalog, auth, store, logger, serviceNameResolvers } = this.options;
    const runId = await store.startJobRun(CATALOG_SYNC_JOB, new Date());
    try {
      const credentials = await auth.getOwnServiceCredentials();
      const services: TrackedService[] = [];
      const teams: Team[] = [];
      const systems: TrackedSystem[] = [];
      const problems: Array<{ entityRef: string; problem: string }> = [];

      for await (const page of catalog.streamEntities(
        {
          filter: { kind: ['Component', 'Group', 'System'] },
          fields: ENTITY_FIELDS,
        },
        { credentials },
      )) {
        for (const entity of page) {
          switch (entity.kind.toLocaleLowerCase('en-US')) {
            case 'component': {
              const mapped = trackedServiceFromEntity(
                entity,
                serviceNameResolvers,
              );
              if (mapped.ok) {
                services.push(mapped.value);
              } else {
                problems.push(mapped);
              }
              break;
            }
            case 'group':
              teams.push(teamFromEntity(entity));
              break;
            case 'system':
              systems.push(systemFromEntity(entity));
              break;
            default:
              break;
          }
        }
      }

      for (const { entityRef, problem } of problems.slice(
        0,
        LOGGED_PROBLEMS_LIMIT,
      )) {
        logger.warn(`Catalog sync skipped ${entityRef}: ${problem}`);
      }

      const counts = await store.replaceCatalog({ services, teams, systems });
      const summary: CatalogSyncSummary = {
        services: services.length,
        teams: teams.length,
        systems: systems.length,
        skippedEntities: problems.length,
        removed:
          counts.services.removed +
          counts.teams.removed +
          counts.systems.removed,
      };
      logger.info(
        `Catalog sync stored ${summary.services} services, ${summary.teams} teams, ` +
          `${summary.systems} systems; skipped ${summary.skippedEntities} entities, ` +
          `removed ${summary.removed} rows no longer in the catalog`,
      );
      await store.finishJobRun(runId, {
        status: 'succeeded',
        finishedAt: new Date(),
        summary: { ...summary },
      });
      return summary;
    } catch (error) {
      await store.finishJobRun(runId, {
        status: 'failed',
        finishedAt: new Date(),
        error: error instanceof Error ? error.message : String(error),
      });
      throw error;
    }
  }
}
