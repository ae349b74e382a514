/**
 * The cast of the access matrix: which demo user plays which part on the two
 * bodies under test, the open Charnwood JAG and the confidential Youth JAG.
 * The seed lacks a Youth JAG observer and former members of either body, so
 * `startCast` makes them in the test database before anyone signs in.
 */
import { actionLogDocName, addAction } from '../../shared/action-log-doc.js';
import type { MeetingResponse } from '../../shared/api.js';
import type { MeetingStatus } from '../../shared/meetings.js';
import type { Role } from '../../shared/roles.js';
import { bodyId } from './meetings.js';
import { bearer, startTestServer, type TestServer } from './test-server.js';

/** The parts, in the order the matrices list them. */
export const PARTS = ['chair', 'vice-chair', 'secretariat', 'member', 'observer', 'other-body', 'former', 'outsider'] as const;
export type Part = (typeof PARTS)[number];

/** The membership role each part holds on the body it plays on; null for the non-members. */
export const PART_ROLES: Record<Part, Role | null> = {
  chair: 'chair',
  'vice-chair': 'vice-chair',
  secretariat: 'secretariat',
  member: 'member',
  observer: 'observer',
  'other-body': null,
  former: null,
  outsider: null,
};

export const BODIES = ['jag', 'youthJag'] as const;
export type BodyKey = (typeof BODIES)[number];
export const BODY_SHORT_NAMES: Record<BodyKey, string> = { jag: 'Charnwood JAG', youthJag: 'Youth JAG' };

/** Email local parts. */
export const CAST: Record<BodyKey, Record<Part, string>> = {
  jag: {
    chair: 'chair.jag',
    'vice-chair': 'ci.barker',
    secretariat: 'community.safety',
    member: 'member.jag',
    observer: 'observer.jag',
    'other-body': 'chair.csp',
    // Not `fire`: they own a JAG action, and an action owned by a non-member
    // makes every later structural edit of the JAG's log fail validation.
    former: 'housing',
    outsider: 'outsider',
  },
  youthJag: {
    chair: 'chair.youthjag',
    'vice-chair': 'yjs',
    secretariat: 'community.safety',
    member: 'county',
    observer: 'voluntary', // given an observer seat below
    'other-body': 'chair.csp',
    former: 'sgt.walsh', // owns no Youth JAG action
    outsider: 'outsider',
  },
};

/** A body id and a meeting id no row has. */
export const MISSING_ID = 999_999;

export interface Cast {
  server: TestServer;
  bodyIds: Record<BodyKey, number>;
  token(body: BodyKey, part: Part): string;
  userId(local: string): number;
  /** Schedules a meeting through the API as the body's chair and moves it on to `status`. */
  meeting(body: BodyKey, status: MeetingStatus, title?: string): Promise<MeetingResponse>;
  /** Adds an open action to the body's live log, as the server would, and waits until the SQL mirror has it. */
  action(body: BodyKey, title: string, ownerLocal: string | null): Promise<string>;
  close(): Promise<void>;
}

export async function startCast(): Promise<Cast> {
  const server = await startTestServer();
  const db = server.database.db;
  const locals = [...new Set(BODIES.flatMap((body) => Object.values(CAST[body])))];
  const users = await db.selectFrom('users').select(['id', 'email']).where('email', 'in', locals.map((local) => `${local}@demo.quorum.test`)).execute();
  const userIds = new Map(users.map((user) => [user.email.replace(/@.*/, ''), user.id]));
  const userId = (local: string) => {
    const id = userIds.get(local);
    if (id === undefined) throw new Error(`no demo user ${local}`);
    return id;
  };
  const bodyRows = await db.selectFrom('bodies').select(['id', 'short_name']).where('short_name', 'in', Object.values(BODY_SHORT_NAMES)).execute();
  const seededBodyId = (body: BodyKey) => bodyRows.find((row) => row.short_name === BODY_SHORT_NAMES[body])!.id;

  for (const body of BODIES) {
    await db.deleteFrom('memberships').where('body_id', '=', seededBodyId(body)).where('user_id', '=', userId(CAST[body].former)).execute();
  }
  await db.insertInto('memberships').values({ body_id: seededBodyId('youthJag'), user_id: userId(CAST.youthJag.observer), role: 'observer' }).execute();

  const tokens = new Map<string, string>();
  for (const local of locals) tokens.set(local, await server.signIn(local)); // scrypt: once each
  const chairToken = (body: BodyKey) => tokens.get(CAST[body].chair)!;
  const bodyIds = { jag: await bodyId(server, chairToken('jag'), BODY_SHORT_NAMES.jag), youthJag: await bodyId(server, chairToken('youthJag'), BODY_SHORT_NAMES.youthJag) };

  // A mis-cast part would make every row about it meaningless, so check the cast against the database first.
  for (const body of BODIES) {
    for (const part of PARTS) {
      const rows = await db.selectFrom('memberships').select(['body_id', 'role']).where('user_id', '=', userId(CAST[body][part])).execute();
      const role = rows.find((row) => row.body_id === bodyIds[body])?.role ?? null;
      const elsewhere = rows.some((row) => row.body_id !== bodyIds[body]);
      const ok = role === PART_ROLES[part] && (part !== 'outsider' || rows.length === 0) && (part !== 'other-body' || elsewhere);
      if (!ok) throw new Error(`${CAST[body][part]} cannot play ${part} on ${body}: ${JSON.stringify(rows)}`);
    }
  }

  const post = async (path: string, token: string, body?: unknown) => {
    const response = await server.request(path, {
      method: 'POST',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as MeetingResponse;
  };

  return {
    server,
    bodyIds,
    token: (body, part) => tokens.get(CAST[body][part])!,
    userId,
    async meeting(body, status, title) {
      const token = chairToken(body);
      let meeting = await post(`/api/bodies/${bodyIds[body]}/meetings`, token, {
        startsAt: '2026-12-01T10:00:00Z',
        location: 'Loughborough',
        ...(title ? { title } : {}),
      });
      if (status !== 'scheduled') meeting = await post(`/api/meetings/${meeting.meeting.id}/start`, token);
      if (status === 'closed') meeting = await post(`/api/meetings/${meeting.meeting.id}/close`, token);
      return meeting;
    },
    async action(body, title, ownerLocal) {
      const docName = actionLogDocName(bodyIds[body]);
      let actionId = '';
      await server.registry.change(docName, (doc) => {
        actionId = addAction(doc, { title, ownerId: ownerLocal === null ? null : userId(ownerLocal) });
      });
      await server.registry.flush(docName);
      return actionId;
    },
    close: () => server.close(),
  };
}
