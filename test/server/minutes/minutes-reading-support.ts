/**
 * Meetings with minutes in every state, made directly: the live document
 * written through the registry, and stored versions written with
 * `insertVersion` and a `minutes_records` row (as the lifecycle service
 * would, without going through its steps).
 */
import * as Y from 'yjs';
import { actionLogDocName, actionsOf, addAction, moveActionTo } from '../../../shared/action-log-doc.js';
import type { ActionStatus } from '../../../shared/actions.js';
import type { MeetingResponse } from '../../../shared/api.js';
import type { MinutesConfirmation } from '../../../shared/minutes-api.js';
import type { MinutesStage } from '../../../shared/minutes-lifecycle.js';
import { agendaOf, attendanceOf, readAgenda } from '../../../shared/meeting-doc.js';
import { meetingDocName } from '../../../shared/meetings.js';
import { readCouncilMinutes } from '../../../server/minutes/index.js';
import { insertVersion, markVersionPublished } from '../../../server/minutes/minutes-versions.js';
import { bearer, type TestServer } from '../../support/test-server.js';

export interface ItemEntry {
  minutes?: string;
  decisions?: string[];
  partTwo?: boolean;
  exemptionParagraph?: number;
}

export async function userIdOf(server: TestServer, local: string): Promise<number> {
  return (await server.database.db.selectFrom('users').select('id').where('email', '=', `${local}@demo.quorum.test`).executeTakeFirstOrThrow()).id;
}

async function post(server: TestServer, token: string, path: string, body?: unknown) {
  const response = await server.request(path, {
    method: 'POST',
    headers: { ...bearer(token), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status >= 300) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Schedules a meeting, starts it, writes its minutes (by agenda item title) and who was present, and closes it. */
export async function holdMeeting(
  server: TestServer,
  chairToken: string,
  bodyId: number,
  { startsAt, entries, present = [] }: { startsAt: string; entries: Record<string, ItemEntry>; present?: number[] },
): Promise<number> {
  const { meeting } = (await post(server, chairToken, `/api/bodies/${bodyId}/meetings`, { startsAt, location: 'Loughborough Police Station' })) as MeetingResponse;
  await post(server, chairToken, `/api/meetings/${meeting.id}/start`);
  await writeMinutes(server, meeting.id, entries, present);
  await post(server, chairToken, `/api/meetings/${meeting.id}/close`);
  return meeting.id;
}

/** Writes into the live document, as the server would, and waits for its SQL mirror (which the minutes read). */
export async function writeMinutes(server: TestServer, meetingId: number, entries: Record<string, ItemEntry>, present: number[] = []): Promise<void> {
  const docName = meetingDocName(meetingId);
  await server.registry.change(docName, (doc) => {
    const byTitle = new Map(readAgenda(doc).map((item) => [item.title, item.id]));
    for (const [title, entry] of Object.entries(entries)) {
      const item = agendaOf(doc).get(byTitle.get(title)!)!;
      if (entry.minutes) (item.get('minutes') as Y.Text).insert((item.get('minutes') as Y.Text).length, entry.minutes);
      if (entry.partTwo) item.set('partTwo', true);
      if (entry.exemptionParagraph) item.set('exemptionParagraph', entry.exemptionParagraph);
      for (const [index, text] of (entry.decisions ?? []).entries()) {
        const decision = new Y.Map<unknown>();
        (item.get('decisions') as Y.Array<Y.Map<unknown>>).push([decision]);
        decision.set('id', `d${index}${title}${meetingId}`.replace(/[^a-z0-9]/gi, '').slice(0, 24).padEnd(10, 'a'));
        decision.set('text', new Y.Text(text));
      }
    }
    for (const userId of present) attendanceOf(doc).set(String(userId), 'present');
  });
  await server.registry.flush(docName);
}

export async function setStage(server: TestServer, meetingId: number, stage: MinutesStage): Promise<void> {
  const at = new Date().toISOString();
  await server.database.db
    .insertInto('minutes_records')
    .values({ meeting_id: meetingId, stage, updated_at: at })
    .onConflict((oc) => oc.column('meeting_id').doUpdateSet({ stage, updated_at: at }))
    .execute();
}

/** Stores the working copy as the next version, as confirming or issuing a correction does. */
export async function storeVersion(
  server: TestServer,
  meetingId: number,
  by: { userId: number; confirmation: MinutesConfirmation; reason?: string; published?: boolean; withPublic?: boolean },
): Promise<number> {
  const db = server.database.db;
  const copy = async (version: 'full' | 'public') => ({
    ...(await readCouncilMinutes(db, meetingId, by.userId, version, 'working')),
    confirmation: by.confirmation,
  });
  const content = { full: await copy('full'), public: by.withPublic === false ? null : await copy('public') };
  return db.transaction().execute((trx) =>
    insertVersion(trx, meetingId, content, { userId: by.userId, reason: by.reason ?? null, at: new Date().toISOString(), published: by.published ?? false }),
  );
}

export async function publishVersion(server: TestServer, meetingId: number, number: number): Promise<void> {
  await markVersionPublished(server.database.db, meetingId, number, new Date().toISOString());
}

/** Raises an action in the body's live log against a meeting's item, in the given status, and waits for its mirror. */
export async function raiseMeetingAction(
  server: TestServer,
  bodyId: number,
  action: { title: string; meetingId: number; itemTitle: string; status?: ActionStatus; dueDate?: string | null },
): Promise<string> {
  let itemId = '';
  await server.registry.change(meetingDocName(action.meetingId), (doc) => {
    itemId = readAgenda(doc).find((item) => item.title === action.itemTitle)!.id;
  });
  const docName = actionLogDocName(bodyId);
  let id = '';
  await server.registry.change(docName, (doc) => {
    id = addAction(doc, { title: action.title, dueDate: action.dueDate ?? null, sourceMeetingId: action.meetingId, sourceItemId: itemId });
    if (action.status) moveActionTo(actionsOf(doc).get(id)!, action.status);
  });
  await server.registry.flush(docName);
  return id;
}
