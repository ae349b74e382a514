/**
 * The access matrix, REST and exports: every route the app registers, asked by
 * each part on the open Charnwood JAG and the confidential Youth JAG, and
 * signed out. The expectations are written out by hand from the rules as they
 * are meant to be (README, issue 7), never computed from the server's own rule
 * functions. A route the app has and the table lacks, or the reverse, fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionLogDocName } from '../../shared/action-log-doc.js';
import type { ActionsResponse, BodiesResponse, HomeResponse, MeResponse } from '../../shared/api.js';
import type { MinutesArchiveEntry, MinutesComment, MinutesStatusView } from '../../shared/minutes-api.js';
import type { SearchResponse } from '../../shared/search.js';
import { createApp } from '../../server/app.js';
import { DEMO_PASSWORD } from '../../server/seed/demo-partnership.js';
import { BODIES, CAST, PART_ROLES, startCast, type BodyKey, type Cast } from '../support/access-cast.js';
import { isYouthMember, jsonPost, matrixTests, send, type Cell, type Expected, type Probe } from '../support/access-matrix-harness.js';
import { GOVERNANCE_ROUTES } from './access-matrix-governance.table.js';
import { bearer } from '../support/test-server.js';

const TABLE = {
  //                                                     chair vice  sec  member obs  other former outsider
  'GET /api/health':                                { jag: [200, 200, 200, 200, 200, 200, 200, 200], youthJag: [200, 200, 200, 200, 200, 200, 200, 200], signedOut: 200 },
  'GET /api/me':                                    { jag: [200, 200, 200, 200, 200, 200, 200, 200], youthJag: [200, 200, 200, 200, 200, 200, 200, 200], signedOut: 401 },
  'GET /api/bodies':                                { jag: [200, 200, 200, 200, 200, 200, 200, 200], youthJag: [200, 200, 200, 200, 200, 200, 200, 200], signedOut: 401 },
  'GET /api/bodies/:id': {
    // Everyone sees that a confidential body exists and where it sits (it is on the map); only members see inside it.
    jag: [200, 200, 200, 200, 200, 200, 200, 200], youthJag: [200, 200, 200, 200, 200, 200, 200, 200], signedOut: 401,
    access: { jag: ['full', 'full', 'full', 'full', 'full', 'full', 'full', 'full'], youthJag: ['full', 'full', 'full', 'full', 'full', 'restricted', 'restricted', 'restricted'] },
  },
  'GET /api/meetings/:id': {
    // Today's service and README: an open body's meetings answer non-members too, with access none.
    jag: [200, 200, 200, 200, 200, 200, 200, 200], youthJag: [200, 200, 200, 200, 200, 404, 404, 404], signedOut: 401,
    access: { jag: ['edit', 'edit', 'edit', 'read', 'read', 'none', 'none', 'none'], youthJag: ['edit', 'edit', 'edit', 'read', 'read', null, null, null] },
  },
  'POST /api/meetings/:id/start':                   { jag: [200, 200, 403, 403, 403, 403, 403, 403], youthJag: [200, 200, 403, 403, 403, 404, 404, 404], signedOut: 401 },
  'POST /api/meetings/:id/close':                   { jag: [200, 200, 403, 403, 403, 403, 403, 403], youthJag: [200, 200, 403, 403, 403, 404, 404, 404], signedOut: 401 },
  'GET /api/bodies/:id/meetings.ics':               { jag: [200, 200, 200, 200, 200, 200, 200, 200], youthJag: [200, 200, 200, 200, 200, 404, 404, 404], signedOut: 401 },
  'POST /api/bodies/:id/meetings':                  { jag: [201, 201, 201, 403, 403, 403, 403, 403], youthJag: [201, 201, 201, 403, 403, 404, 404, 404], signedOut: 401 },
  'GET /api/bodies/:id/actions':                    { jag: [200, 200, 200, 200, 200, 200, 200, 200], youthJag: [200, 200, 200, 200, 200, 404, 404, 404], signedOut: 401 },
  'GET /api/bodies/:id/actions.csv':                { jag: [200, 200, 200, 200, 200, 200, 200, 200], youthJag: [200, 200, 200, 200, 200, 404, 404, 404], signedOut: 401 },
  'GET /api/bodies/:id/action-log': {
    jag: [200, 200, 200, 200, 200, 200, 200, 200], youthJag: [200, 200, 200, 200, 200, 404, 404, 404], signedOut: 401,
    access: { jag: ['edit', 'edit', 'edit', 'edit', 'read', 'none', 'none', 'none'], youthJag: ['edit', 'edit', 'edit', 'edit', 'read', null, null, null] },
  },
  // The action is owned by the body's chair, so the member here is not its owner; the owner case is below.
  'POST /api/bodies/:id/actions/:actionId/progress': { jag: [204, 204, 204, 403, 403, 403, 403, 403], youthJag: [204, 204, 204, 403, 403, 404, 404, 404], signedOut: 401 },
  // Marking done: the action is the chair's, so only those running the body may; the owner case is below.
  'POST /api/bodies/:id/actions/:actionId/status':  { jag: [204, 204, 204, 403, 403, 403, 403, 403], youthJag: [204, 204, 204, 403, 403, 404, 404, 404], signedOut: 401 },
  'GET /api/bodies/:id/actions/:actionId/history':  { jag: [200, 200, 200, 200, 200, 200, 200, 200], youthJag: [200, 200, 200, 200, 200, 404, 404, 404], signedOut: 401 },
  // A meeting's minutes, as the JSON record and each export: the members of its body, as its live document.
  'GET /api/meetings/:id/minutes':                  { jag: [200, 200, 200, 200, 200, 403, 403, 403], youthJag: [200, 200, 200, 200, 200, 404, 404, 404], signedOut: 401 },
  'GET /api/meetings/:id/minutes.md':               { jag: [200, 200, 200, 200, 200, 403, 403, 403], youthJag: [200, 200, 200, 200, 200, 404, 404, 404], signedOut: 401 },
  'GET /api/meetings/:id/minutes.html':             { jag: [200, 200, 200, 200, 200, 403, 403, 403], youthJag: [200, 200, 200, 200, 200, 404, 404, 404], signedOut: 401 },
  'GET /api/meetings/:id/minutes.docx':             { jag: [200, 200, 200, 200, 200, 403, 403, 403], youthJag: [200, 200, 200, 200, 200, 404, 404, 404], signedOut: 401 },
  // Where a meeting's minutes stand: every partner of an open body (with no steps to take), a confidential body's members alone.
  'GET /api/meetings/:id/minutes/status':           { jag: [200, 200, 200, 200, 200, 200, 200, 200], youthJag: [200, 200, 200, 200, 200, 404, 404, 404], signedOut: 401 },
  // Circulating a closed meeting's draft minutes: those running the body.
  'POST /api/meetings/:id/minutes/steps':           { jag: [200, 200, 200, 403, 403, 403, 403, 403], youthJag: [200, 200, 200, 403, 403, 404, 404, 404], signedOut: 401 },
  // Comments on circulated minutes: members read them; members who take part (not observers) write them.
  'GET /api/meetings/:id/minutes/comments':         { jag: [200, 200, 200, 200, 200, 403, 403, 403], youthJag: [200, 200, 200, 200, 200, 404, 404, 404], signedOut: 401 },
  'POST /api/meetings/:id/minutes/comments':        { jag: [201, 201, 201, 201, 403, 403, 403, 403], youthJag: [201, 201, 201, 201, 403, 404, 404, 404], signedOut: 401 },
  // A body's minutes archive: every partner of an open body (published minutes only, for non-members), a confidential body's members alone.
  'GET /api/bodies/:id/minutes':                    { jag: [200, 200, 200, 200, 200, 200, 200, 200], youthJag: [200, 200, 200, 200, 200, 404, 404, 404], signedOut: 401 },
  // Everyone signed in searches; what they find is what they may read (a Youth JAG action's title reaches its members alone, checked below).
  'GET /api/search':                                { jag: [200, 200, 200, 200, 200, 200, 200, 200], youthJag: [200, 200, 200, 200, 200, 200, 200, 200], signedOut: 401 },
  'GET /api/me/actions':                            { jag: [200, 200, 200, 200, 200, 200, 200, 200], youthJag: [200, 200, 200, 200, 200, 200, 200, 200], signedOut: 401 },
  // Home lists only the caller's own bodies: a confidential body's meetings and overdue actions reach its members alone (checked below).
  'GET /api/me/home':                               { jag: [200, 200, 200, 200, 200, 200, 200, 200], youthJag: [200, 200, 200, 200, 200, 200, 200, 200], signedOut: 401 },
  'GET /api/me/bodies-actions':                     { jag: [200, 200, 200, 200, 200, 200, 200, 200], youthJag: [200, 200, 200, 200, 200, 200, 200, 200], signedOut: 401 },
  'GET /api/me/action-counts':                      { jag: [200, 200, 200, 200, 200, 200, 200, 200], youthJag: [200, 200, 200, 200, 200, 200, 200, 200], signedOut: 401 },
  'POST /api/session':                              { jag: [200, 200, 200, 200, 200, 200, 200, 200], youthJag: [200, 200, 200, 200, 200, 200, 200, 200], signedOut: 200 },
  // Last: it signs out the session the row above opened, never the cast's own.
  'DELETE /api/session':                            { jag: [204, 204, 204, 204, 204, 204, 204, 204], youthJag: [204, 204, 204, 204, 204, 204, 204, 204], signedOut: 401 },
} satisfies Record<string, Expected>;
type Route = keyof typeof TABLE;

const throwawaySessions = new Map<string, string>(); // opened by the POST /api/session row, for the DELETE row to end

describe('access matrix: REST routes and exports', () => {
  let cast: Cast;
  let fixed: Record<BodyKey, { meetingId: number; actionId: string }>;
  let serial = 0;
  const db = () => cast.server.database.db;
  const meetingRow = (id: number) => db().selectFrom('meetings').select(['status', 'started_at', 'closed_at']).where('id', '=', id).executeTakeFirstOrThrow();
  const meetingCount = async (bodyId: number) => (await db().selectFrom('meetings').select('id').where('body_id', '=', bodyId).execute()).length;
  const minutesStage = async (meetingId: number) =>
    (await db().selectFrom('minutes_records').select('stage').where('meeting_id', '=', meetingId).executeTakeFirst())?.stage ?? 'draft';
  /** Per body, a closed meeting whose chair has circulated its minutes, with one comment on them. */
  const circulated: Partial<Record<BodyKey, Promise<number>>> = {};
  const circulatedMeeting = (body: BodyKey) =>
    (circulated[body] ??= (async () => {
      const { meeting } = await cast.meeting(body, 'closed', `${body} matrix minutes`);
      const chair = cast.token(body, 'chair');
      for (const [path, request] of [['steps', { step: 'circulate' }], ['comments', { text: `${body} matrix first comment` }]] as const) {
        const response = await cast.server.request(`/api/meetings/${meeting.id}/minutes/${path}`, { ...jsonPost(request), headers: { ...bearer(chair), 'content-type': 'application/json' } });
        if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      }
      return meeting.id;
    })());

  beforeAll(async () => {
    cast = await startCast();
    const firstAction = async (body: BodyKey) =>
      (await db().selectFrom('actions').select('action_id').where('body_id', '=', cast.bodyIds[body]).orderBy('reference').executeTakeFirstOrThrow()).action_id;
    fixed = {
      jag: { meetingId: (await cast.meeting('jag', 'scheduled')).meeting.id, actionId: await firstAction('jag') },
      youthJag: { meetingId: (await cast.meeting('youthJag', 'scheduled', 'Youth JAG matrix meeting')).meeting.id, actionId: await firstAction('youthJag') },
    };
  });
  afterAll(() => cast?.close());

  const PROBES: Record<Route, (cell: Cell) => Promise<Probe> | Probe> = {
    'GET /api/health': () => ({}),
    'GET /api/me': ({ local, bodyId, part }) => ({
      after(answer) {
        if (answer.status !== 200) return;
        const me = answer.json<MeResponse>();
        expect(me.user.email).toBe(`${local}@demo.quorum.test`);
        expect(me.memberships.find((each) => each.bodyId === bodyId)?.role ?? null).toBe(PART_ROLES[part!]);
        if (part === 'outsider') expect(me.memberships).toEqual([]);
      },
    }),
    'GET /api/bodies': ({ bodyId, part }) => ({
      after(answer) {
        if (answer.status === 200) expect(answer.json<BodiesResponse>().bodies.find((body) => body.id === bodyId)?.myRole).toBe(PART_ROLES[part!]);
      },
    }),
    'GET /api/bodies/:id': ({ bodyId }) => ({ params: { id: bodyId } }),
    'GET /api/meetings/:id': ({ body }) => ({ params: { id: fixed[body].meetingId } }),
    'POST /api/meetings/:id/start': async ({ body }) => {
      const { meeting } = await cast.meeting(body, 'scheduled', `${body} matrix meeting ${++serial}`);
      return {
        params: { id: meeting.id },
        init: { method: 'POST' },
        async after({ status }) {
          expect(await meetingRow(meeting.id)).toMatchObject(status === 200 ? { status: 'live' } : { status: 'scheduled', started_at: null });
        },
      };
    },
    'POST /api/meetings/:id/close': async ({ body }) => {
      const { meeting } = await cast.meeting(body, 'live', `${body} matrix meeting ${++serial}`);
      return {
        params: { id: meeting.id },
        init: { method: 'POST' },
        async after({ status }) {
          expect(await meetingRow(meeting.id)).toMatchObject(status === 200 ? { status: 'closed' } : { status: 'live', closed_at: null });
        },
      };
    },
    'GET /api/bodies/:id/meetings.ics': ({ bodyId }) => ({ params: { id: bodyId } }),
    'POST /api/bodies/:id/meetings': async ({ body, bodyId }) => {
      const before = await meetingCount(bodyId);
      const title = `${body} matrix meeting ${++serial}`;
      return {
        params: { id: bodyId },
        init: jsonPost({ title, startsAt: '2027-01-12T10:00:00Z', location: 'Loughborough' }),
        async after({ status }) {
          const made = await db().selectFrom('meetings').select('body_id').where('title', '=', title).execute();
          expect(made).toEqual(status === 201 ? [{ body_id: bodyId }] : []);
          expect(await meetingCount(bodyId)).toBe(status === 201 ? before + 1 : before);
        },
      };
    },
    'GET /api/bodies/:id/actions': ({ bodyId }) => ({ params: { id: bodyId } }),
    'GET /api/bodies/:id/actions.csv': ({ bodyId }) => ({ params: { id: bodyId } }),
    'GET /api/bodies/:id/action-log': ({ bodyId }) => ({ params: { id: bodyId } }),
    'POST /api/bodies/:id/actions/:actionId/progress': async ({ body, bodyId }) => {
      const actionId = await cast.action(body, `${body === 'youthJag' ? 'Youth JAG' : 'JAG'} matrix action ${++serial}`, CAST[body].chair);
      const text = `Matrix progress ${serial}`;
      return {
        params: { id: bodyId, actionId },
        init: jsonPost({ text }),
        async after({ status }) {
          await cast.server.registry.flush(actionLogDocName(bodyId));
          const row = await db().selectFrom('actions').select(['progress_count', 'latest_progress']).where('action_id', '=', actionId).executeTakeFirstOrThrow();
          expect(row).toEqual(status === 204 ? { progress_count: 1, latest_progress: text } : { progress_count: 0, latest_progress: null });
        },
      };
    },
    'POST /api/bodies/:id/actions/:actionId/status': async ({ body, bodyId }) => {
      const actionId = await cast.action(body, `${body === 'youthJag' ? 'Youth JAG' : 'JAG'} matrix action ${++serial}`, CAST[body].chair);
      return {
        params: { id: bodyId, actionId },
        init: jsonPost({ status: 'done' }),
        async after({ status }) {
          await cast.server.registry.flush(actionLogDocName(bodyId));
          const row = await db().selectFrom('actions').select('status').where('body_id', '=', bodyId).where('action_id', '=', actionId).executeTakeFirstOrThrow();
          expect(row.status).toBe(status === 204 ? 'done' : 'open');
        },
      };
    },
    'GET /api/bodies/:id/actions/:actionId/history': ({ body, bodyId }) => ({ params: { id: bodyId, actionId: fixed[body].actionId } }),
    'GET /api/meetings/:id/minutes': ({ body }) => ({ params: { id: fixed[body].meetingId } }),
    'GET /api/meetings/:id/minutes.md': ({ body }) => ({ params: { id: fixed[body].meetingId } }),
    'GET /api/meetings/:id/minutes.html': ({ body }) => ({ params: { id: fixed[body].meetingId } }),
    'GET /api/meetings/:id/minutes.docx': ({ body }) => ({ params: { id: fixed[body].meetingId } }),
    'GET /api/meetings/:id/minutes/status': async ({ body, part }) => ({
      params: { id: await circulatedMeeting(body) },
      after(answer) {
        if (answer.status !== 200) return;
        const status = answer.json<MinutesStatusView>();
        expect(status.stage).toBe('circulated');
        expect(status.mayComment).toBe(['chair', 'vice-chair', 'secretariat', 'member'].includes(part!));
        if (PART_ROLES[part!] === null) expect(status).toMatchObject({ steps: [], movers: [], commentCount: 0, circulatedAt: null });
        else expect(status.commentCount).toBeGreaterThan(0);
      },
    }),
    'POST /api/meetings/:id/minutes/steps': async ({ body }) => {
      const { meeting } = await cast.meeting(body, 'closed', `${body} matrix meeting ${++serial}`);
      return {
        params: { id: meeting.id },
        init: jsonPost({ step: 'circulate' }),
        async after({ status }) {
          expect(await minutesStage(meeting.id)).toBe(status === 200 ? 'circulated' : 'draft');
        },
      };
    },
    'GET /api/meetings/:id/minutes/comments': async ({ body }) => ({
      params: { id: await circulatedMeeting(body) },
      after(answer) {
        if (answer.status === 200) expect(answer.json<MinutesComment[]>()[0]!.text).toBe(`${body} matrix first comment`);
      },
    }),
    'POST /api/meetings/:id/minutes/comments': async ({ body }) => {
      const meetingId = await circulatedMeeting(body);
      const text = `Matrix comment ${++serial}`;
      return {
        params: { id: meetingId },
        init: jsonPost({ text }),
        async after({ status }) {
          const stored = await db().selectFrom('minutes_comments').select('meeting_id').where('text', '=', text).execute();
          expect(stored).toEqual(status === 201 ? [{ meeting_id: meetingId }] : []);
        },
      };
    },
    'GET /api/bodies/:id/minutes': async ({ body, bodyId, part }) => {
      await circulatedMeeting(body);
      return {
        params: { id: bodyId },
        after(answer) {
          if (answer.status !== 200) return;
          const archive = answer.json<MinutesArchiveEntry[]>();
          // Members see every closed meeting's minutes; others only published ones (none here).
          if (PART_ROLES[part!] === null) expect(archive.every((entry) => entry.publishedAt !== null)).toBe(true);
          else expect(archive.some((entry) => entry.stage === 'circulated')).toBe(true);
        },
      };
    },
    // The Youth JAG's seeded action: its members find it; the harness checks no non-member is sent its title.
    'GET /api/search': ({ local }) => ({
      query: 'q=cohort%20review',
      after(answer) {
        if (answer.status !== 200) return;
        const found = answer.json<SearchResponse>().results.some((result) => result.body.id === cast.bodyIds.youthJag);
        expect(found, `${local} finds the Youth JAG's action`).toBe(isYouthMember(local));
      },
    }),
    'GET /api/me/actions': ({ local }) => ({
      after(answer) {
        if (answer.status !== 200) return;
        const owners = answer.json<ActionsResponse>().actions.map((action) => action.owner?.id);
        expect(owners.every((id) => id === cast.userId(local))).toBe(true);
      },
    }),
    'GET /api/me/bodies-actions': ({ bodyId, part }) => ({
      async after(answer) {
        if (answer.status !== 200) return;
        const listed = answer.json<ActionsResponse>().actions;
        const runs = part === 'chair' || part === 'vice-chair' || part === 'secretariat';
        expect(listed.some((action) => action.bodyId === bodyId), `${part} sees the body's actions`).toBe(runs);
        expect(listed.every((action) => action.status !== 'done' && action.status !== 'dropped')).toBe(true);
      },
    }),
    'GET /api/me/action-counts': () => ({}),
    'GET /api/me/home': ({ body, bodyId, part, local }) => ({
      after(answer) {
        if (answer.status !== 200) return;
        const home = answer.json<HomeResponse>();
        const member = PART_ROLES[part!] !== null;
        const meetingBodies = [...home.liveMeetings, ...home.nextMeetings].map((meeting) => meeting.bodyId);
        if (body === 'youthJag' && !member) expect(meetingBodies).not.toContain(bodyId);
        const runs = part === 'chair' || part === 'vice-chair' || part === 'secretariat';
        expect(home.accountability.some((entry) => entry.bodyId === bodyId)).toBe(runs);
        expect(home.myActions.first.every((action) => action.owner?.id === cast.userId(local))).toBe(true);
      },
    }),
    'POST /api/session': ({ body, part, local }) => ({
      init: jsonPost({ email: `${local}@demo.quorum.test`, password: DEMO_PASSWORD }),
      after(answer) {
        if (answer.status === 200) throwawaySessions.set(`${body}/${part}`, answer.json<{ token: string }>().token);
      },
    }),
    'DELETE /api/session': async ({ body, part, local, token }) => {
      const leaving = token === null ? null : (throwawaySessions.get(`${body}/${part}`) ?? (await cast.server.signIn(local)));
      return {
        token: leaving,
        init: { method: 'DELETE' },
        async after({ status }) {
          if (status !== 204) return;
          expect((await cast.server.request('/api/me', { headers: bearer(leaving!) })).status).toBe(401);
          expect((await cast.server.request('/api/me', { headers: bearer(token!) })).status).toBe(200); // only that session
        },
      };
    },
  };

  matrixTests(TABLE, PROBES, () => cast);

  it('lets a plain member who owns an action add progress to it', async () => {
    for (const body of BODIES) {
      const actionId = await cast.action(body, `${body} matrix owned action ${++serial}`, CAST[body].member);
      const answer = await send(cast, 'POST /api/bodies/:id/actions/:actionId/progress', { id: cast.bodyIds[body], actionId }, jsonPost({ text: 'Mine' }), cast.token(body, 'member'));
      expect(answer.status, `${body}: ${answer.text}`).toBe(204);
    }
  });

  it('lets a plain member who owns an action mark it done, but not drop it', async () => {
    for (const body of BODIES) {
      const actionId = await cast.action(body, `${body} matrix owned action to finish ${++serial}`, CAST[body].member);
      const params = { id: cast.bodyIds[body], actionId };
      const dropped = await send(cast, 'POST /api/bodies/:id/actions/:actionId/status', params, jsonPost({ status: 'dropped' }), cast.token(body, 'member'));
      expect(dropped.status, `${body}: ${dropped.text}`).toBe(403);
      const done = await send(cast, 'POST /api/bodies/:id/actions/:actionId/status', params, jsonPost({ status: 'done' }), cast.token(body, 'member'));
      expect(done.status, `${body}: ${done.text}`).toBe(204);
    }
  });

  it('shows someone who has left a confidential body none of the actions they owned there', async () => {
    const title = `Youth JAG matrix action of a leaver ${++serial}`;
    await cast.action('youthJag', title, CAST.youthJag.member);
    const leaver = { body_id: cast.bodyIds.youthJag, user_id: cast.userId(CAST.youthJag.member) };
    const counts = async () => (await send(cast, 'GET /api/me/action-counts', {}, undefined, cast.token('youthJag', 'member'))).json<{ outstanding: number }>().outstanding;
    const before = await counts();
    await db().deleteFrom('memberships').where('body_id', '=', leaver.body_id).where('user_id', '=', leaver.user_id).execute();
    try {
      const mine = await send(cast, 'GET /api/me/actions', {}, undefined, cast.token('youthJag', 'member'));
      expect(mine.status).toBe(200);
      expect(mine.text).not.toContain(title);
      expect(await counts()).toBeLessThan(before);
    } finally {
      await db().insertInto('memberships').values({ ...leaver, role: 'member' }).execute();
    }
  });

  describe('route coverage', () => {
    /** The routes the app really registers: middleware and catch-alls (`*` paths) left out. */
    const appRoutes = () => {
      const app = createApp({ db: cast.server.database.db, registry: cast.server.registry });
      return [...new Set(app.routes.filter((route) => !route.path.endsWith('*')).map((route) => `${route.method} ${route.path}`))].sort();
    };

    const tabled = [...Object.keys(TABLE), ...GOVERNANCE_ROUTES];

    it('has a row for every route the app registers', () => {
      expect(appRoutes().filter((route) => !tabled.includes(route))).toEqual([]);
    });

    it('has no row for a route the app does not register', () => {
      const registered = appRoutes();
      expect(tabled.filter((route) => !registered.includes(route))).toEqual([]);
    });
  });
});
