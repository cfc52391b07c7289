// @ts-check

/**
 * Repository scanning: the last result per repository (the checkpoint a
 * resumed cycle continues from), scan cycles, and file contents by blob SHA.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('scan_cycles', table => {
    table.comment(
      'One pass over every repository; an interrupted cycle is resumed, not restarted',
    );
    table.increments('id');
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true }).nullable();
    table.integer('targets').notNullable();
  });

  await knex.schema.createTable('repository_scans', table => {
    table.comment(
      'Last scan of each repository; the result is kept when a later scan fails',
    );
    table.string('host', 255).notNullable();
    table.string('slug', 255).notNullable();
    table.string('scanner_id', 255).notNullable();
    table
      .string('status', 32)
      .notNullable()
      .comment('scanned | not-found | empty | archived | failed | no-scanner');
    table
      .integer('cycle_id')
      .nullable()
      .comment('last cycle that checked this repository');
    table.timestamp('checked_at', { useTz: true }).notNullable();
    table
      .timestamp('scanned_at', { useTz: true })
      .nullable()
      .comment('last successful scan');
    table
      .text('result')
      .nullable()
      .comment('JSON RepositoryScanResult of the last successful scan');
    table
      .text('state')
      .nullable()
      .comment('JSON scanner state: ETag, tree SHA, blob SHAs');
    table.text('error').nullable();
    table.integer('requests').notNullable().defaultTo(0);
    table.primary(['host', 'slug']);
    table.index('cycle_id', 'repository_scans_cycle_idx');
  });

  await knex.schema.createTable('blob_contents', table => {
    table.comment(
      'Contents of scanned files by git blob SHA, so unchanged files are not fetched again',
    );
    table.string('sha', 64).primary().notNullable();
    table.text('content').notNullable();
    table.timestamp('used_at', { useTz: true }).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('blob_contents');
  await knex.schema.dropTable('repository_scans');
  await knex.schema.dropTable('scan_cycles');
};
