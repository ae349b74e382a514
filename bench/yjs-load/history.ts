// Quorum's database for the bench: the demo partnership plus meetings with long update histories,
// prepared once and copied for each server process.
import { copyFileSync, existsSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import * as Y from 'yjs';
import { migrateToLatest, openDatabase } from '../../server/db/database.js';
import { seedDemoPartnership } from '../../server/seed/seed-demo.js';
import { initialiseMeetingDoc, type AgendaTemplateItem } from '../../shared/meeting-doc.js';
import { meetingDocName, standardAgenda } from '../../shared/meetings.js';
import { minutesOf } from './peers.js';

export interface HistoryMeeting {
  docName: string;
  rows: number;
  bytes: number;
  minutesLength: number;
}

/**
 * A long-history meeting's update log, as the server would have stored it:
 * the initial content, then one update per keystroke (typing at a cursor,
 * now and then a backspace or a jump to another place).
 */
export function buildHistory(agenda: readonly AgendaTemplateItem[], rows: number): { updates: Uint8Array[]; minutesLength: number } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  initialiseMeetingDoc(doc, 'live', agenda);
  const minutes = minutesOf(doc)!;
  let seed = 20_260_101;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  let cursor = 0;
  for (let i = 1; i < rows; i++) {
    const roll = random();
    if (roll < 0.05 && cursor > 0) {
      minutes.delete(cursor - 1, 1);
      cursor--;
    } else {
      if (roll > 0.97) cursor = Math.floor(random() * (minutes.length + 1));
      minutes.insert(cursor, 'abcdefghijklmnopqrstuvwxyz '[i % 27]!);
      cursor++;
    }
  }
  const minutesLength = minutes.length;
  doc.destroy();
  return { updates, minutesLength };
}

/**
 * Seeds the demo partnership and writes `count` long-history live JAG meetings
 * (`rows` updates each) and `shortCount` ones holding their first content alone
 * (one update, which start-up folding turns into a snapshot) straight into SQLite.
 */
export async function prepareQuorumDatabase(
  path: string,
  { count, rows, shortCount }: { count: number; rows: number; shortCount: number },
): Promise<{ history: HistoryMeeting[]; baselines: HistoryMeeting[] }> {
  const db = openDatabase({ path });
  await migrateToLatest(db);
  await seedDemoPartnership(db);
  await db.destroy();

  const sqlite = new SQLite(path);
  try {
    const jag = sqlite.prepare(`SELECT id FROM bodies WHERE short_name = 'Charnwood JAG'`).get() as { id: number };
    const standing = sqlite
      .prepare('SELECT title, minutes_allotted FROM body_standing_items WHERE body_id = ? ORDER BY position')
      .all(jag.id) as { title: string; minutes_allotted: number }[];
    const agenda = standardAgenda(standing.map((row) => ({ title: row.title, minutesAllotted: row.minutes_allotted })));
    const { updates, minutesLength } = buildHistory(agenda, rows);
    const now = new Date().toISOString();
    const insertMeeting = sqlite.prepare(
      `INSERT INTO meetings (body_id, title, starts_at, location, status, created_at, started_at)
       VALUES (?, ?, ?, 'Loughborough Police Station', 'live', ?, ?)`,
    );
    const insertUpdate = sqlite.prepare('INSERT INTO doc_updates (doc_name, id, "update", user_id, created_at) VALUES (?, ?, ?, NULL, ?)');
    const write = sqlite.transaction((title: string, log: Uint8Array[]) => {
      const meetingId = Number(insertMeeting.run(jag.id, title, now, now, now).lastInsertRowid);
      const docName = meetingDocName(meetingId);
      log.forEach((update, index) => insertUpdate.run(docName, index + 1, Buffer.from(update), now));
      return docName;
    });
    const bytes = updates.reduce((sum, update) => sum + update.length, 0);
    const history = Array.from({ length: count }, (_, i) => ({
      docName: write(`Long history ${i + 1}`, updates),
      rows: updates.length,
      bytes,
      minutesLength,
    }));
    const baselines = Array.from({ length: shortCount }, (_, i) => ({
      docName: write(`Short history ${i + 1}`, updates.slice(0, 1)),
      rows: 1,
      bytes: updates[0]!.length,
      minutesLength: 0,
    }));
    // Everything into the main file, so that a copy of it alone is the whole database.
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    return { history, baselines };
  } finally {
    sqlite.close();
  }
}

/** A fresh copy of the prepared database for one server process (no copy shares a WAL with another). */
export function copyDatabase(from: string, to: string): void {
  copyFileSync(from, to);
  if (existsSync(`${from}-wal`)) copyFileSync(`${from}-wal`, `${to}-wal`);
}

/** How a document is stored right now: "from snapshot + 0 log rows". */
export function storedForm(path: string, docName: string): string {
  const { log, snapshot } = storedRows(path, docName);
  return `from ${snapshot ? 'snapshot + ' : ''}${log} log rows`;
}

export function storedRows(path: string, docName: string): { log: number; snapshot: boolean } {
  const sqlite = new SQLite(path, { readonly: true });
  try {
    const log = (sqlite.prepare('SELECT count(*) AS n FROM doc_updates WHERE doc_name = ?').get(docName) as { n: number }).n;
    const snapshot = sqlite.prepare('SELECT 1 FROM doc_snapshots WHERE doc_name = ?').get(docName) !== undefined;
    return { log, snapshot };
  } finally {
    sqlite.close();
  }
}
