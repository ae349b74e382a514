import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextScheduledMeeting } from '../../../server/meetings/incoming-agenda.js';
import { bodyId } from '../../support/meetings.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { agendaOf, call, escalationOf, raiseAction, userId } from './escalation-support.js';

const MARKER = 'ZEBRA-7731';
const NON_MEMBERS = ['chair.jag', 'chair.csp', 'outsider'] as const;

describe('a confidential action’s details stay with its body, whatever the escalation does', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  const bodies: Record<string, number> = {};
  /** Every response body a Youth JAG non-member was sent. */
  const delivered: { who: string; path: string; text: string }[] = [];
  const as = async (local: string, method: string, path: string, body?: unknown) => {
    const answer = await call(server, tokens[local]!, method, path, body);
    if ((NON_MEMBERS as readonly string[]).includes(local)) delivered.push({ who: local, path, text: answer.text });
    return answer;
  };

  beforeAll(async () => {
    server = await startTestServer();
    for (const local of ['chair.youthjag', ...NON_MEMBERS]) tokens[local] = await server.signIn(local);
    for (const name of ['Youth JAG', 'Charnwood JAG', 'Charnwood CSP']) bodies[name] = await bodyId(server, tokens['chair.youthjag']!, name);
  });
  afterAll(() => server?.close());

  it('never sends the marker to a non-member on any route, agenda or notification', async () => {
    const youth = bodies['Youth JAG']!;
    const jag = bodies['Charnwood JAG']!;
    const csp = bodies['Charnwood CSP']!;
    const owner = await userId(server, 'sgt.walsh');
    const actionId = await raiseAction(server, youth, {
      title: `Child ${MARKER} at risk`,
      description: `Named child ${MARKER}, address withheld`,
      ownerId: owner,
      progress: `Visited ${MARKER} at home`,
    });

    const raised = await call(server, tokens['chair.youthjag']!, 'POST', `/api/actions/${actionId}/escalations`, {
      summary: 'A young person at risk of exploitation',
      reason: 'Needs a multi-agency response',
    });
    // The origin's own chair is shown the action, so the marker would be caught if it travelled.
    expect(raised.text).toContain(MARKER);
    const first = escalationOf(raised);

    const readAll = async () => {
      for (const local of NON_MEMBERS) {
        for (const path of [
          `/api/bodies/${jag}/escalations`,
          `/api/bodies/${csp}/escalations`,
          `/api/bodies/${youth}/escalations`,
          `/api/bodies/${youth}/actions/${actionId}/escalations`,
          `/api/escalations/${first.id}`,
          `/api/bodies/${youth}/actions`,
        ]) {
          await as(local, 'GET', path);
        }
      }
    };
    await readAll();

    const further = await as('chair.jag', 'POST', `/api/escalations/${first.id}/escalate`, { summary: 'Exploitation across Charnwood', reason: 'Pattern across districts' });
    const second = escalationOf(further);
    await as('chair.csp', 'GET', `/api/escalations/${second.id}`);
    await as('outsider', 'GET', `/api/escalations/${second.id}`);
    await as('chair.csp', 'POST', `/api/escalations/${second.id}/return`, { guidance: 'Handle at the JAG' });
    const accepted = await as('chair.jag', 'POST', `/api/escalations/${first.id}/accept`, { note: 'Adopted' });
    expect(accepted.status).toBe(200);
    const adopted = accepted.json.action as { id: string };
    for (const local of NON_MEMBERS) {
      await as(local, 'GET', `/api/bodies/${jag}/actions/${adopted.id}/escalations`);
      await as(local, 'GET', `/api/bodies/${jag}/actions?status=all`);
      await as(local, 'GET', `/api/bodies/${jag}/actions/${adopted.id}/history`);
    }
    await readAll();

    // Something was delivered on every route, and not one of them carries the marker.
    expect(delivered.length).toBeGreaterThan(40);
    expect(delivered.filter((each) => each.text.includes(MARKER)).map((each) => `${each.who} ${each.path}`)).toEqual([]);
    expect(delivered.find((each) => each.path === `/api/escalations/${first.id}` && each.who === 'outsider')!.text).toContain('A young person at risk');

    // The receiving meetings' agendas, live and in SQL.
    for (const bodyIdOf of [jag, csp]) {
      const meetingId = (await nextScheduledMeeting(server.database.db, bodyIdOf))!;
      const agenda = await agendaOf(server, meetingId);
      expect(JSON.stringify(agenda)).toContain('Escalations received');
      expect(JSON.stringify(agenda)).not.toContain(MARKER);
      await server.registry.settle();
      const rows = await server.database.db.selectFrom('agenda_items').selectAll().where('meeting_id', '=', meetingId).execute();
      expect(JSON.stringify(rows)).not.toContain(MARKER);
    }

    // Stored notifications: none sent to a non-member names the action's details, nor does any about the escalation.
    const members = (await server.database.db.selectFrom('memberships').select('user_id').where('body_id', '=', youth).execute()).map((row) => row.user_id);
    const notifications = await server.database.db.selectFrom('notifications').selectAll().execute();
    const toNonMembers = notifications.filter((row) => !members.includes(row.user_id));
    expect(toNonMembers.length).toBeGreaterThan(5);
    expect(JSON.stringify(toNonMembers)).not.toContain(MARKER);
    expect(JSON.stringify(notifications.filter((row) => row.kind.startsWith('escalation-')))).not.toContain(MARKER);
  });
});
