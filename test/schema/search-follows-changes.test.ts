import { Migrator, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../schema/index.js';
import type { Db } from '../../server/db/database.js';
import { openAndConfidentialBodies } from '../server/search/search-support.js';

/** The search index kept by triggers from the tables the projections write (migration 2026-12-02T0600). */
describe('the search index follows changes', () => {
  let db: Db;
  let cleanup: () => void;
  beforeEach(async () => {
    ({ db, cleanup } = await openAndConfidentialBodies({ open: 1, confidential: 2 }));
    await sql`insert into meetings (id, body_id, title, starts_at, created_at) values (1, 1, 'JAG', '2026-11-17T10:00:00.000Z', '2026-11-01')`.execute(db);
    await sql`insert into agenda_items (meeting_id, item_id, position, title, presenter, minutes_allotted, part_two, minutes) values
      (1, 'busy', 0, 'Hate crime review', '', 10, 0, 'Tagging at the underpass'),
      (1, 'quiet', 1, 'Night-time economy', '', 10, 0, 'Door staff briefing')`.execute(db);
    for (let n = 0; n < 10; n++) {
      await sql`insert into decisions (meeting_id, item_id, decision_id, position, text) values (1, 'busy', ${`d${n}`}, ${n}, ${`RESOLVED that step ${n} goes ahead`})`.execute(db);
    }
  });
  afterEach(async () => {
    await db.destroy();
    cleanup();
  });

  /** Rows written, by the statement and every trigger it fires. */
  async function rowsWrittenBy(statement: ReturnType<typeof sql>): Promise<number> {
    const total = async () => (await sql<{ n: number }>`select total_changes() as n`.execute(db)).rows[0]!.n;
    const before = await total();
    await statement.execute(db);
    return (await total()) - before;
  }

  const entries = (kind: string) =>
    sql<{ record_id: string; item_id: string; part_two: number; title: string; text: string; date: string }>`
      select record_id, item_id, part_two, title, text, date from search_entries where kind = ${kind} order by record_id`
      .execute(db)
      .then((result) => result.rows);

  const matches = async (words: string) =>
    (await sql<{ rowid: number }>`select rowid from search_text where search_text match ${words}`.execute(db)).rows.length;

  /** FTS5's own check that its index holds exactly what search_entries holds. */
  const indexMatchesEntries = () => sql`insert into search_text (search_text, rank) values ('integrity-check', 1)`.execute(db);

  it('typing into minutes rewrites only that item’s entry, however many decisions the item has', async () => {
    const busy = await rowsWrittenBy(sql`update agenda_items set minutes = 'Tagging at the underpass and the park' where item_id = 'busy'`);
    const quiet = await rowsWrittenBy(sql`update agenda_items set minutes = 'Door staff briefing and taxis' where item_id = 'quiet'`);
    expect(busy).toBe(quiet);
    expect(await matches('park')).toBe(1);
    expect(await matches('underpass')).toBe(1);
    await indexMatchesEntries();
  });

  it('decisions take their item’s new title and Part II flag', async () => {
    await sql`update agenda_items set title = 'Hate crime and tagging', part_two = 1 where item_id = 'busy'`.execute(db);
    const decisions = await entries('decision');
    expect(decisions).toHaveLength(10);
    for (const decision of decisions) expect(decision).toMatchObject({ title: 'Hate crime and tagging', part_two: 1 });
    expect(await matches('title:tagging')).toBe(11);
    await indexMatchesEntries();
  });

  it('a decision moved to another item takes that item’s title and flag; a renamed key is a new entry', async () => {
    await sql`update agenda_items set part_two = 1 where item_id = 'quiet'`.execute(db);
    await sql`update decisions set item_id = 'quiet' where decision_id = 'd3'`.execute(db);
    expect((await entries('decision')).find((entry) => entry.record_id === 'd3')).toMatchObject({ item_id: 'quiet', title: 'Night-time economy', part_two: 1 });

    await sql`update agenda_items set item_id = 'renamed' where item_id = 'busy'`.execute(db);
    expect((await entries('minutes')).map((entry) => entry.record_id)).toEqual(['quiet', 'renamed']);
    await sql`update decisions set decision_id = 'd3-new' where decision_id = 'd3'`.execute(db);
    expect((await entries('decision')).map((entry) => entry.record_id)).toContain('d3-new');
    expect((await entries('decision')).map((entry) => entry.record_id)).not.toContain('d3');
    await indexMatchesEntries();
  });

  it('a meeting moved to a new date re-dates its entries without re-indexing their words', async () => {
    const written = await rowsWrittenBy(sql`update meetings set starts_at = '2026-11-24T10:00:00.000Z' where id = 1`);
    // The meeting and its 12 entries (two items' minutes, ten decisions), and nothing in the word index.
    expect(written).toBe(13);
    for (const entry of [...(await entries('minutes')), ...(await entries('decision'))]) expect(entry.date).toBe('2026-11-24T10:00:00.000Z');
    await indexMatchesEntries();
  });

  it('an action’s and an escalation’s changed words are found, their old words no longer', async () => {
    await sql`insert into users (id, email, name, agency_id, password_hash, created_at) values (1, 'a@b.test', 'A', 1, 'x', '2026-11-01')`.execute(db);
    await sql`insert into actions (action_id, body_id, title, description, status, theme, resources, outcome_measure, rag_override_reason, created_at)
      values ('a1', 1, 'Cut back the hedges', 'By the footpath', 'open', '', '', '', '', '2026-11-01')`.execute(db);
    await sql`insert into escalations (origin_body_id, origin_action_id, from_body_id, to_body_id, summary, reason, raised_by, raised_at)
      values (1, 'a1', 1, 2, 'Hedges block the lighting', 'No budget', 1, '2026-11-02')`.execute(db);
    await sql`update actions set latest_progress = 'Contractor booked' where action_id = 'a1'`.execute(db);
    await sql`update escalations set answer = 'Funded from the ward budget' where origin_action_id = 'a1'`.execute(db);
    expect(await matches('contractor')).toBe(1);
    expect(await matches('ward')).toBe(1);
    await sql`update actions set description = 'By the bridleway' where action_id = 'a1'`.execute(db);
    expect(await matches('footpath')).toBe(0);
    expect(await matches('bridleway')).toBe(1);
    await indexMatchesEntries();
  });

  it('migrating down restores the earlier triggers, which still keep the index', async () => {
    await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateTo('2026-12-01T2200_doc_updates_by_document');
    const busy = await rowsWrittenBy(sql`update agenda_items set minutes = 'Tagging at the park' where item_id = 'busy'`);
    const quiet = await rowsWrittenBy(sql`update agenda_items set minutes = 'Door staff and taxis' where item_id = 'quiet'`);
    expect(busy).toBeGreaterThan(quiet); // the earlier triggers rewrote every decision's entry too
    expect(await matches('park')).toBe(1);
    await indexMatchesEntries();
  });
});
