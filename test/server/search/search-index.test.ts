import { Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../schema/index.js';
import { migrateToLatest, openDatabase, type Db } from '../../../server/db/database.js';
import { createSearchService } from '../../../server/search/index.js';
import { searchRequest } from '../../../shared/search.js';
import { temporaryDatabasePath } from '../../support/test-database.js';

describe('the search index', () => {
  let db: Db;
  let cleanup: () => void;
  afterEach(async () => {
    await db.destroy();
    cleanup();
  });

  async function databaseBeforeSearch(): Promise<number> {
    const temporary = temporaryDatabasePath();
    cleanup = temporary.cleanup;
    db = openDatabase({ path: temporary.path });
    await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateTo('2026-12-01T0900_escalations_priorities');
    await sql`insert into agencies (id, name, short_name) values (1, 'Charnwood Borough Council', 'CBC')`.execute(db);
    await sql`insert into bodies (id, name, short_name, kind, tier, parent_id, confidential, cadence, reference_prefix)
      values (1, 'Charnwood JAG', 'JAG', 'jag', 3, null, 0, 'monthly', 'JAG')`.execute(db);
    await sql`insert into users (id, email, name, agency_id, password_hash, created_at) values (1, 'a@b.test', 'A', 1, 'x', '2026-11-01')`.execute(db);
    await sql`insert into memberships (body_id, user_id, role) values (1, 1, 'member')`.execute(db);
    await sql`insert into meetings (id, body_id, title, starts_at, created_at) values (1, 1, 'JAG', '2026-11-17T10:00:00.000Z', '2026-11-01')`.execute(db);
    await sql`insert into agenda_items (meeting_id, item_id, position, title, presenter, minutes_allotted, part_two, minutes)
      values (1, 'i1', 0, 'Hate crime review', '', 10, 0, 'Tagging at the KESTREL underpass')`.execute(db);
    await sql`insert into decisions (meeting_id, item_id, decision_id, position, text) values (1, 'i1', 'd1', 0, 'RESOLVED that KESTREL patrols continue')`.execute(db);
    return 1;
  }

  const find = (userId: number, q: string) => createSearchService({ db }).search(userId, searchRequest.parse({ q }));

  it('takes in what was written before it existed, and follows later changes and removals', async () => {
    const userId = await databaseBeforeSearch();
    await migrateToLatest(db);
    expect((await find(userId, 'kestrel')).results.map((result) => result.kind).sort()).toEqual(['decision', 'minutes']);

    await sql`update agenda_items set minutes = 'Tagging at the HERON bridge', part_two = 1 where item_id = 'i1'`.execute(db);
    expect((await find(userId, 'kestrel')).results.map((result) => result.kind)).toEqual(['decision']);
    expect((await find(userId, 'heron')).results.map((result) => result.kind)).toEqual(['minutes']);
    const partTwo = await sql<{ part_two: number }>`select part_two from search_entries where kind = 'decision'`.execute(db);
    expect(partTwo.rows).toEqual([{ part_two: 1 }]);

    await sql`delete from decisions`.execute(db);
    await sql`delete from agenda_items`.execute(db);
    expect(await find(userId, 'kestrel')).toEqual({ results: [], total: 0, totalIsAtLeast: false });
    expect(await find(userId, 'heron')).toEqual({ results: [], total: 0, totalIsAtLeast: false });
    // The index holds nothing for the rows removed.
    const left = await sql<{ count: number }>`select count(*) as count from search_text where search_text match 'heron OR kestrel'`.execute(db);
    expect(left.rows[0]!.count).toBe(0);
  });
});
