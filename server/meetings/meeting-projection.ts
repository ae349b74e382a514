import type { Kysely } from 'kysely';
import type { MeetingSnapshot } from '../../shared/meeting-doc.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/tables.js';

/**
 * Mirrors a meeting document's agenda, decisions, attendance and declarations
 * into SQL, so reports, minutes and search query tables, not documents. Runs
 * after every burst of typing, so it writes only the rows that changed.
 */
export async function projectMeeting(db: Db, meetingId: number, snapshot: MeetingSnapshot): Promise<void> {
  await db.transaction().execute((trx) => writeMeetingProjection(trx, meetingId, snapshot));
}

/** The projection itself, inside a transaction the caller holds. */
export async function writeMeetingProjection(trx: Db, meetingId: number, snapshot: MeetingSnapshot): Promise<void> {
  await syncMeetingRows(trx, 'agenda_items', 'item_id', meetingId, snapshot.agenda.map((item, position) => ({
    meeting_id: meetingId,
    item_id: item.id,
    position,
    title: item.title,
    presenter: item.presenter,
    minutes_allotted: item.minutesAllotted,
    part_two: item.partTwo ? 1 : 0,
    exemption_paragraph: item.exemptionParagraph ?? null,
    minutes: item.minutes,
  })));
  await syncMeetingRows(trx, 'decisions', 'decision_id', meetingId, snapshot.agenda.flatMap((item) =>
    item.decisions.map((decision, position) => ({ meeting_id: meetingId, item_id: item.id, decision_id: decision.id, position, text: decision.text })),
  ));
  await syncMeetingRows(trx, 'attendance', 'user_id', meetingId, Object.entries(snapshot.attendance).map(([userId, status]) => ({
    meeting_id: meetingId,
    user_id: Number(userId),
    status,
  })));
  await syncMeetingRows(trx, 'declarations', 'declaration_id', meetingId, snapshot.declarations.map((declaration) => ({
    meeting_id: meetingId,
    declaration_id: declaration.id,
    user_id: declaration.userId,
    item_id: declaration.itemId,
    interest: declaration.interest,
  })));
}

type MeetingTable = 'agenda_items' | 'decisions' | 'attendance' | 'declarations';
type Row = Record<string, string | number | null>;

/**
 * Makes a meeting's rows of one table equal `rows`, keyed within the meeting
 * by `key`: deletes the rows that went, inserts the new, updates the changed
 * and leaves the rest alone.
 */
async function syncMeetingRows<T extends MeetingTable>(trx: Db, tableName: T, keyColumn: keyof Database[T] & string, meetingId: number, rows: Row[]): Promise<void> {
  const [table, key] = [tableName as string, keyColumn as string];
  // The four tables share the (meeting_id, key) shape; kysely cannot type a query generic over tables.
  const db = trx as unknown as Kysely<Record<string, Row>>;
  const existing = new Map(
    (await db.selectFrom(table).selectAll().where('meeting_id', '=', meetingId).execute()).map((row) => [row[key], row]),
  );
  const inserts: Row[] = [];
  for (const row of rows) {
    const before = existing.get(row[key]!);
    existing.delete(row[key]!);
    if (!before) inserts.push(row);
    else if (Object.keys(row).some((column) => before[column] !== row[column])) {
      await db.updateTable(table).set(row).where('meeting_id', '=', meetingId).where(key, '=', row[key]!).execute();
    }
  }
  for (const gone of existing.keys()) await db.deleteFrom(table).where('meeting_id', '=', meetingId).where(key, '=', gone!).execute();
  for (let start = 0; start < inserts.length; start += 200) await db.insertInto(table).values(inserts.slice(start, start + 200)).execute();
}
