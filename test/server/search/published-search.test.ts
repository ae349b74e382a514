import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/database.js';
import { createSearchService } from '../../../server/search/index.js';
import { indexPublishedMinutes } from '../../../server/search/published-minutes.js';
import type { CouncilMinutes, MinutesItem } from '../../../shared/council-minutes.js';
import { searchRequest } from '../../../shared/search.js';
import { openAndConfidentialBodies } from './search-support.js';

const JAG = 1;
const CONFIDENTIAL = 2;
const MEMBER = 1;
const PARTNER = 2;
const PUBLISHED_MEETING = 1;
const DRAFT_MEETING = 2;
const CONFIDENTIAL_MEETING = 3;
const STARTS_AT = '2026-11-17T10:00:00.000Z';

function item(number: number, title: string, minutes: string, resolutions: MinutesItem['resolutions'] = [], partTwo = false): MinutesItem {
  return partTwo
    ? { number, title: '', partTwo, exempt: true, exemptionReason: '', presenter: '', minutes: '', resolutions: [] }
    : { number, title, partTwo, exempt: false, exemptionReason: '', presenter: '', minutes, resolutions };
}

function publicMinutes(items: MinutesItem[], version: CouncilMinutes['version'] = 'public'): CouncilMinutes {
  return {
    version, marking: null, bodyName: 'Charnwood JAG', heading: '', date: '', draft: false, confirmation: null, stage: 'published',
    revision: null, chairedBy: null, present: [], inAttendance: [], apologies: [], declarations: [], items, actions: [],
    escalations: [], priorities: [], nextMeeting: null,
  };
}

describe('published minutes in search', () => {
  let db: Db;
  let cleanup: () => void;

  beforeEach(async () => {
    ({ db, cleanup } = await openAndConfidentialBodies({ open: JAG, confidential: CONFIDENTIAL }));
    await sql`insert into users (id, email, name, agency_id, password_hash, created_at) values
      (${MEMBER}, 'member@jag.test', 'Member', 1, 'x', '2026-11-01'), (${PARTNER}, 'partner@csp.test', 'Partner', 1, 'x', '2026-11-01')`.execute(db);
    await sql`insert into memberships (body_id, user_id, role) values (${JAG}, ${MEMBER}, 'member'), (${CONFIDENTIAL}, ${MEMBER}, 'member')`.execute(db);
    await sql`insert into meetings (id, body_id, title, starts_at, status, created_at) values
      (${PUBLISHED_MEETING}, ${JAG}, 'JAG', ${STARTS_AT}, 'closed', '2026-11-01'),
      (${DRAFT_MEETING}, ${JAG}, 'JAG', '2026-12-15T10:00:00.000Z', 'closed', '2026-11-01'),
      (${CONFIDENTIAL_MEETING}, ${CONFIDENTIAL}, 'Youth JAG', ${STARTS_AT}, 'closed', '2026-11-01')`.execute(db);
    // The working record, as the meetings' live documents mirror it.
    await sql`insert into agenda_items (meeting_id, item_id, position, title, presenter, minutes_allotted, part_two, minutes) values
      (${PUBLISHED_MEETING}, 'i1', 0, 'Hate crime review', '', 10, 0, 'Tagging at the PUFFIN underpass'),
      (${PUBLISHED_MEETING}, 'i2', 1, 'Premises closure', '', 10, 1, 'Exempt: NARWHAL premises'),
      (${DRAFT_MEETING}, 'i1', 0, 'Lighting', '', 10, 0, 'Draft words about GANNET lighting'),
      (${CONFIDENTIAL_MEETING}, 'i1', 0, 'Named young people', '', 10, 0, 'Discussed PUFFIN and the family')`.execute(db);
    await sql`insert into decisions (meeting_id, item_id, decision_id, position, text) values
      (${PUBLISHED_MEETING}, 'i1', 'd1', 0, 'RESOLVED that PUFFIN patrols continue')`.execute(db);
    await db.transaction().execute((trx) =>
      indexPublishedMinutes(trx, {
        meetingId: PUBLISHED_MEETING,
        bodyId: JAG,
        startsAt: STARTS_AT,
        minutes: publicMinutes([
          item(14, 'Hate crime review', 'Tagging at the PUFFIN underpass', [{ wording: 'that PUFFIN patrols continue', reason: 'Tagging has doubled' }]),
          item(15, '', '', [], true),
        ]),
      }),
    );
  });
  afterEach(async () => {
    await db.destroy();
    cleanup();
  });

  const find = (userId: number, q: string) => createSearchService({ db }).search(userId, searchRequest.parse({ q }));
  const publishedEntries = async () =>
    (await sql<{ kind: string; body_id: number; part_two: number; title: string; text: string }>`
      select kind, body_id, part_two, title, text from search_entries where published = 1 order by kind`.execute(db)).rows;

  it('lets a partner outside the body find the published minutes and resolutions, linked to the minutes', async () => {
    const answer = await find(PARTNER, 'puffin');
    expect(answer.total).toBe(2);
    expect(answer.results.map(({ kind, title, link }) => ({ kind, title, link })).sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { kind: 'decision', title: 'Hate crime review', link: '/meetings/1/minutes' },
      { kind: 'minutes', title: 'Hate crime review', link: '/meetings/1/minutes' },
    ]);
    const decision = answer.results.find((result) => result.kind === 'decision')!;
    expect(decision.snippet).toBe('RESOLVED that <mark>PUFFIN</mark> patrols continue Reason: Tagging has doubled');
    expect(answer.results.every((result) => result.body.name === 'Charnwood JAG')).toBe(true);
  });

  it('never shows a partner a Part II item, a draft or a confidential body’s minutes', async () => {
    expect((await find(PARTNER, 'narwhal')).total).toBe(0);
    expect((await find(PARTNER, 'gannet')).total).toBe(0);
    expect((await find(PARTNER, 'family')).total).toBe(0);
    // A confidential body's minutes have no public version: nothing of theirs is indexed even if asked.
    await db.transaction().execute((trx) =>
      indexPublishedMinutes(trx, { meetingId: CONFIDENTIAL_MEETING, bodyId: CONFIDENTIAL, startsAt: STARTS_AT, minutes: publicMinutes([item(1, 'Named young people', 'Discussed PUFFIN and the family')]) }),
    );
    expect((await publishedEntries()).map((entry) => entry.body_id)).toEqual([JAG, JAG]);
    expect((await find(PARTNER, 'family')).total).toBe(0);
  });

  it('refuses to publish the full version to search', async () => {
    await expect(
      db.transaction().execute((trx) =>
        indexPublishedMinutes(trx, { meetingId: PUBLISHED_MEETING, bodyId: JAG, startsAt: STARTS_AT, minutes: publicMinutes([item(15, 'Premises closure', 'Exempt: NARWHAL premises')], 'full') }),
      ),
    ).rejects.toThrow(/public version/);
    expect((await find(PARTNER, 'narwhal')).total).toBe(0);
  });

  it('shows a member the working record once, not the published copy as well', async () => {
    const answer = await find(MEMBER, 'puffin patrols');
    expect(answer.results.map(({ kind, link }) => ({ kind, link }))).toEqual([{ kind: 'decision', link: '/meetings/1' }]);
    const minutes = await find(MEMBER, 'puffin underpass');
    expect(minutes.results.map(({ kind, link }) => ({ kind, link }))).toEqual([{ kind: 'minutes', link: '/meetings/1' }]);
    // Their own draft and Part II item, from the working record.
    expect((await find(MEMBER, 'gannet')).total).toBe(1);
    expect((await find(MEMBER, 'narwhal')).total).toBe(1);
  });

  it('keeps what was published while the working record is corrected, and replaces it when a correction is published', async () => {
    const before = await publishedEntries();
    await sql`update agenda_items set title = 'Renamed', part_two = 1, minutes = 'Tagging at the HERON bridge' where meeting_id = 1 and item_id = 'i1'`.execute(db);
    await sql`delete from decisions where meeting_id = 1`.execute(db);
    await sql`delete from agenda_items where meeting_id = 1 and item_id = 'i2'`.execute(db);
    expect(await publishedEntries()).toEqual(before);
    expect((await find(PARTNER, 'puffin')).total).toBe(2);
    expect((await find(PARTNER, 'heron')).total).toBe(0);

    await db.transaction().execute((trx) =>
      indexPublishedMinutes(trx, { meetingId: PUBLISHED_MEETING, bodyId: JAG, startsAt: STARTS_AT, minutes: publicMinutes([item(14, 'Hate crime review', 'Tagging at the HERON bridge')]) }),
    );
    expect((await find(PARTNER, 'puffin')).total).toBe(0);
    expect((await find(PARTNER, 'heron')).results.map((result) => result.link)).toEqual(['/meetings/1/minutes']);
  });
});
