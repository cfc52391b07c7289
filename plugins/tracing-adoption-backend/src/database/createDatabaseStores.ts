import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { DatabaseRolloutStore } from '../rollout/DatabaseRolloutStore';
import { DatabaseStoryStore } from '../stories/DatabaseStoryStore';
import { DatabaseScanStore } from './DatabaseScanStore';
import { DatabaseTraceStore } from './DatabaseTraceStore';
import { DatabaseTracingAdoptionStore } from './DatabaseTracingAdoptionStore';

const migrationsDir = resolvePackagePath(
  '@internal/plugin-tracing-adoption-backend',
  'migrations',
);

/**
 * Applies the plugin's migrations (unless the backend skips them) and opens
 * the stores on the plugin's database.
 */
export async function createDatabaseStores(database: DatabaseService) {
  const client = await database.getClient();
  if (!database.migrations?.skip) {
    await client.migrate.latest({ directory: migrationsDir });
  }
  return {
    store: new DatabaseTracingAdoptionStore(client),
    traceStore: new DatabaseTraceStore(client),
    scanStore: new DatabaseScanStore(client),
    storyStore: new DatabaseStoryStore(client),
    rolloutStore: new DatabaseRolloutStore(client),
  };
}
