// @ts-check

/**
 * Catalog mirror (services, teams, systems) and the run log of scheduled jobs.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('tracked_services', table => {
    table.comment(
      'Catalog Components the rollout tracks, mirrored by the catalog sync job',
    );
    table.string('entity_ref', 255).primary().notNullable();
    table
      .string('service_name', 255)
      .notNullable()
      .comment('service.name emitted in spans');
    table.string('title', 255).nullable();
    table.text('description').nullable();
    table.string('type', 255).nullable();
    table.string('lifecycle', 255).nullable();
    table.string('owner_ref', 255).nullable();
    table.string('system_ref', 255).nullable();
    table.string('repo_host', 255).nullable();
    table.string('repo_slug', 255).nullable();
    table.string('repo_path', 1024).nullable();
    table.index('service_name', 'tracked_services_service_name_idx');
    table.index('owner_ref', 'tracked_services_owner_ref_idx');
  });

  await knex.schema.createTable('teams', table => {
    table.comment('Catalog Groups, mirrored by the catalog sync job');
    table.string('entity_ref', 255).primary().notNullable();
    table.string('name', 255).notNullable();
    table.string('title', 255).nullable();
    table.string('type', 255).nullable();
    table.string('parent_ref', 255).nullable();
  });

  await knex.schema.createTable('systems', table => {
    table.comment('Catalog Systems, mirrored by the catalog sync job');
    table.string('entity_ref', 255).primary().notNullable();
    table.string('name', 255).notNullable();
    table.string('title', 255).nullable();
    table.string('owner_ref', 255).nullable();
    table.string('domain_ref', 255).nullable();
  });

  await knex.schema.createTable('job_runs', table => {
    table.comment('One row per run of a scheduled job, across all replicas');
    table.increments('id');
    table.string('job', 255).notNullable();
    table
      .string('status', 32)
      .notNullable()
      .comment('running | succeeded | failed');
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true }).nullable();
    table.text('summary').nullable().comment('JSON counts reported by the job');
    table.text('error').nullable();
    table.index(['job', 'started_at'], 'job_runs_job_started_at_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('job_runs');
  await knex.schema.dropTable('systems');
  await knex.schema.dropTable('teams');
  await knex.schema.dropTable('tracked_services');
};
