import { sql, type Kysely } from 'kysely';

/**
 * Minutes after the meeting:
 * - `minutes_records`: where each closed meeting's minutes stand (no row: a
 *   draft), when they were circulated, how they were confirmed and published.
 * - `minutes_versions`: each confirmed version's stored content (the full
 *   record, and the public one for an open body) with its SHA-256. Triggers
 *   make a version's content immutable and forbid deleting one; its
 *   publication time can be set once.
 * - `minutes_comments`: members' comments on circulated minutes, append-only.
 * - `agenda_items.exemption_paragraph`: the Schedule 12A paragraph a Part II item is exempt under.
 * - `search_entries.published`: 1 for entries indexed from a published public version.
 */
const guards = [
  `create trigger minutes_versions_immutable before update on minutes_versions
     when old.full_json is not new.full_json or old.public_json is not new.public_json
       or old.full_hash is not new.full_hash or old.public_hash is not new.public_hash
       or old.number is not new.number or old.meeting_id is not new.meeting_id or old.reason is not new.reason
       or old.created_by is not new.created_by or old.created_at is not new.created_at
       or (old.published_at is not null and old.published_at is not new.published_at)
   begin select raise(abort, 'a stored version of minutes never changes'); end`,
  `create trigger minutes_versions_kept before delete on minutes_versions
   begin select raise(abort, 'a stored version of minutes is never deleted'); end`,
  `create trigger minutes_comments_append_only before update on minutes_comments
   begin select raise(abort, 'comments on minutes are append-only'); end`,
  `create trigger minutes_comments_kept before delete on minutes_comments
   begin select raise(abort, 'comments on minutes are append-only'); end`,
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('minutes_records')
    .addColumn('meeting_id', 'integer', (col) => col.primaryKey().references('meetings.id'))
    .addColumn('stage', 'text', (col) => col.notNull().defaultTo('draft'))
    .addColumn('circulated_at', 'text')
    .addColumn('circulated_by', 'integer', (col) => col.references('users.id'))
    .addColumn('confirmed_at', 'text')
    .addColumn('confirmed_by', 'integer', (col) => col.references('users.id'))
    .addColumn('confirmed_at_meeting_id', 'integer', (col) => col.references('meetings.id'))
    .addColumn('moved_by', 'integer', (col) => col.references('users.id'))
    .addColumn('seconded_by', 'integer', (col) => col.references('users.id'))
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'integer', (col) => col.references('users.id'))
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('minutes_records_stage').on('minutes_records').columns(['stage']).execute();

  await db.schema
    .createTable('minutes_versions')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('meeting_id', 'integer', (col) => col.notNull().references('meetings.id'))
    .addColumn('number', 'integer', (col) => col.notNull())
    .addColumn('full_json', 'text', (col) => col.notNull())
    .addColumn('full_hash', 'text', (col) => col.notNull())
    .addColumn('public_json', 'text')
    .addColumn('public_hash', 'text')
    .addColumn('reason', 'text')
    .addColumn('created_by', 'integer', (col) => col.notNull().references('users.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('published_at', 'text')
    .addUniqueConstraint('minutes_versions_number', ['meeting_id', 'number'])
    .execute();

  await db.schema
    .createTable('minutes_comments')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('meeting_id', 'integer', (col) => col.notNull().references('meetings.id'))
    .addColumn('user_id', 'integer', (col) => col.notNull().references('users.id'))
    .addColumn('item_id', 'text')
    .addColumn('text', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('minutes_comments_meeting').on('minutes_comments').columns(['meeting_id', 'id']).execute();

  for (const guard of guards) await sql.raw(guard).execute(db);

  await db.schema.alterTable('agenda_items').addColumn('exemption_paragraph', 'integer').execute();
  await db.schema.alterTable('search_entries').addColumn('published', 'integer', (col) => col.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const guard of guards) await sql.raw(`drop trigger if exists ${/create trigger (\w+)/.exec(guard)![1]!}`).execute(db);
  await db.schema.alterTable('search_entries').dropColumn('published').execute();
  await db.schema.alterTable('agenda_items').dropColumn('exemption_paragraph').execute();
  await db.schema.dropTable('minutes_comments').ifExists().execute();
  await db.schema.dropTable('minutes_versions').ifExists().execute();
  await db.schema.dropTable('minutes_records').ifExists().execute();
}
