import { sql, type Kysely } from 'kysely';

/**
 * The update log, keyed by document: each document numbers its own updates
 * (on from its snapshot's last one), and its rows sit together in one b-tree.
 * Storing a keystroke then writes one page instead of three (the table, the
 * (doc_name, id) index, and AUTOINCREMENT's sqlite_sequence row), which was
 * most of the cost of a commit (bench/yjs-load.ts). Existing ids are kept, so
 * every snapshot's last_update_id still means what it meant.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await rebuild(db, sql`create table doc_updates_rebuilt (
    doc_name text not null,
    id integer not null,
    "update" blob not null,
    user_id integer,
    created_at text not null,
    primary key (doc_name, id)
  ) without rowid`);
}

export async function down(db: Kysely<any>): Promise<void> {
  await rebuild(db, sql`create table doc_updates_rebuilt (
    id integer primary key autoincrement,
    doc_name text not null,
    "update" blob not null,
    user_id integer,
    created_at text not null
  )`);
  await db.schema.createIndex('doc_updates_doc').on('doc_updates').columns(['doc_name', 'id']).execute();
}

async function rebuild(db: Kysely<any>, create: ReturnType<typeof sql>): Promise<void> {
  await create.execute(db);
  await sql`insert into doc_updates_rebuilt (doc_name, id, "update", user_id, created_at)
    select doc_name, id, "update", user_id, created_at from doc_updates`.execute(db);
  await db.schema.dropTable('doc_updates').execute();
  await db.schema.alterTable('doc_updates_rebuilt').renameTo('doc_updates').execute();
}
