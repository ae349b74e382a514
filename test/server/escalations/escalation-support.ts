import * as Y from 'yjs';
import { actionLogDocName, actionsOf, addAction, addProgress } from '../../../shared/action-log-doc.js';
import type { ActionSummary, EscalationSummary } from '../../../shared/api.js';
import { readAgenda } from '../../../shared/meeting-doc.js';
import { meetingDocName } from '../../../shared/meetings.js';
import { bearer, type TestServer } from '../../support/test-server.js';

export interface Answer {
  status: number;
  text: string;
  json: any;
}

/** One API call as a signed-in user, answered with its status and body (kept as text for leak checks). */
export async function call(server: TestServer, token: string, method: string, path: string, body?: unknown): Promise<Answer> {
  const response = await server.request(path, {
    method,
    headers: { ...bearer(token), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}

export interface NewTestAction {
  title: string;
  description?: string;
  ownerId?: number | null;
  /** A progress update by the owner. */
  progress?: string;
}

/** Raises an action straight in a body's live log, as a member's edit would, and waits for its projection. */
export async function raiseAction(server: TestServer, bodyId: number, action: NewTestAction): Promise<string> {
  const docName = actionLogDocName(bodyId);
  let id = '';
  await server.registry.change(docName, (doc) => {
    id = addAction(doc, { title: action.title, ownerId: action.ownerId ?? null });
    const map = actionsOf(doc).get(id)!;
    if (action.description) (map.get('description') as Y.Text).insert(0, action.description);
    if (action.progress && action.ownerId) addProgress(doc, id, { authorId: action.ownerId, at: new Date().toISOString(), text: action.progress });
  });
  await server.registry.flush(docName);
  return id;
}

/** An action as its own body's members see it. */
export async function actionOf(server: TestServer, token: string, bodyId: number, actionId: string): Promise<ActionSummary> {
  const answer = await call(server, token, 'GET', `/api/bodies/${bodyId}/actions?status=all`);
  const action = (answer.json.actions as ActionSummary[]).find((each) => each.id === actionId);
  if (!action) throw new Error(`no action ${actionId} in body ${bodyId}: ${answer.status}`);
  return action;
}

/** The live action as its log holds it, progress included. */
export async function liveActionOf(server: TestServer, bodyId: number, actionId: string) {
  let found: { status: unknown; closedAt: unknown; progress: string[]; description: string } | undefined;
  await server.registry.change(actionLogDocName(bodyId), (doc) => {
    const map = actionsOf(doc).get(actionId);
    if (!map) return;
    const progress = map.get('progress') as Y.Array<Y.Map<unknown>>;
    found = {
      status: map.get('status'),
      closedAt: map.get('closedAt'),
      progress: progress.toArray().map((entry) => String(entry.get('text'))),
      description: String(map.get('description')),
    };
  });
  return found!;
}

export async function agendaOf(server: TestServer, meetingId: number) {
  const doc = new Y.Doc();
  await server.registry.change(meetingDocName(meetingId), (live) => Y.applyUpdate(doc, Y.encodeStateAsUpdate(live)));
  return readAgenda(doc);
}

export async function userId(server: TestServer, local: string): Promise<number> {
  const row = await server.database.db.selectFrom('users').select('id').where('email', '=', `${local}@demo.quorum.test`).executeTakeFirstOrThrow();
  return row.id;
}

export const escalationOf = (answer: Answer): EscalationSummary => answer.json.escalation as EscalationSummary;
