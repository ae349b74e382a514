import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { sqliteOf } from '../../../server/db/database.js';
import { projectMeeting } from '../../../server/meetings/meeting-projection.js';
import { agendaOf, attendanceOf, initialiseMeetingDoc, readAgenda, readMeetingDoc } from '../../../shared/meeting-doc.js';
import { openSeededTestDatabase, type TestDatabase } from '../../support/test-database.js';

describe('the SQL mirror of a meeting', () => {
  let database: TestDatabase;
  let meetingId: number;
  let memberIds: number[];

  beforeAll(async () => {
    database = openSeededTestDatabase();
    const meeting = await database.db.selectFrom('meetings').select(['id', 'body_id']).orderBy('id').executeTakeFirstOrThrow();
    meetingId = meeting.id;
    memberIds = (await database.db.selectFrom('memberships').select('user_id').where('body_id', '=', meeting.body_id).execute()).map((row) => row.user_id);
    // Count every row written, so the test sees what a projection touched.
    await sql`create temp table writes (tbl text)`.execute(database.db);
    for (const table of ['agenda_items', 'decisions', 'attendance', 'declarations']) {
      for (const event of ['insert', 'update', 'delete']) {
        await sql.raw(`create temp trigger ${table}_${event} after ${event} on ${table} begin insert into writes values ('${table}'); end`).execute(database.db);
      }
    }
  });
  afterAll(() => database.dispose());

  const writes = async () => Number((await sql<{ n: number }>`select count(*) as n from writes`.execute(database.db)).rows[0]!.n);

  it('writes only what changed, and ends equal to the document', async () => {
    const doc = new Y.Doc();
    initialiseMeetingDoc(doc, 'live', [
      { title: 'Apologies', minutesAllotted: 5 },
      { title: 'Hate crime review', minutesAllotted: 15 },
      { title: 'Any other business', minutesAllotted: 10 },
    ]);
    attendanceOf(doc).set(String(memberIds[0]), 'present');
    await projectMeeting(database.db, meetingId, readMeetingDoc(doc));
    const afterFirst = await writes();

    // One item's minutes typed, one person's attendance added: two rows written, not the meeting's all.
    (agendaOf(doc).get(readAgenda(doc)[1]!.id)!.get('minutes') as Y.Text).insert(0, 'Three premises visited.');
    attendanceOf(doc).set(String(memberIds[1]), 'apologies');
    await projectMeeting(database.db, meetingId, readMeetingDoc(doc));
    expect((await writes()) - afterFirst).toBe(2);

    agendaOf(doc).delete(readAgenda(doc)[2]!.id);
    await projectMeeting(database.db, meetingId, readMeetingDoc(doc));
    const items = await database.db.selectFrom('agenda_items').select(['title', 'minutes', 'position']).where('meeting_id', '=', meetingId).orderBy('position').execute();
    expect(items).toEqual([
      { title: 'Apologies', minutes: '', position: 0 },
      { title: 'Hate crime review', minutes: 'Three premises visited.', position: 1 },
    ]);
    const attendance = await database.db.selectFrom('attendance').select(['user_id', 'status']).where('meeting_id', '=', meetingId).orderBy('user_id').execute();
    expect(attendance).toEqual(
      [
        { user_id: memberIds[0], status: 'present' },
        { user_id: memberIds[1], status: 'apologies' },
      ].sort((a, b) => a.user_id! - b.user_id!),
    );
  });

  it('is its own transaction: it refuses to run inside another write left open, and writes nothing', async () => {
    const doc = new Y.Doc();
    initialiseMeetingDoc(doc, 'live', [{ title: 'Refused mid-transaction', minutesAllotted: 5 }]);
    const before = await writes();
    const sqlite = sqliteOf(database.db);
    sqlite.exec('begin');
    try {
      await expect(projectMeeting(database.db, meetingId, readMeetingDoc(doc))).rejects.toThrow(/between transactions/);
    } finally {
      sqlite.exec('rollback');
    }
    expect(await writes()).toBe(before);
    const titles = await database.db.selectFrom('agenda_items').select('title').where('meeting_id', '=', meetingId).execute();
    expect(titles.map((row) => row.title)).not.toContain('Refused mid-transaction');
  });
});
