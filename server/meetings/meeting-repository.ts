import type { MeetingSummary } from '../../shared/api.js';
import type { AgendaTemplateItem } from '../../shared/meeting-doc.js';
import type { MeetingStatus } from '../../shared/meetings.js';
import type { Db } from '../db/database.js';
import { toMeetingSummary } from '../partnership/body-repository.js';

export interface MeetingRecord extends MeetingSummary {
  startedAt: string | null;
  closedAt: string | null;
}

export async function findMeeting(db: Db, meetingId: number): Promise<MeetingRecord | undefined> {
  const row = await db.selectFrom('meetings').selectAll().where('id', '=', meetingId).executeTakeFirst();
  return row && { ...toMeetingSummary(row), startedAt: row.started_at, closedAt: row.closed_at };
}

export async function insertMeeting(
  db: Db,
  meeting: { bodyId: number; title: string; startsAt: string; location: string },
): Promise<number> {
  const { id } = await db
    .insertInto('meetings')
    .values({
      body_id: meeting.bodyId,
      title: meeting.title,
      starts_at: meeting.startsAt,
      location: meeting.location,
      status: 'scheduled',
      created_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateMeetingStatus(db: Db, meetingId: number, status: MeetingStatus, at: string): Promise<void> {
  await db
    .updateTable('meetings')
    .set(status === 'live' ? { status, started_at: at } : status === 'closed' ? { status, closed_at: at } : { status })
    .where('id', '=', meetingId)
    .execute();
}

export async function listStandingItems(db: Db, bodyId: number): Promise<AgendaTemplateItem[]> {
  const rows = await db
    .selectFrom('body_standing_items')
    .select(['title', 'minutes_allotted'])
    .where('body_id', '=', bodyId)
    .orderBy('position')
    .execute();
  return rows.map((row) => ({ title: row.title, minutesAllotted: row.minutes_allotted }));
}

export async function listMemberIds(db: Db, bodyId: number): Promise<Set<number>> {
  const rows = await db.selectFrom('memberships').select('user_id').where('body_id', '=', bodyId).execute();
  return new Set(rows.map((row) => row.user_id));
}

export async function listMeetingIds(db: Db, bodyId: number): Promise<Set<number>> {
  const rows = await db.selectFrom('meetings').select('id').where('body_id', '=', bodyId).execute();
  return new Set(rows.map((row) => row.id));
}
