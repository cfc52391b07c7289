// @ts-check

/**
 * Success stories: how teams used tracing, linked to catalog entities and
 * critical operations, with likes by user.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('stories', table => {
    table.comment(
      'Success stories; deleting is soft so that admins can restore them',
    );
    table.string('id', 36).primary().notNullable();
    table
      .string('slug', 255)
      .nullable()
      .unique({ indexName: 'stories_slug_uniq' })
      .comment('Stable key of imported stories (the demo loader), else NULL');
    table.text('title').notNullable();
    table.text('body').notNullable().comment('Markdown');
    table
      .text('search_text')
      .notNullable()
      .comment('Lowercased title and body, for portable LIKE search');
    table.string('author_ref', 255).notNullable();
    table.string('team_ref', 255).notNullable();
    table
      .string('category', 32)
      .notNullable()
      .comment('latency | errors | incident | cost | other');
    table.text('impact').notNullable().comment('JSON ImpactFigure[]');
    table.text('trace_links').notNullable().comment('JSON string[]');
    table.string('status', 16).notNullable().comment('draft | published');
    table.boolean('featured').notNullable().defaultTo(false);
    table
      .integer('likes')
      .notNullable()
      .defaultTo(0)
      .comment('Rows in story_likes, kept here to order by');
    table
      .integer('version')
      .notNullable()
      .comment('Grows with every edit; an edit on an older version conflicts');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table
      .timestamp('published_at', { useTz: true })
      .nullable()
      .comment('First publication');
    table.timestamp('deleted_at', { useTz: true }).nullable();
    table.index(['status', 'deleted_at'], 'stories_status_deleted_idx');
    table.index('team_ref', 'stories_team_ref_idx');
    table.index('author_ref', 'stories_author_ref_idx');
  });

  await knex.schema.createTable('story_entities', table => {
    table.comment('Catalog entities a story mentions, in the order given');
    table
      .string('story_id', 36)
      .notNullable()
      .references('id')
      .inTable('stories')
      .onDelete('CASCADE');
    table.integer('position').notNullable();
    table.string('entity_ref', 255).notNullable();
    table.primary(['story_id', 'entity_ref']);
    table.index('entity_ref', 'story_entities_entity_ref_idx');
  });

  await knex.schema.createTable('story_operations', table => {
    table.comment('Critical operations a story mentions, in the order given');
    table
      .string('story_id', 36)
      .notNullable()
      .references('id')
      .inTable('stories')
      .onDelete('CASCADE');
    table.integer('position').notNullable();
    table.string('operation_key', 255).notNullable();
    table.primary(['story_id', 'operation_key']);
    table.index('operation_key', 'story_operations_operation_key_idx');
  });

  await knex.schema.createTable('story_likes', table => {
    table.comment('One row per user who likes a story');
    table
      .string('story_id', 36)
      .notNullable()
      .references('id')
      .inTable('stories')
      .onDelete('CASCADE');
    table.string('user_ref', 255).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.primary(['story_id', 'user_ref']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('story_likes');
  await knex.schema.dropTable('story_operations');
  await knex.schema.dropTable('story_entities');
  await knex.schema.dropTable('stories');
};
