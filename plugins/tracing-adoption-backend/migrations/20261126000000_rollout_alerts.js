// @ts-check

/**
 * Regression alerts that were sent and have not recovered yet, so a
 * regression is notified once and again only after it recovered.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('rollout_alerts', table => {
    table.comment(
      'Regression alerts: open while resolved_at is null, re-armed once resolved',
    );
    table.string('alert_key', 600).primary().notNullable();
    table.text('subject').notNullable().comment('JSON RegressionSubject');
    table.timestamp('opened_at', { useTz: true }).notNullable();
    table.timestamp('resolved_at', { useTz: true }).nullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('rollout_alerts');
};
