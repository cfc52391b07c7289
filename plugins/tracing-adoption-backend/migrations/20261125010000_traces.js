// @ts-check

/**
 * Trace ingestion and analysis: spans waiting to be assembled into traces, the
 * bounded per-operation samples, the health of each trace source, and the
 * analysis results per operation.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('received_spans', table => {
    table.comment(
      'Spans pushed to the OTLP receiver, one row per trace per request, until the sampling job assembles them',
    );
    table.bigIncrements('id');
    table.string('source_id', 255).notNullable();
    table.string('trace_id', 32).notNullable();
    table.timestamp('received_at', { useTz: true }).notNullable();
    table.integer('span_count').notNullable();
    table.text('spans').notNullable().comment('JSON array of model spans');
    table.index('trace_id', 'received_spans_trace_id_idx');
    table.index('received_at', 'received_spans_received_at_idx');
  });

  await knex.schema.createTable('trace_samples', table => {
    table.comment(
      'Complete traces kept for analysis: at most N per operation and sampling window',
    );
    table.bigIncrements('id');
    table.string('source_id', 255).notNullable();
    table.string('trace_id', 32).notNullable();
    table
      .string('root_service', 255)
      .notNullable()
      .comment('service.name of the root span');
    table
      .string('root_name', 512)
      .notNullable()
      .comment('name of the root span');
    table.timestamp('window_start', { useTz: true }).notNullable();
    table.timestamp('trace_start', { useTz: true }).notNullable();
    table.integer('span_count').notNullable();
    table.text('trace').notNullable().comment('JSON of the model trace');
    table.unique(['source_id', 'trace_id'], {
      indexName: 'trace_samples_source_trace_uniq',
    });
    table.index(
      ['root_service', 'root_name', 'window_start'],
      'trace_samples_root_window_idx',
    );
    table.index('window_start', 'trace_samples_window_start_idx');
  });

  await knex.schema.createTable('trace_source_status', table => {
    table.comment('Health of each trace source: ok, stale or failing');
    table.string('source_id', 255).primary().notNullable();
    table.string('kind', 64).notNullable();
    table.timestamp('last_attempt_at', { useTz: true }).nullable();
    table.timestamp('last_success_at', { useTz: true }).nullable();
    table.text('last_error').nullable();
    table.timestamp('last_error_at', { useTz: true }).nullable();
    table.integer('consecutive_failures').notNullable().defaultTo(0);
    table
      .text('last_summary')
      .nullable()
      .comment('JSON counts of the last successful read');
  });

  await knex.schema.createTable('operation_analyses', table => {
    table.comment(
      'Latest analysis per operation; replaced only by a successful analysis',
    );
    table.string('operation_key', 1024).primary().notNullable();
    table.string('entry_service', 255).notNullable();
    table.string('span_name', 512).nullable();
    table.timestamp('analyzed_at', { useTz: true }).notNullable();
    table.timestamp('window_start', { useTz: true }).nullable();
    table.timestamp('window_end', { useTz: true }).nullable();
    table.integer('sample_size').notNullable();
    table.text('analysis').notNullable().comment('JSON OperationAnalysis');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('operation_analyses');
  await knex.schema.dropTable('trace_source_status');
  await knex.schema.dropTable('trace_samples');
  await knex.schema.dropTable('received_spans');
};
