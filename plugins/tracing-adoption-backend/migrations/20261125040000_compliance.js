// @ts-check

/**
 * Semantic-convention compliance reports, computed with the operation analysis.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('compliance_reports', table => {
    table.comment(
      'Compliance of the sampled spans with the loaded rule packs; the latest is served',
    );
    table.increments('id');
    table.timestamp('evaluated_at', { useTz: true }).notNullable();
    table.text('report').notNullable().comment('JSON ComplianceReport');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('compliance_reports');
};
