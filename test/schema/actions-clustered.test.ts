import { Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../schema/index.js';
import { migrateToLatest, openDatabase, type Db } from '../../server/db/database.js';
import { temporaryDatabasePath } from '../support/test-database.js';

/** Migration 2026-12-02T0700: actions stored in key order (body, id), keeping rows, indexes and search triggers. */
describe('actions clustered by body', () => {
  let db: Db;
  let cleanup: () => void;
  afterEach(async () => {
    await db.destroy();
    cleanup();
  });

  const definition = async () =>
    (await sql<{ type: string; name: string; sql: string | null }>`select type, name, sql from sqlite_master where tbl_name = 'actions' order by name`.execute(db)).rows;
  const actions = async () => (await sql<{ body_id: number; action_id: string; title: string }>`select body_id, action_id, title from actions order by body_id, action_id`.execute(db)).rows;
  const searchTitles = async () => (await sql<{ title: string }>`select title from search_entries where kind = 'action' order by title`.execute(db)).rows.map((row) => row.title);

  it('keeps every action, index and trigger through the rebuild, and back', async () => {
    const temporary = temporaryDatabasePath();
    cleanup = temporary.cleanup;
    db = openDatabase({ path: temporary.path });
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    await migrator.migrateTo('2026-12-02T0600_search_follows_changes');
    await sql`insert into agencies (id, name, short_name) values (1, 'Charnwood Borough Council', 'CBC')`.execute(db);
    await sql`insert into bodies (id, name, short_name, kind, tier, parent_id, confidential, cadence, reference_prefix) values
      (1, 'Charnwood JAG', 'JAG', 'jag', 3, null, 0, 'monthly', 'JAG'), (2, 'Youth JAG', 'YJAG', 'jag', 3, null, 1, 'monthly', 'YJAG')`.execute(db);
    for (const [bodyId, actionId, title] of [[2, 'a1', 'Cut back the hedges'], [1, 'a1', 'Light the underpass'], [1, 'a0', 'Fix the gate']] as const) {
      await sql`insert into actions (action_id, body_id, title, description, status, theme, resources, outcome_measure, rag_override_reason, created_at)
        values (${actionId}, ${bodyId}, ${title}, '', 'open', '', '', '', '', '2026-11-01')`.execute(db);
    }
    const before = await definition();
    const rowsBefore = await actions();

    await migrateToLatest(db);
    const after = await definition();
    expect(after.find((entry) => entry.type === 'table')!.sql).toMatch(/without rowid$/i);
    expect(after.filter((entry) => entry.type !== 'table').map((entry) => [entry.type, entry.name, entry.sql])).toEqual(
      before.filter((entry) => entry.type !== 'table' && entry.sql).map((entry) => [entry.type, entry.name, entry.sql]),
    );
    expect(await actions()).toEqual(rowsBefore);
    // The search triggers still follow the table, and the key still refuses a second action of one id in one body.
    await sql`update actions set title = 'Light the whole underpass' where body_id = 1 and action_id = 'a1'`.execute(db);
    expect(await searchTitles()).toEqual(['Cut back the hedges', 'Fix the gate', 'Light the whole underpass']);
    await expect(
      sql`insert into actions (action_id, body_id, title, description, status, theme, resources, outcome_measure, rag_override_reason, created_at)
        values ('a1', 1, 'Again', '', 'open', '', '', '', '', '2026-11-01')`.execute(db),
    ).rejects.toThrow(/UNIQUE|PRIMARY KEY/);

    await migrator.migrateTo('2026-12-02T0600_search_follows_changes');
    expect((await definition()).find((entry) => entry.type === 'table')!.sql).not.toMatch(/without rowid/i);
    expect((await actions()).map((row) => row.title)).toEqual(['Fix the gate', 'Light the whole underpass', 'Cut back the hedges']);
    await sql`delete from actions where action_id = 'a0'`.execute(db);
    expect(await searchTitles()).toEqual(['Cut back the hedges', 'Light the whole underpass']);
  });
});
