import { sql } from 'kysely';
import * as Y from 'yjs';
import { migrateToLatest, openDatabase, type Db } from '../../../server/db/database.js';
import { agendaOf, readAgenda } from '../../../shared/meeting-doc.js';
import { meetingDocName } from '../../../shared/meetings.js';
import type { SearchResponse } from '../../../shared/search.js';
import { call } from '../escalations/escalation-support.js';
import { temporaryDatabasePath } from '../../support/test-database.js';
import type { TestServer } from '../../support/test-server.js';

/** A migrated database in a temporary file holding one agency, an open JAG and a confidential Youth JAG, under the ids given. */
export async function openAndConfidentialBodies(ids: { open: number; confidential: number }): Promise<{ db: Db; cleanup: () => void }> {
  const temporary = temporaryDatabasePath();
  const db = openDatabase({ path: temporary.path });
  await migrateToLatest(db);
  await sql`insert into agencies (id, name, short_name) values (1, 'Charnwood Borough Council', 'CBC')`.execute(db);
  await sql`insert into bodies (id, name, short_name, kind, tier, parent_id, confidential, cadence, reference_prefix) values
    (${ids.open}, 'Charnwood JAG', 'JAG', 'jag', 3, null, 0, 'monthly', 'JAG'),
    (${ids.confidential}, 'Youth JAG', 'YJAG', 'jag', 3, null, 1, 'monthly', 'YJAG')`.execute(db);
  return { db, cleanup: temporary.cleanup };
}

/** Types into one agenda item of a meeting's live document, as members would, and waits for the projection. */
export async function writeMinutes(
  server: TestServer,
  meetingId: number,
  itemIndex: number,
  { minutes, partTwo, decision }: { minutes: string; partTwo?: boolean; decision?: string },
): Promise<void> {
  const docName = meetingDocName(meetingId);
  await server.registry.change(docName, (doc) => {
    const item = agendaOf(doc).get(readAgenda(doc)[itemIndex]!.id)!;
    (item.get('minutes') as Y.Text).insert(0, minutes);
    if (partTwo !== undefined) item.set('partTwo', partTwo);
    if (decision) {
      const entry = new Y.Map<unknown>();
      (item.get('decisions') as Y.Array<Y.Map<unknown>>).push([entry]);
      entry.set('id', `d${Date.now().toString(36)}`);
      entry.set('text', new Y.Text(decision));
    }
  });
  await server.registry.flush(docName);
}

/** A search as a signed-in user, with its raw text kept for leak checks. */
export async function search(server: TestServer, token: string, params: Record<string, string | number>) {
  const query = new URLSearchParams(Object.entries(params).map(([key, value]) => [key, String(value)]));
  const answer = await call(server, token, 'GET', `/api/search?${query}`);
  return { ...answer, found: answer.json as SearchResponse };
}
