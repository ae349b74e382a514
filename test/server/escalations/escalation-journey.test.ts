import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionEscalationsResponse, BodyEscalationsResponse, EscalationResponse } from '../../../shared/api.js';
import { formatDate } from '../../../shared/dates.js';
import { ESCALATIONS_AGENDA_TITLE } from '../../../shared/escalation.js';
import { nextScheduledMeeting } from '../../../server/meetings/incoming-agenda.js';
import { bodyId } from '../../support/meetings.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { actionOf, agendaOf, call, escalationOf, liveActionOf, raiseAction, userId } from './escalation-support.js';

const DAY = 24 * 60 * 60 * 1000;

describe('an escalation travelling up the tiers and answered there', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  const bodies: Record<string, number> = {};
  const as = (local: string, method: string, path: string, body?: unknown) => call(server, tokens[local]!, method, path, body);
  const notificationsOf = async (local: string) =>
    server.database.db.selectFrom('notifications').selectAll().where('user_id', '=', await userId(server, local)).orderBy('id').execute();

  beforeAll(async () => {
    server = await startTestServer();
    for (const local of ['chair.youthjag', 'yjs', 'sgt.walsh', 'chair.jag', 'ci.barker', 'member.jag', 'chair.csp', 'chair.spb', 'community.safety']) {
      tokens[local] = await server.signIn(local);
    }
    for (const name of ['Youth JAG', 'Charnwood JAG', 'Charnwood CSP', 'SPB']) bodies[name] = await bodyId(server, tokens['chair.youthjag']!, name);
  });
  afterAll(() => server?.close());

  it('goes Youth JAG → JAG → CSP, is returned by the CSP with guidance and is back in the JAG’s inbox, then back with the Youth JAG', async () => {
    const youth = bodies['Youth JAG']!;
    const jag = bodies['Charnwood JAG']!;
    const csp = bodies['Charnwood CSP']!;
    const actionId = await raiseAction(server, youth, { title: 'Repeat missing episodes', ownerId: await userId(server, 'sgt.walsh') });

    const raised = await as('chair.youthjag', 'POST', `/api/actions/${actionId}/escalations`, { summary: 'A pattern needing JAG resources', reason: 'Beyond our resources' });
    expect(raised.status).toBe(201);
    const first = escalationOf(raised);
    expect(first).toMatchObject({ status: 'open', fromBody: { id: youth }, toBody: { id: jag }, originBody: { id: youth }, previousId: null, nextId: null });
    expect(first.originAction).toMatchObject({ bodyId: youth, id: actionId, status: 'escalated' });
    expect((await liveActionOf(server, youth, actionId)).status).toBe('escalated');

    // In the JAG's inbox, and its chairs and secretariat told.
    const inbox = (await as('chair.jag', 'GET', `/api/bodies/${jag}/escalations`)).json as BodyEscalationsResponse;
    expect(inbox.received.map((hop) => hop.id)).toContain(first.id);
    expect((await as('chair.youthjag', 'GET', `/api/bodies/${youth}/escalations`)).json.sent.map((hop: { id: number }) => hop.id)).toContain(first.id);
    for (const local of ['chair.jag', 'ci.barker', 'community.safety']) {
      expect((await notificationsOf(local)).map((row) => [row.kind, row.link, row.body_id])).toContainEqual(['escalation-received', `/escalations/${first.id}`, jag]);
    }
    expect((await notificationsOf('member.jag')).filter((row) => row.kind === 'escalation-received')).toEqual([]);

    // The JAG chair passes it on to the CSP.
    const further = await as('chair.jag', 'POST', `/api/escalations/${first.id}/escalate`, { summary: 'Charnwood needs a county response', reason: 'Crosses districts' });
    expect(further.status).toBe(201);
    const second = escalationOf(further);
    expect(second).toMatchObject({ status: 'open', fromBody: { id: jag }, toBody: { id: csp }, originBody: { id: youth }, previousId: first.id });
    const atCsp = (await as('chair.csp', 'GET', `/api/escalations/${second.id}`)).json as EscalationResponse;
    expect(atCsp.canAnswer).toBe(true);
    expect(atCsp.escalateTo).toMatchObject({ id: bodies.SPB });
    expect(atCsp.trail.map((hop) => [hop.id, hop.status])).toEqual([
      [first.id, 'escalated'],
      [second.id, 'open'],
    ]);
    expect(atCsp.trail[0]!.answer).toMatchObject({ status: 'escalated', text: 'Crosses districts', by: { name: 'Helen Whitmore' } });

    // Returned with guidance: the CSP's hop is returned and the JAG's is waiting again, unanswered.
    const returned = await as('chair.csp', 'POST', `/api/escalations/${second.id}/return`, { guidance: 'Take it to the Youth Justice board first' });
    expect(returned.status).toBe(200);
    expect(escalationOf(returned)).toMatchObject({ status: 'returned', answer: { status: 'returned', text: 'Take it to the Youth Justice board first' } });
    const backAtJag = (await as('chair.jag', 'GET', `/api/escalations/${first.id}`)).json as EscalationResponse;
    expect(backAtJag.escalation).toMatchObject({ status: 'open', answer: null, nextId: second.id });
    expect(backAtJag.canAnswer).toBe(true);
    expect(backAtJag.trail.map((hop) => [hop.id, hop.status])).toEqual([
      [first.id, 'open'],
      [second.id, 'returned'],
    ]);
    const jagInbox = (await as('chair.jag', 'GET', `/api/bodies/${jag}/escalations`)).json as BodyEscalationsResponse;
    expect(jagInbox.received.find((hop) => hop.id === first.id)?.status).toBe('open');
    // The origin's chairs and the action's owner are told, and so are the JAG's chairs, whose hop it was.
    for (const local of ['chair.youthjag', 'yjs', 'sgt.walsh', 'chair.jag', 'ci.barker']) {
      expect((await notificationsOf(local)).some((row) => row.kind === 'escalation-answered' && row.link === `/escalations/${second.id}`)).toBe(true);
    }
    // The origin action is still with the JAG.
    expect((await liveActionOf(server, youth, actionId)).status).toBe('escalated');

    // The JAG returns it in turn: the Youth JAG's action is open again, with the guidance in its progress.
    expect((await as('chair.jag', 'POST', `/api/escalations/${first.id}/return`, { guidance: 'Refer to the MACE panel' })).status).toBe(200);
    const origin = await liveActionOf(server, youth, actionId);
    expect(origin.status).toBe('open');
    expect(origin.progress.at(-1)).toBe('Returned by Charnwood Joint Action Group with guidance: Refer to the MACE panel');
    expect((await actionOf(server, tokens['chair.youthjag']!, youth, actionId)).status).toBe('open');
    const trails = (await as('chair.youthjag', 'GET', `/api/bodies/${youth}/actions/${actionId}/escalations`)).json as ActionEscalationsResponse;
    expect(trails.trails.map((trail) => trail.map((hop) => hop.status))).toEqual([['returned', 'returned']]);
    expect(trails).toMatchObject({ escalateTo: { id: jag }, canEscalate: true });

    const audit = await server.database.db.selectFrom('audit_events').select('action').where('subject_type', '=', 'escalation').orderBy('id').execute();
    expect(audit.map((row) => row.action)).toEqual(['escalation.raised', 'escalation.escalated', 'escalation.raised', 'escalation.returned', 'escalation.returned']);
  });

  it('is accepted as a new action in the receiving log, linked both ways, and written onto its next meeting', async () => {
    const youth = bodies['Youth JAG']!;
    const jag = bodies['Charnwood JAG']!;
    const actionId = await raiseAction(server, youth, { title: 'Knife carrying near the college' });
    const hop = escalationOf(
      await as('yjs', 'POST', `/api/actions/${actionId}/escalations`, { summary: 'Knife carrying reported near the college\nMore in the reason', reason: 'Needs police and council patrols' }),
    );

    // On the JAG's next scheduled meeting, under its own item.
    const meetingId = (await nextScheduledMeeting(server.database.db, jag))!;
    const row = await server.database.db.selectFrom('escalations').select('agenda_meeting_id').where('id', '=', hop.id).executeTakeFirstOrThrow();
    expect(row.agenda_meeting_id).toBe(meetingId);
    const item = (await agendaOf(server, meetingId)).find((each) => each.title === ESCALATIONS_AGENDA_TITLE)!;
    expect(item.minutes).toContain('**From Charnwood Youth JAG**');
    expect(item.minutes).toContain('escalated by Leon Castellano');
    expect(item.minutes).toContain('Summary: Knife carrying reported near the college');
    expect(item.minutes).toContain('Reason: Needs police and council patrols');

    // The JAG's vice-chair accepts it.
    const accepted = await as('ci.barker', 'POST', `/api/escalations/${hop.id}/accept`, { note: 'Tasked to the neighbourhood team' });
    expect(accepted.status).toBe(200);
    const adopted = accepted.json.action;
    expect(adopted).toMatchObject({ bodyId: jag, title: 'Knife carrying reported near the college', status: 'open' });
    expect(adopted.reference).toMatch(/^JAG-/);
    expect(adopted.description).toContain('Reason: Needs police and council patrols');
    expect(adopted.description).toContain(`Escalated by Charnwood Youth JAG on ${formatDate(hop.raisedAt)}`);
    expect(escalationOf(accepted)).toMatchObject({ status: 'accepted', adoptedAction: { bodyId: jag, id: adopted.id }, answer: { text: 'Tasked to the neighbourhood team' } });

    // Linked both ways: the adopted action finds its trail, and the origin's trail names the adopted action.
    const fromAdopted = (await as('chair.jag', 'GET', `/api/bodies/${jag}/actions/${adopted.id}/escalations`)).json as ActionEscalationsResponse;
    expect(fromAdopted.trails.map((trail) => trail.map((each) => each.id))).toEqual([[hop.id]]);
    expect(fromAdopted.trails[0]![0]!.originAction).toBeNull();
    const fromOrigin = (await as('chair.youthjag', 'GET', `/api/bodies/${youth}/actions/${actionId}/escalations`)).json as ActionEscalationsResponse;
    expect(fromOrigin.trails[0]![0]!.adoptedAction).toMatchObject({ bodyId: jag, id: adopted.id, reference: adopted.reference });
    expect(fromOrigin.canEscalate).toBe(false);

    // Answered once only.
    expect((await as('chair.jag', 'POST', `/api/escalations/${hop.id}/resolve`, { outcome: 'Again' })).status).toBe(409);
  });

  it('is resolved at the tier above, closing the origin action', async () => {
    const jag = bodies['Charnwood JAG']!;
    const owner = await userId(server, 'member.jag');
    const actionId = await raiseAction(server, jag, { title: 'Off-road bikes on the canal path', ownerId: owner });
    const hop = escalationOf(await as('chair.jag', 'POST', `/api/actions/${actionId}/escalations`, { summary: 'Off-road bikes', reason: 'Needs a county order' }));
    const resolved = await as('chair.csp', 'POST', `/api/escalations/${hop.id}/resolve`, { outcome: 'A dispersal order was made on 20/11' });
    expect(resolved.status).toBe(200);
    expect(escalationOf(resolved)).toMatchObject({ status: 'resolved', answer: { text: 'A dispersal order was made on 20/11', by: { name: 'Graham Lister' } } });
    const origin = await liveActionOf(server, jag, actionId);
    expect(origin.status).toBe('done');
    expect(origin.closedAt).toEqual(expect.any(String));
    expect(origin.progress.at(-1)).toBe('Resolved by Charnwood Community Safety Partnership: A dispersal order was made on 20/11');
    expect((await actionOf(server, tokens['chair.jag']!, jag, actionId)).status).toBe('done');
    expect((await notificationsOf('member.jag')).map((row) => [row.kind, row.link])).toContainEqual(['escalation-answered', `/escalations/${hop.id}`]);
  });

  it('waits for the receiving body’s next meeting when none is scheduled, and is written onto it once one is', async () => {
    const csp = bodies['Charnwood CSP']!;
    const spb = bodies.SPB!;
    await server.database.db.updateTable('meetings').set({ status: 'closed' }).where('body_id', '=', spb).where('status', '=', 'scheduled').execute();
    const actionId = await raiseAction(server, csp, { title: 'Countywide CCTV funding' });
    const hop = escalationOf(await as('chair.csp', 'POST', `/api/actions/${actionId}/escalations`, { summary: 'CCTV funding ends in March', reason: 'Board decision needed' }));
    const waiting = () => server.database.db.selectFrom('escalations').select('agenda_meeting_id').where('id', '=', hop.id).executeTakeFirstOrThrow();
    expect((await waiting()).agenda_meeting_id).toBeNull();

    const scheduled = await as('chair.spb', 'POST', `/api/bodies/${spb}/meetings`, { startsAt: new Date(Date.now() + 14 * DAY).toISOString(), location: 'County Hall' });
    expect(scheduled.status).toBe(201);
    const meetingId = scheduled.json.meeting.id as number;
    expect((await waiting()).agenda_meeting_id).toBe(meetingId);
    const item = (await agendaOf(server, meetingId)).find((each) => each.title === ESCALATIONS_AGENDA_TITLE)!;
    expect(item.minutes).toContain('Summary: CCTV funding ends in March');

    // At the top of the structure there is nowhere further to go.
    expect((await as('chair.spb', 'POST', `/api/escalations/${hop.id}/escalate`, { summary: 'Up', reason: 'Why' })).status).toBe(409);
  });
});
