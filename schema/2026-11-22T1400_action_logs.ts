import type { Kysely } from 'kysely';

/**
 * Action logs: the SQL mirror of each body's live action log, the history of
 * changes to each action, and each body's prefix for action references.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('bodies').addColumn('reference_prefix', 'text', (col) => col.notNull().defaultTo('ACT')).execute();

  await db.schema
    .createTable('actions')
    .addColumn('action_id', 'text', (col) => col.primaryKey())
    .addColumn('body_id', 'integer', (col) => col.notNull().references('bodies.id'))
    .addColumn('reference', 'text')
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull())
    .addColumn('owner_id', 'integer', (col) => col.references('users.id'))
    .addColumn('lead_agency_id', 'integer', (col) => col.references('agencies.id'))
    .addColumn('due_date', 'text')
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('rag_override', 'text')
    .addColumn('rag_override_reason', 'text', (col) => col.notNull())
    .addColumn('theme', 'text', (col) => col.notNull())
    .addColumn('resources', 'text', (col) => col.notNull())
    .addColumn('outcome_measure', 'text', (col) => col.notNull())
    .addColumn('source_meeting_id', 'integer')
    .addColumn('source_item_id', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('latest_progress', 'text')
    .addColumn('latest_progress_at', 'text')
    .addColumn('progress_count', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('actions_body_status').on('actions').columns(['body_id', 'status', 'due_date']).execute();
  await db.schema.createIndex('actions_owner_status').on('actions').columns(['owner_id', 'status', 'due_date']).execute();

  await db.schema
    .createTable('action_events')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('action_id', 'text', (col) => col.notNull())
    .addColumn('body_id', 'integer', (col) => col.notNull().references('bodies.id'))
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('user_ids', 'text', (col) => col.notNull())
    .addColumn('field', 'text', (col) => col.notNull())
    .addColumn('old_value', 'text')
    .addColumn('new_value', 'text')
    .execute();
  await db.schema.createIndex('action_events_action').on('action_events').columns(['action_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('action_events').execute();
  await db.schema.dropTable('actions').execute();
  await db.schema.alterTable('bodies').dropColumn('reference_prefix').execute();
}
