import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/testDatabases';

const databases = createTestDatabases();

const migrations = {
  directory: resolvePackagePath(
    '@internal/plugin-tracing-adoption-backend',
    'migrations',
  ),
};

const at = new Date('2026-11-20T09:30:00.000Z');
const STORY_ID = '0b3e5f4a-6c1d-4e8f-9a2b-3c4d5e6f7a8b';
const WORKSHOP_ID = '7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

/**
 * One row for every table the migrations create, as the stores write them,
 * in an order that satisfies the foreign keys.
 */
const FIXTURES: Record<string, Record<string, unknown>> = {
  tracked_services: {
    entity_ref: 'component:default/checkout',
    service_name: 'checkout',
    title: 'Checkout',
    description: 'Places orders',
    type: 'service',
    lifecycle: 'production',
    owner_ref: 'group:default/team-checkout',
    system_ref: 'system:default/shop',
    repo_host: 'github.com',
    repo_slug: 'shopfront/checkout',
    repo_path: '',
  },
  teams: {
    entity_ref: 'group:default/team-checkout',
    name: 'team-checkout',
    title: 'Checkout',
    type: 'team',
    parent_ref: 'group:default/commerce',
  },
  systems: {
    entity_ref: 'system:default/shop',
    name: 'shop',
    title: 'Shop',
    owner_ref: 'group:default/commerce',
    domain_ref: 'domain:default/retail',
  },
  job_runs: {
    job: 'catalog-sync',
    status: 'succeeded',
    started_at: at,
    finished_at: at,
    summary: JSON.stringify({ services: 1, teams: 1, systems: 1 }),
    error: null,
  },
  received_spans: {
    source_id: 'otlp-receiver',
    trace_id: '5b8efff798038103d269b633813fc60c',
    received_at: at,
    span_count: 1,
    spans: JSON.stringify([
      { spanId: 'eee19b7ec3c1b174', name: 'GET /api/cart', service: 'cart' },
    ]),
  },
  trace_samples: {
    source_id: 'jaeger',
    trace_id: '5b8efff798038103d269b633813fc60c',
    root_service: 'edge-gateway',
    root_name: 'POST /api/checkout',
    window_start: at,
    trace_start: at,
    span_count: 12,
    trace: JSON.stringify({ traceId: '5b8efff798038103d269b633813fc60c' }),
  },
  trace_source_status: {
    source_id: 'jaeger',
    kind: 'jaeger',
    last_attempt_at: at,
    last_success_at: at,
    last_error: null,
    last_error_at: null,
    consecutive_failures: 0,
    last_summary: JSON.stringify({ traces: 40 }),
  },
  operation_analyses: {
    operation_key: 'edge-gateway|POST /api/checkout',
    entry_service: 'edge-gateway',
    span_name: 'POST /api/checkout',
    analyzed_at: at,
    window_start: at,
    window_end: at,
    sample_size: 40,
    analysis: JSON.stringify({ result: { edges: [] } }),
  },
  scan_cycles: { started_at: at, finished_at: null, targets: 120 },
  repository_scans: {
    host: 'github.com',
    slug: 'shopfront/checkout',
    scanner_id: 'github',
    status: 'scanned',
    cycle_id: 1,
    checked_at: at,
    scanned_at: at,
    result: JSON.stringify({ serviceDirectories: [] }),
    state: JSON.stringify({ etag: 'W/"abc"' }),
    error: null,
    requests: 3,
  },
  blob_contents: {
    sha: '3b18e512dba79e4c8300dd08aeb37f8e728b8dad',
    content: '{"dependencies":{"@opentelemetry/api":"1.9.0"}}',
    used_at: at,
  },
  stories: {
    id: STORY_ID,
    slug: 'pricing-fan-out',
    title: 'Pricing fan-out was most of checkout p99',
    body: 'The trace showed 40 sequential calls to `pricing`.',
    search_text: 'pricing fan-out was most of checkout p99',
    author_ref: 'user:default/hannah-okafor',
    team_ref: 'group:default/team-checkout',
    category: 'latency',
    impact: JSON.stringify([{ label: 'p99', before: 1800, after: 420 }]),
    trace_links: JSON.stringify(['https://jaeger.example.com/trace/4bf92f']),
    status: 'published',
    featured: false,
    likes: 1,
    version: 1,
    created_at: at,
    updated_at: at,
    published_at: at,
    deleted_at: null,
  },
  story_entities: {
    story_id: STORY_ID,
    position: 0,
    entity_ref: 'component:default/pricing',
  },
  story_operations: {
    story_id: STORY_ID,
    position: 0,
    operation_key: 'place-order',
  },
  story_likes: {
    story_id: STORY_ID,
    user_ref: 'user:default/lukas-berger',
    created_at: at,
  },
  compliance_reports: {
    evaluated_at: at,
    report: JSON.stringify({ score: 0.82, packs: [] }),
  },
  campaigns: {
    id: 'cyber-week',
    name: 'Cyber Week 2026',
    description: null,
    start_date: '2026-09-01',
    deadline: '2026-11-27',
    target_maturity: 'walk',
    origin: 'api',
    version: 1,
    created_at: at,
    updated_at: at,
  },
  critical_operations: {
    id: 'checkout',
    name: 'Checkout',
    description: 'Places an order',
    entry: JSON.stringify({ entryService: 'edge-gateway' }),
    peak_rps: 420.5,
    tier: 1,
    owner_ref: 'group:default/team-checkout',
    campaign_id: 'cyber-week',
    declared_participants: JSON.stringify(['tax']),
    objectives: JSON.stringify({ latencyP99Ms: 900 }),
    origin: 'api',
    version: 3,
    created_at: at,
    updated_at: at,
  },
  critical_operation_analyses: {
    operation_id: 'checkout',
    entry: JSON.stringify({ entryService: 'edge-gateway' }),
    analyzed_at: at,
    analysis: JSON.stringify({ sourceIds: ['jaeger'] }),
  },
  workshops: {
    id: WORKSHOP_ID,
    date: '2026-10-01',
    topic: 'Tracing 101',
    notes: null,
    version: 1,
    created_by: 'user:default/rollout-pm',
    created_at: at,
  },
  workshop_teams: {
    workshop_id: WORKSHOP_ID,
    position: 0,
    team_ref: 'group:default/team-checkout',
  },
  waivers: {
    id: '9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d',
    scope_kind: 'service',
    service: 'currency',
    operation_id: 'checkout',
    rule_id: null,
    reason: 'Replaced before Cyber Week',
    approved_by: 'user:default/sre-lead',
    expires_at: new Date('2099-01-01T00:00:00.000Z'),
    created_by: 'user:default/rollout-pm',
    created_at: at,
    revoked_at: null,
    revoked_by: null,
  },
  rollout_status: {
    subject_kind: 'operation',
    subject_key: 'checkout',
    evaluated_at: at,
    document: JSON.stringify({ maturity: 'crawl' }),
  },
  rollout_snapshots: {
    day: '2026-11-20',
    subject_kind: 'campaign',
    subject_key: 'cyber-week',
    figures: JSON.stringify({ atTarget: 0, total: 1 }),
  },
  rollout_alerts: {
    alert_key: 'operation-maturity:checkout',
    subject: JSON.stringify({ kind: 'operation', operationId: 'checkout' }),
    opened_at: at,
    resolved_at: null,
  },
};

const BOOKKEEPING = ['knex_migrations', 'knex_migrations_lock'];

async function tableNames(knex: Knex): Promise<string[]> {
  const names: string[] =
    knex.client.config.client === 'pg'
      ? (
          await knex('information_schema.tables')
            .select('table_name as name')
            .whereRaw('table_schema = current_schema()')
            .where('table_type', 'BASE TABLE')
        ).map((r: { name: string }) => r.name)
      : (
          await knex('sqlite_master')
            .select('name')
            .where('type', 'table')
            .whereNot('name', 'like', 'sqlite_%')
        ).map((r: { name: string }) => r.name);
  return names.filter(name => !BOOKKEEPING.includes(name)).sort();
}

type Schema = Record<
  string,
  { columns: Record<string, unknown>; indexes: string[] }
>;

/**
 * Columns (type, length, nullability, default) and indexes of every table,
 * each in one query: information_schema is slow to ask table by table.
 */
async function schemaOf(knex: Knex): Promise<Schema> {
  const pg = knex.client.config.client === 'pg';
  const columns: Array<{ table: string; column: string }> = pg
    ? await knex('information_schema.columns')
        .select(
          'table_name as table',
          'column_name as column',
          'data_type',
          'character_maximum_length',
          'is_nullable',
          'column_default',
        )
        .whereRaw('table_schema = current_schema()')
        .orderBy(['table_name', 'column_name'])
    : await knex
        .select(
          'm.name as table',
          'p.name as column',
          'p.type',
          'p.notnull',
          'p.dflt_value',
          'p.pk',
        )
        .from(knex.raw('sqlite_master m, pragma_table_info(m.name) p'))
        .where('m.type', 'table')
        .orderBy(['m.name', 'p.name']);
  const indexes: Array<{ table: string; index: string }> = pg
    ? await knex('pg_indexes')
        .select('tablename as table', 'indexname as index')
        .whereRaw('schemaname = current_schema()')
        .orderBy('indexname')
    : await knex('sqlite_master')
        .select('tbl_name as table', 'name as index')
        .where('type', 'index')
        .orderBy('name');
  const schema: Schema = {};
  for (const table of await tableNames(knex)) {
    schema[table] = {
      columns: Object.fromEntries(
        columns
          .filter(c => c.table === table)
          .map(({ table: _, column, ...info }) => [column, info]),
      ),
      indexes: indexes.filter(i => i.table === table).map(i => i.index),
    };
  }
  return schema;
}

/** Every row of every table, in a stable order. */
async function contentsOf(knex: Knex) {
  const contents: Record<string, Array<Record<string, unknown>>> = {};
  for (const table of await tableNames(knex)) {
    const rows: Array<Record<string, unknown>> = await knex(table).select();
    contents[table] = rows
      .map(row => JSON.stringify(Object.entries(row).sort()))
      .sort()
      .map(row => Object.fromEntries(JSON.parse(row)));
  }
  return contents;
}

/** `rows` reduced to `columns`, the ones their table still has. */
function keepColumns(
  rows: Array<Record<string, unknown>>,
  columns: string[],
): Array<Record<string, unknown>> {
  return rows.map(row =>
    Object.fromEntries(
      Object.entries(row).filter(([column]) => columns.includes(column)),
    ),
  );
}

async function insertFixtures(knex: Knex, tables: string[]) {
  for (const [table, row] of Object.entries(FIXTURES)) {
    if (tables.includes(table)) {
      await knex(table).insert(row);
    }
  }
}

async function completedMigrations(knex: Knex): Promise<string[]> {
  const [completed] = await knex.migrate.list(migrations);
  return completed.map((migration: { name: string }) => migration.name);
}

describe.each(databases.eachSupportedId())('migrations on %p', databaseId => {
  it('takes each migration down and up again with data in every table, keeping the rows of the tables it does not own and restoring the schema', async () => {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest(migrations);
    const names = await completedMigrations(knex);
    const latestSchema = await schemaOf(knex);
    const tables = Object.keys(latestSchema);
    expect({
      withoutFixture: tables.filter(t => !FIXTURES[t]),
      fixtureWithoutTable: Object.keys(FIXTURES).filter(
        t => !tables.includes(t),
      ),
    }).toEqual({ withoutFixture: [], fixtureWithoutTable: [] });
    await insertFixtures(knex, tables);

    for (let index = names.length - 1; index >= 0; index -= 1) {
      const name = names[index];
      const schemaBefore = await schemaOf(knex);
      const rowsBefore = await contentsOf(knex);

      await knex.migrate.down(migrations);
      expect(await completedMigrations(knex)).toEqual(names.slice(0, index));
      const schemaAfterDown = await schemaOf(knex);
      const surviving = Object.keys(schemaAfterDown);
      const rowsAfterDown = await contentsOf(knex);
      for (const table of surviving) {
        const columns = Object.keys(schemaAfterDown[table].columns);
        expect({ name, table, rows: rowsAfterDown[table] }).toEqual({
          name,
          table,
          rows: keepColumns(rowsBefore[table], columns),
        });
      }

      await knex.migrate.up(migrations);
      expect({ name, schema: await schemaOf(knex) }).toEqual({
        name,
        schema: schemaBefore,
      });
      const rowsAfterUp = await contentsOf(knex);
      for (const table of surviving) {
        const columns = Object.keys(schemaAfterDown[table].columns);
        expect({
          name,
          table,
          rows: keepColumns(rowsAfterUp[table], columns),
        }).toEqual({ name, table, rows: rowsAfterDown[table] });
      }

      await knex.migrate.down(migrations);
    }
    expect(await tableNames(knex)).toEqual([]);

    await knex.migrate.latest(migrations);
    expect(await schemaOf(knex)).toEqual(latestSchema);
    await insertFixtures(knex, Object.keys(latestSchema));
    await knex.migrate.rollback(migrations, true);
    expect(await tableNames(knex)).toEqual([]);
    await knex.migrate.latest(migrations);
    expect(await schemaOf(knex)).toEqual(latestSchema);
  });
});
