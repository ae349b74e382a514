import { sql, type Generated, type Kysely } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, PREPARED_STATEMENTS_KEPT, sqliteOf, type Db } from '../../../server/db/database.js';

describe('kysely queries on a connection that prepares each SQL text once', () => {
  let db: Db | undefined;
  afterEach(async () => {
    await db?.destroy();
    db = undefined;
  });

  /** A table of the test's own, on a database opened as the server opens it. */
  type Notes = Kysely<{ notes: { id: Generated<number>; body: string } }>;

  async function openWithNotes() {
    db = openDatabase({ path: ':memory:' });
    await sql`create table notes (id integer primary key, body text not null)`.execute(db);
    const prepare = vi.spyOn(sqliteOf(db), 'prepare');
    return { db: db as unknown as Notes, prepare };
  }

  it('prepares a query once however often it runs, with each run’s own parameters', async () => {
    const { db, prepare } = await openWithNotes();
    for (const body of ['first', 'second', 'third']) await db.insertInto('notes').values({ body }).execute();
    const read = (id: number) => db.selectFrom('notes').select('body').where('id', '=', id).executeTakeFirst();
    expect(await read(1)).toEqual({ body: 'first' });
    expect(await read(3)).toEqual({ body: 'third' });
    expect(prepare).toHaveBeenCalledTimes(2); // the insert and the select
  });

  it('keeps the most recently used statements, and prepares a forgotten one again', async () => {
    const { db, prepare } = await openWithNotes();
    const readUpTo = (count: number) => db.selectFrom('notes').select('id').where('id', 'in', Array.from({ length: count }, (_, i) => i + 1)).execute();
    await readUpTo(1);
    for (let count = 2; count <= PREPARED_STATEMENTS_KEPT + 1; count++) await readUpTo(count); // each its own SQL text
    prepare.mockClear();
    await readUpTo(PREPARED_STATEMENTS_KEPT + 1);
    expect(prepare).not.toHaveBeenCalled();
    await readUpTo(1); // the oldest, forgotten
    expect(prepare).toHaveBeenCalledTimes(1);
  });

  it('reads columns added after a statement was first prepared', async () => {
    const { db } = await openWithNotes();
    await db.insertInto('notes').values({ body: 'before' }).execute();
    const everything = () => db.selectFrom('notes').selectAll().execute();
    expect(await everything()).toEqual([{ id: 1, body: 'before' }]);
    await sql`alter table notes add column pinned integer not null default 0`.execute(db);
    expect(await everything()).toEqual([{ id: 1, body: 'before', pinned: 0 }]);
  });
});
