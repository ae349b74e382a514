import { sql, type Kysely } from 'kysely';

/**
 * Actions are stored in the order of their key, body then id (a WITHOUT ROWID
 * table), so a body's log sits together on a few dozen pages. Before, rows sat
 * in the order they were written, and reading one body's 200 outstanding
 * actions out of 100,000 touched a page per action, most of them not in
 * SQLite's cache: the filtered body log was the one action-log query over
 * its 10 ms p95 (bench/actions.ts). The columns, indexes and search triggers
 * stay as they were, whatever earlier migrations made them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await rebuildActions(db, (create) => `${create} without rowid`);
}

export async function down(db: Kysely<any>): Promise<void> {
  await rebuildActions(db, (create) => create.replace(/\s+without\s+rowid\s*$/i, ''));
}

/** Rebuilds the actions table from its own definition as `reshape` rewrites it, keeping its rows, indexes and triggers. */
async function rebuildActions(db: Kysely<any>, reshape: (create: string) => string): Promise<void> {
  const schema = await sql<{ type: string; name: string; sql: string | null }>`
    select type, name, sql from sqlite_master where tbl_name = 'actions' order by type = 'table' desc`.execute(db);
  const [table, ...dependants] = schema.rows;
  if (!table || table.type !== 'table' || !table.sql) throw new Error('no actions table to rebuild');
  const create = reshape(table.sql).replace(/^CREATE TABLE\s+"?actions"?/i, 'create table "actions_rebuilt"');
  await sql.raw(create).execute(db);
  await sql`insert into actions_rebuilt select * from actions`.execute(db);
  await sql`drop table actions`.execute(db);
  await sql`alter table actions_rebuilt rename to actions`.execute(db);
  // Indexes SQLite made for the key have no SQL of their own; the rest are made again as they were.
  for (const { sql: statement } of dependants) if (statement) await sql.raw(statement).execute(db);
}
