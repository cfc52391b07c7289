import { TestDatabases } from '@backstage/backend-test-utils';

const POSTGRES_ENV = 'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';

/**
 * Every database test runs on PostgreSQL 15 and SQLite. TestDatabases silently
 * drops PostgreSQL when its connection string is missing; a missing database
 * must fail the run instead, so that green always means "tested on both".
 */
export function createTestDatabases(): TestDatabases {
  if (!process.env[POSTGRES_ENV]) {
    throw new Error(
      `${POSTGRES_ENV} is not set, so PostgreSQL tests cannot run. ` +
        `Run the tests with "npm test" (which sets it to postgresql://postgres@127.0.0.1:5432), ` +
        `or export it pointing at a PostgreSQL 15 server.`,
    );
  }
  return TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
}
