import { Knex } from 'knex';
import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { DatabaseAlertStore } from '../rollout/DatabaseAlertStore';
import { DatabaseRolloutStore } from '../rollout/DatabaseRolloutStore';
import { DatabaseStoryStore } from '../stories/DatabaseStoryStore';
import { DatabaseScanStore } from './DatabaseScanStore';
import { DatabaseTraceStore } from './DatabaseTraceStore';
import { DatabaseTracingAdoptionStore } from './DatabaseTracingAdoptionStore';

const migrationsDir = resolvePackagePath(
  '@internal/plugin-tracing-adoption-backend',
  'migrations',
);

const MIGRATION_ATTEMPTS = 3;

/**
 * knex creates its bookkeeping tables before it takes its migration lock, so
 * replicas starting together on a fresh database can collide creating them;
 * the one that loses tries again and then waits on the lock like the rest.
 */
async function migrateLatest(client: Knex): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.migrate.latest({ directory: migrationsDir });
      return;
    } catch (error) {
      if (attempt >= MIGRATION_ATTEMPTS) {
        throw error;
      }
      await new Promise(resolve => setTimeout(resolve, 500 * attempt));
    }
  }
}

/**
 * Applies the plugin's migrations (unless the backend skips them) and opens
 * the stores on the plugin's database.
 */
export async function createDatabaseStores(database: DatabaseService) {
  const client = await database.getClient();
  if (!database.migrations?.skip) {
    await migrateLatest(client);
  }
  return {
    store: new DatabaseTracingAdoptionStore(client),
    traceStore: new DatabaseTraceStore(client),
    scanStore: new DatabaseScanStore(client),
    storyStore: new DatabaseStoryStore(client),
    rolloutStore: new DatabaseRolloutStore(client),
    alertStore: new DatabaseAlertStore(client),
  };
}
