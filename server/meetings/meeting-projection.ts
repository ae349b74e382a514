import type { Kysely } from 'kysely';
import type { MeetingSnapshot } from '../../shared/meeting-doc.js';
import type { Db } from '../db/database.js';

type MeetingTable = 'agenda_items' | 'decisions' | 'attendance' | 'declarations';
type Row = Record<string, string | number | null>;
/** A meeting's rows as last written, table by table, keyed within the meeting. */
type MeetingRows = Map<MeetingTable, Map<string | number | null, Row>>;

/** Meetings whose rows are remembered (the most recently projected), so typing never reads them back. */
const REMEMBERED_MEETINGS = 200;
const remembered = new WeakMap<Db, Map<number, MeetingRows>>();

/**
 * Mirrors a meeting document's agenda, decisions, attendance and declarations
 * into SQL, so reports, minutes and search query tables, not documents. Runs
 * after every burst of typing, so it writes only the rows that changed,
 * comparing with what it wrote last time (read from SQL only the first time).
 */
export async function projectMeeting(db: Db, meetingId: number, snapshot: MeetingSnapshot): Promise<void> {
  let meetings = remembered.get(db);
  if (!meetings) remembered.set(db, (meetings = new Map()));
  const before = meetings.get(meetingId);
  meetings.delete(meetingId); // kept again only once committed: after a failure, SQL is read afresh
  const after = await db.transaction().execute((trx) => writeMeetingProjection(trx, meetingId, snapshot, before));
  meetings.set(meetingId, after);
  if (meetings.size > REMEMBERED_MEETINGS) meetings.delete(meetings.keys().next().value!);
}

/** The projection itself, inside a transaction the caller holds; `before` is what the rows held, if known. */
export async function writeMeetingProjection(trx: Db, meetingId: number, snapshot: MeetingSnapshot, before?: MeetingRows): Promise<MeetingRows> {
  const after: MeetingRows = new Map();
  const sync = async (table: MeetingTable, keyColumn: string, rows: Row[]) => {
    after.set(table, await syncMeetingRows(trx, table, keyColumn, meetingId, rows, before?.get(table)));
  };
  await sync('agenda_items', 'item_id', snapshot.agenda.map((item, position) => ({
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
  await sync('decisions', 'decision_id', snapshot.agenda.flatMap((item) =>
    item.decisions.map((decision, position) => ({ meeting_id: meetingId, item_id: item.id, decision_id: decision.id, position, text: decision.text })),
  ));
  await sync('attendance', 'user_id', Object.entries(snapshot.attendance).map(([userId, status]) => ({
    meeting_id: meetingId,
    user_id: Number(userId),
    status,
  })));
  await sync('declarations', 'declaration_id', snapshot.declarations.map((declaration) => ({
    meeting_id: meetingId,
    declaration_id: declaration.id,
    user_id: declaration.userId,
    item_id: declaration.itemId,
    interest: declaration.interest,
  })));
  return after;
}

/**
 * Makes a meeting's rows of one table equal `rows`, keyed within the meeting
 * by `key`: deletes the rows that went, inserts the new, updates the changed
 * and leaves the rest alone. `known` is what the table held, when remembered.
 * Resolves with the rows it now holds.
 */
async function syncMeetingRows(
  trx: Db,
  table: MeetingTable,
  key: string,
  meetingId: number,
  rows: Row[],
  known?: ReadonlyMap<string | number | null, Row>,
): Promise<Map<string | number | null, Row>> {
  // The four tables share the (meeting_id, key) shape; kysely cannot type a query generic over tables.
  const db = trx as unknown as Kysely<Record<string, Row>>;
  const existing = new Map(
    known ?? (await db.selectFrom(table).selectAll().where('meeting_id', '=', meetingId).execute()).map((row) => [row[key]!, row]),
  );
  const now = new Map(rows.map((row) => [row[key]!, row]));
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
  return now;
}
