import { setImmediate as nextTurn } from 'node:timers/promises';
import type SQLite from 'better-sqlite3';
import type { MeetingSnapshot } from '../../shared/meeting-doc.js';
import { keptStatement, sqliteOf, type Db } from '../db/database.js';

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
 * It holds the event loop while peers type (the rows' search index is kept
 * by triggers), so it runs as one transaction of prepared statements: under
 * typing load the write takes about half what it took through the query
 * builder (~1.0 → ~0.5 ms).
 */
export async function projectMeeting(db: Db, meetingId: number, snapshot: MeetingSnapshot): Promise<void> {
  // Read already (in turn with the room's messages); written a turn later, so messages that arrived meanwhile go first.
  await nextTurn();
  let meetings = remembered.get(db);
  if (!meetings) remembered.set(db, (meetings = new Map()));
  const before = meetings.get(meetingId);
  meetings.delete(meetingId); // kept again only once committed: after a failure, SQL is read afresh
  const sqlite = sqliteOf(db);
  // Its own transaction, committed here: never a part of some other write still open on the connection.
  if (sqlite.inTransaction) throw new Error('a meeting is projected only between transactions');
  const after = sqlite.transaction(() => writeMeetingProjection(sqlite, meetingId, snapshot, before))();
  meetings.set(meetingId, after);
  if (meetings.size > REMEMBERED_MEETINGS) meetings.delete(meetings.keys().next().value!);
}

/** The projection itself, inside a transaction the caller holds on `sqlite`; `before` is what the rows held, if known. */
export function writeMeetingProjection(sqlite: SQLite.Database, meetingId: number, snapshot: MeetingSnapshot, before?: MeetingRows): MeetingRows {
  const after: MeetingRows = new Map();
  const sync = (table: MeetingTable, keyColumn: string, rows: Row[]) => {
    after.set(table, syncMeetingRows(sqlite, table, keyColumn, meetingId, rows, before?.get(table)));
  };
  sync('agenda_items', 'item_id', snapshot.agenda.map((item, position) => ({
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
  sync('decisions', 'decision_id', snapshot.agenda.flatMap((item) =>
    item.decisions.map((decision, position) => ({ meeting_id: meetingId, item_id: item.id, decision_id: decision.id, position, text: decision.text })),
  ));
  sync('attendance', 'user_id', Object.entries(snapshot.attendance).map(([userId, status]) => ({
    meeting_id: meetingId,
    user_id: Number(userId),
    status,
  })));
  sync('declarations', 'declaration_id', snapshot.declarations.map((declaration) => ({
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
 * Returns the rows it now holds. Table and column names are this module's own.
 */
function syncMeetingRows(
  sqlite: SQLite.Database,
  table: MeetingTable,
  key: string,
  meetingId: number,
  rows: Row[],
  known?: ReadonlyMap<string | number | null, Row>,
): Map<string | number | null, Row> {
  const existing = new Map(
    known ?? (keptStatement(sqlite, `select * from ${table} where meeting_id = ?`).all(meetingId) as Row[]).map((row) => [row[key]!, row]),
  );
  const now = new Map(rows.map((row) => [row[key]!, row]));
  for (const row of rows) {
    // As the query builder did: a field the document lacks is left to the column's default, not written as null.
    const columns = Object.keys(row).filter((column) => row[column] !== undefined);
    const before = existing.get(row[key]!);
    existing.delete(row[key]!);
    if (!before) {
      const insert = `insert into ${table} (${columns.map(quoted).join(', ')}) values (${columns.map(() => '?').join(', ')})`;
      keptStatement(sqlite, insert).run(...columns.map((column) => row[column]));
    } else if (columns.some((column) => before[column] !== row[column])) {
      const update = `update ${table} set ${columns.map((column) => `${quoted(column)} = ?`).join(', ')} where meeting_id = ? and ${quoted(key)} = ?`;
      keptStatement(sqlite, update).run(...columns.map((column) => row[column]), meetingId, row[key]);
    }
  }
  for (const gone of existing.keys()) keptStatement(sqlite, `delete from ${table} where meeting_id = ? and ${quoted(key)} = ?`).run(meetingId, gone);
  return now;
}

const quoted = (column: string) => `"${column}"`;
