import { sql, type Kysely } from 'kysely';

/**
 * An action's id is only unique within its body's log, so the SQL mirror keys
 * actions and their history by body and id together: an action in one log can
 * never overwrite, or be read as, an action of another body.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('actions_by_body')
    .addColumn('action_id', 'text', (col) => col.notNull())
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
    .addPrimaryKeyConstraint('actions_pk', ['body_id', 'action_id'])
    .execute();
  await sql`insert into actions_by_body select
    action_id, body_id, reference, title, description, owner_id, lead_agency_id, due_date, status, rag_override,
    rag_override_reason, theme, resources, outcome_measure, source_meeting_id, source_item_id, created_at, closed_at,
    latest_progress, latest_progress_at, progress_count from actions`.execute(db);
  await db.schema.dropTable('actions').execute();
  await db.schema.alterTable('actions_by_body').renameTo('actions').execute();
  await db.schema.createIndex('actions_body_status').on('actions').columns(['body_id', 'status', 'due_date']).execute();
  await db.schema.createIndex('actions_owner_status').on('actions').columns(['owner_id', 'status', 'due_date']).execute();

  await db.schema.dropIndex('action_events_action').execute();
  await db.schema.createIndex('action_events_action').on('action_events').columns(['body_id', 'action_id', 'id']).execute();
}

/** The key on body and id stays: a key on the id alone could not hold two bodies' actions that share an id. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('action_events_action').execute();
  await db.schema.createIndex('action_events_action').on('action_events').columns(['action_id', 'id']).execute();
}
