import type { Kysely } from 'kysely';

/**
 * Live meeting documents: the Yjs update log with compacted snapshots, the
 * SQL projection of each meeting's agenda, decisions, attendance and
 * declarations, and each body's standing agenda items.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('doc_updates')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('doc_name', 'text', (col) => col.notNull())
    .addColumn('update', 'blob', (col) => col.notNull())
    .addColumn('user_id', 'integer')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('doc_updates_doc').on('doc_updates').columns(['doc_name', 'id']).execute();

  await db.schema
    .createTable('doc_snapshots')
    .addColumn('doc_name', 'text', (col) => col.primaryKey())
    .addColumn('state', 'blob', (col) => col.notNull())
    .addColumn('last_update_id', 'integer', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('body_standing_items')
    .addColumn('body_id', 'integer', (col) => col.notNull().references('bodies.id'))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('minutes_allotted', 'integer', (col) => col.notNull().defaultTo(10))
    .addPrimaryKeyConstraint('body_standing_items_pk', ['body_id', 'position'])
    .execute();

  await db.schema.alterTable('meetings').addColumn('started_at', 'text').execute();
  await db.schema.alterTable('meetings').addColumn('closed_at', 'text').execute();

  await db.schema
    .createTable('agenda_items')
    .addColumn('meeting_id', 'integer', (col) => col.notNull().references('meetings.id'))
    .addColumn('item_id', 'text', (col) => col.notNull())
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('presenter', 'text', (col) => col.notNull())
    .addColumn('minutes_allotted', 'integer', (col) => col.notNull())
    .addColumn('part_two', 'integer', (col) => col.notNull())
    .addColumn('minutes', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('agenda_items_pk', ['meeting_id', 'item_id'])
    .execute();

  await db.schema
    .createTable('decisions')
    .addColumn('meeting_id', 'integer', (col) => col.notNull().references('meetings.id'))
    .addColumn('item_id', 'text', (col) => col.notNull())
    .addColumn('decision_id', 'text', (col) => col.notNull())
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('text', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('decisions_pk', ['meeting_id', 'decision_id'])
    .execute();

  await db.schema
    .createTable('attendance')
    .addColumn('meeting_id', 'integer', (col) => col.notNull().references('meetings.id'))
    .addColumn('user_id', 'integer', (col) => col.notNull().references('users.id'))
    .addColumn('status', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('attendance_pk', ['meeting_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('declarations')
    .addColumn('meeting_id', 'integer', (col) => col.notNull().references('meetings.id'))
    .addColumn('declaration_id', 'text', (col) => col.notNull())
    .addColumn('user_id', 'integer', (col) => col.notNull().references('users.id'))
    .addColumn('item_id', 'text')
    .addColumn('interest', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('declarations_pk', ['meeting_id', 'declaration_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['declarations', 'attendance', 'decisions', 'agenda_items', 'body_standing_items', 'doc_snapshots', 'doc_updates']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('meetings').dropColumn('closed_at').execute();
  await db.schema.alterTable('meetings').dropColumn('started_at').execute();
}
