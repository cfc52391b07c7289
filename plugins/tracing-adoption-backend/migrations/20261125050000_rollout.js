// @ts-check

/**
 * The rollout model: critical user operations, campaigns, workshops and
 * waivers that PMs manage; the analysis of each operation's traces; the
 * evaluated status of operations and teams; and the daily snapshots behind
 * the burn-up charts.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('campaigns', table => {
    table.comment('Rollout campaigns with a deadline and a target maturity');
    table.string('id', 64).primary().notNullable();
    table.text('name').notNullable();
    table.text('description').nullable();
    table.string('start_date', 10).notNullable().comment('YYYY-MM-DD');
    table.string('deadline', 10).notNullable().comment('YYYY-MM-DD');
    table
      .string('target_maturity', 8)
      .notNullable()
      .comment('crawl | walk | run');
    table
      .string('origin', 8)
      .notNullable()
      .comment('api | config (declared in the YAML file app-config names)');
    table.integer('version').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('critical_operations', table => {
    table.comment('Critical user operations that must be traced end to end');
    table.string('id', 64).primary().notNullable();
    table.text('name').notNullable();
    table.text('description').nullable();
    table.text('entry').notNullable().comment('JSON OperationMatcher');
    table.double('peak_rps').notNullable();
    table.integer('tier').notNullable();
    table.string('owner_ref', 255).notNullable();
    table.string('campaign_id', 64).nullable();
    table
      .text('declared_participants')
      .notNullable()
      .comment('JSON string[] of service names');
    table.text('objectives').nullable().comment('JSON OperationObjectives');
    table.string('origin', 8).notNullable();
    table.integer('version').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.index('owner_ref', 'critical_operations_owner_idx');
    table.index('campaign_id', 'critical_operations_campaign_idx');
  });

  await knex.schema.createTable('critical_operation_analyses', table => {
    table.comment(
      'Latest trace analysis of each critical operation; kept when a window has no traces',
    );
    table.string('operation_id', 64).primary().notNullable();
    table
      .text('entry')
      .notNullable()
      .comment(
        'JSON matcher analysed; a changed matcher makes the row obsolete',
      );
    table.timestamp('analyzed_at', { useTz: true }).notNullable();
    table
      .text('analysis')
      .notNullable()
      .comment('JSON StoredOperationAnalysis');
  });

  await knex.schema.createTable('workshops', table => {
    table.comment('Tracing workshops and the teams that attended');
    table.string('id', 36).primary().notNullable();
    table.string('date', 10).notNullable().comment('YYYY-MM-DD');
    table.text('topic').notNullable();
    table.text('notes').nullable();
    table.integer('version').notNullable();
    table.string('created_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('workshop_teams', table => {
    table
      .string('workshop_id', 36)
      .notNullable()
      .references('id')
      .inTable('workshops')
      .onDelete('CASCADE');
    table.integer('position').notNullable();
    table.string('team_ref', 255).notNullable();
    table.primary(['workshop_id', 'team_ref']);
    table.index('team_ref', 'workshop_teams_team_idx');
  });

  await knex.schema.createTable('waivers', table => {
    table.comment(
      'Exemptions of a service or a convention rule; revoked ones are kept for the record',
    );
    table.string('id', 36).primary().notNullable();
    table.string('scope_kind', 8).notNullable().comment('service | rule');
    table.string('service', 255).nullable();
    table.string('operation_id', 64).nullable();
    table.string('rule_id', 255).nullable();
    table.text('reason').notNullable();
    table.string('approved_by', 255).notNullable();
    table.timestamp('expires_at', { useTz: true }).notNullable();
    table.string('created_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('revoked_at', { useTz: true }).nullable();
    table.string('revoked_by', 255).nullable();
  });

  await knex.schema.createTable('rollout_status', table => {
    table.comment(
      'Latest evaluated status of each operation and team, and rollout-wide facts',
    );
    table
      .string('subject_kind', 16)
      .notNullable()
      .comment('operation | team | rollout');
    table.string('subject_key', 255).notNullable();
    table.timestamp('evaluated_at', { useTz: true }).notNullable();
    table.text('document').notNullable().comment('JSON');
    table.primary(['subject_kind', 'subject_key']);
  });

  await knex.schema.createTable('rollout_snapshots', table => {
    table.comment(
      'One row per day and subject: the figures behind burn-up charts',
    );
    table.string('day', 10).notNullable().comment('YYYY-MM-DD, UTC');
    table
      .string('subject_kind', 16)
      .notNullable()
      .comment('operation | team | campaign');
    table.string('subject_key', 255).notNullable();
    table.text('figures').notNullable().comment('JSON');
    table.primary(['day', 'subject_kind', 'subject_key']);
    table.index(
      ['subject_kind', 'subject_key', 'day'],
      'rollout_snapshots_subject_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('rollout_snapshots');
  await knex.schema.dropTable('rollout_status');
  await knex.schema.dropTable('waivers');
  await knex.schema.dropTable('workshop_teams');
  await knex.schema.dropTable('workshops');
  await knex.schema.dropTable('critical_operation_analyses');
  await knex.schema.dropTable('critical_operations');
  await knex.schema.dropTable('campaigns');
};
