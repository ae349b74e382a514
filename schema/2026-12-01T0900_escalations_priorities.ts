import type { Kysely } from 'kysely';

/**
 * Governance both ways, and what people are told of it:
 * - `escalations`: one row per hop up the tiers (sub-group → JAG → CSP → SPB).
 *   A hop escalated further is continued by a row whose `previous_id` points
 *   back at it, so the chain is a linked list from the origin action upwards.
 * - `priorities` routed down to `priority_targets` (any depth below the sender);
 *   actions link to the priority they serve through `actions.priority_id`.
 * - `notifications`: what each person was told, kept for when they were offline.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('escalations')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('previous_id', 'integer', (col) => col.references('escalations.id'))
    .addColumn('origin_body_id', 'integer', (col) => col.notNull().references('bodies.id'))
    .addColumn('origin_action_id', 'text', (col) => col.notNull())
    .addColumn('from_body_id', 'integer', (col) => col.notNull().references('bodies.id'))
    .addColumn('to_body_id', 'integer', (col) => col.notNull().references('bodies.id'))
    .addColumn('summary', 'text', (col) => col.notNull())
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('open'))
    .addColumn('raised_by', 'integer', (col) => col.notNull().references('users.id'))
    .addColumn('raised_at', 'text', (col) => col.notNull())
    .addColumn('answered_by', 'integer', (col) => col.references('users.id'))
    .addColumn('answered_at', 'text')
    .addColumn('answer', 'text')
    .addColumn('adopted_action_id', 'text')
    .addColumn('agenda_meeting_id', 'integer', (col) => col.references('meetings.id'))
    .execute();
  await db.schema.createIndex('escalations_to_body').on('escalations').columns(['to_body_id', 'status']).execute();
  await db.schema.createIndex('escalations_from_body').on('escalations').columns(['from_body_id']).execute();
  await db.schema.createIndex('escalations_origin').on('escalations').columns(['origin_body_id', 'origin_action_id']).execute();
  await db.schema.createIndex('escalations_previous').on('escalations').columns(['previous_id']).execute();

  await db.schema
    .createTable('priorities')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('body_id', 'integer', (col) => col.notNull().references('bodies.id'))
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull())
    .addColumn('theme', 'text', (col) => col.notNull())
    .addColumn('period', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('published_by', 'integer', (col) => col.notNull().references('users.id'))
    .addColumn('published_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('priorities_body').on('priorities').columns(['body_id']).execute();

  await db.schema
    .createTable('priority_targets')
    .addColumn('priority_id', 'integer', (col) => col.notNull().references('priorities.id'))
    .addColumn('body_id', 'integer', (col) => col.notNull().references('bodies.id'))
    .addColumn('acknowledged_by', 'integer', (col) => col.references('users.id'))
    .addColumn('acknowledged_at', 'text')
    .addColumn('agenda_meeting_id', 'integer', (col) => col.references('meetings.id'))
    .addPrimaryKeyConstraint('priority_targets_pk', ['priority_id', 'body_id'])
    .execute();
  await db.schema.createIndex('priority_targets_body').on('priority_targets').columns(['body_id']).execute();

  await db.schema.alterTable('actions').addColumn('priority_id', 'integer').execute();
  await db.schema.createIndex('actions_priority').on('actions').columns(['priority_id']).execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('user_id', 'integer', (col) => col.notNull().references('users.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    // The body whose business it tells of: shown only while the person may still read that body.
    .addColumn('body_id', 'integer', (col) => col.notNull().references('bodies.id'))
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('detail', 'text', (col) => col.notNull())
    .addColumn('link', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notifications').execute();
  await db.schema.dropIndex('actions_priority').execute();
  await db.schema.alterTable('actions').dropColumn('priority_id').execute();
  await db.schema.dropTable('priority_targets').execute();
  await db.schema.dropTable('priorities').execute();
  await db.schema.dropTable('escalations').execute();
}
