import type { MeetingSnapshot } from '../../shared/meeting-doc.js';
import type { Db } from '../db/database.js';

/**
 * Mirrors a meeting document's agenda, decisions, attendance and declarations
 * into SQL, so reports and later features query tables, not documents.
 * Rewrites the meeting's rows in one transaction: a meeting has tens of items.
 */
export async function projectMeeting(db: Db, meetingId: number, snapshot: MeetingSnapshot): Promise<void> {
  await db.transaction().execute((trx) => writeMeetingProjection(trx, meetingId, snapshot));
}

/** The rewrite itself, inside a transaction the caller holds. */
export async function writeMeetingProjection(trx: Db, meetingId: number, snapshot: MeetingSnapshot): Promise<void> {
  for (const table of ['agenda_items', 'decisions', 'attendance', 'declarations'] as const) {
    await trx.deleteFrom(table).where('meeting_id', '=', meetingId).execute();
  }
  const items = snapshot.agenda.map((item, position) => ({
    meeting_id: meetingId,
    item_id: item.id,
    position,
    title: item.title,
    presenter: item.presenter,
    minutes_allotted: item.minutesAllotted,
    part_two: item.partTwo ? 1 : 0,
    minutes: item.minutes,
  }));
  if (items.length > 0) await trx.insertInto('agenda_items').values(items).execute();

  const decisions = snapshot.agenda.flatMap((item) =>
    item.decisions.map((decision, position) => ({
      meeting_id: meetingId,
      item_id: item.id,
      decision_id: decision.id,
      position,
      text: decision.text,
    })),
  );
  if (decisions.length > 0) await trx.insertInto('decisions').values(decisions).execute();

  const attendance = Object.entries(snapshot.attendance).map(([userId, status]) => ({
    meeting_id: meetingId,
    user_id: Number(userId),
    status,
  }));
  if (attendance.length > 0) await trx.insertInto('attendance').values(attendance).execute();

  const declarations = snapshot.declarations.map((declaration) => ({
    meeting_id: meetingId,
    declaration_id: declaration.id,
    user_id: declaration.userId,
    item_id: declaration.itemId,
    interest: declaration.interest,
  }));
  if (declarations.length > 0) await trx.insertInto('declarations').values(declarations).execute();
}
