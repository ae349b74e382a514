import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAction } from '../../../shared/action-log-doc.js';
import { ESCALATION_LIMITS } from '../../../shared/escalation.js';
import { bodyId } from '../../support/meetings.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { call, escalationOf, liveActionOf, raiseAction } from './escalation-support.js';

describe('who may escalate and answer, and what is refused', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  const bodies: Record<string, number> = {};
  const as = (local: string, method: string, path: string, body?: unknown) => call(server, tokens[local]!, method, path, body);
  const escalate = (local: string, actionId: string, extra: Record<string, unknown> = {}) =>
    as(local, 'POST', `/api/actions/${actionId}/escalations`, { summary: 'Needs the tier above', reason: 'Out of our hands', ...extra });
  /** What the tables hold, to show a refused request changed nothing. */
  const snapshot = async () => {
    const db = server.database.db;
    return {
      escalations: await db.selectFrom('escalations').selectAll().orderBy('id').execute(),
      audit: (await db.selectFrom('audit_events').select('id').execute()).length,
      notifications: (await db.selectFrom('notifications').select('id').execute()).length,
    };
  };

  beforeAll(async () => {
    server = await startTestServer();
    for (const local of ['chair.jag', 'ci.barker', 'member.jag', 'observer.jag', 'chair.csp', 'chair.spb', 'chair.youthjag', 'outsider', 'sgt.walsh']) {
      tokens[local] = await server.signIn(local);
    }
    for (const name of ['Youth JAG', 'Charnwood JAG', 'Charnwood CSP', 'SPB']) bodies[name] = await bodyId(server, tokens['chair.jag']!, name);
  });
  afterAll(() => server?.close());

  it('lets only the chair or vice-chair escalate an outstanding action, and hides a confidential one from non-members', async () => {
    const jagAction = await raiseAction(server, bodies['Charnwood JAG']!, { title: 'Fly-tipping behind the shops' });
    const youthAction = await raiseAction(server, bodies['Youth JAG']!, { title: 'A confidential cohort' });
    const spbAction = await raiseAction(server, bodies.SPB!, { title: 'Board-level risk' });
    const before = await snapshot();
    for (const local of ['member.jag', 'observer.jag', 'chair.csp']) expect((await escalate(local, jagAction)).status).toBe(403);
    for (const local of ['outsider', 'chair.jag', 'member.jag']) expect((await escalate(local, youthAction)).status).toBe(404);
    expect((await escalate('chair.spb', spbAction)).status).toBe(403); // nowhere above the board
    expect((await escalate('chair.jag', 'no-such-action')).status).toBe(404);
    expect((await escalate('chair.jag', jagAction, { bodyId: bodies['Charnwood CSP'] })).status).toBe(404);
    expect(await snapshot()).toEqual(before);
    expect((await liveActionOf(server, bodies['Charnwood JAG']!, jagAction)).status).toBe('open');

    expect((await escalate('ci.barker', jagAction)).status).toBe(201);
    expect((await escalate('chair.jag', jagAction)).status).toBe(409); // already escalated
    expect((await escalate('chair.youthjag', youthAction)).status).toBe(201);
  });

  it('asks which body is meant when the caller chairs two bodies whose logs use the same action id', async () => {
    const shared = await raiseAction(server, bodies['Charnwood JAG']!, { title: 'JAG’s copy' });
    // The CSP vice-chair chairs the JAG too; the same id raised in the CSP's log.
    await server.registry.change(`actions.${bodies['Charnwood CSP']}`, (doc) => {
      addAction(doc, { title: 'CSP’s copy' }, shared);
    });
    await server.registry.flush(`actions.${bodies['Charnwood CSP']}`);
    expect((await escalate('ci.barker', shared)).status).toBe(400);
    const chosen = await escalate('ci.barker', shared, { bodyId: bodies['Charnwood CSP'] });
    expect(chosen.status).toBe(201);
    expect(escalationOf(chosen)).toMatchObject({ fromBody: { id: bodies['Charnwood CSP'] }, toBody: { id: bodies.SPB } });
    expect((await liveActionOf(server, bodies['Charnwood JAG']!, shared)).status).toBe('open');
  });

  it('lets only the receiving body’s chair or vice-chair answer, once', async () => {
    const jagAction = await raiseAction(server, bodies['Charnwood JAG']!, { title: 'Street drinking in the park' });
    const hop = escalationOf(await escalate('chair.jag', jagAction));
    const before = await snapshot();
    for (const [path, body] of [
      ['accept', { note: '' }],
      ['return', { guidance: 'No' }],
      ['resolve', { outcome: 'Done' }],
      ['escalate', { summary: 'Up', reason: 'Why' }],
    ] as const) {
      // The sender, a JAG member, an observer, another body's chair and an outsider may all see it, but not answer it.
      for (const local of ['chair.jag', 'member.jag', 'observer.jag', 'chair.youthjag', 'chair.spb', 'outsider']) {
        expect((await as(local, 'POST', `/api/escalations/${hop.id}/${path}`, body)).status, `${local} ${path}`).toBe(403);
      }
      expect((await as('chair.csp', 'POST', `/api/escalations/999999/${path}`, body)).status).toBe(404);
    }
    expect(await snapshot()).toEqual(before);
    expect((await as('chair.csp', 'POST', `/api/escalations/${hop.id}/accept`, {})).status).toBe(200);
    expect((await as('chair.csp', 'POST', `/api/escalations/${hop.id}/return`, { guidance: 'Too late' })).status).toBe(409);
  });

  it('refuses bad input with 400 and unknown ids with 404, changing nothing', async () => {
    const jagAction = await raiseAction(server, bodies['Charnwood JAG']!, { title: 'Graffiti on the underpass' });
    const hop = escalationOf(await escalate('chair.jag', jagAction));
    const before = await snapshot();
    const oversize = 'x'.repeat(ESCALATION_LIMITS.summaryLength + 1);
    for (const body of [
      { reason: 'No summary' },
      { summary: 'No reason' },
      { summary: '   ', reason: 'Blank summary' },
      { summary: oversize, reason: 'Too long' },
      { summary: 5, reason: 'Wrong type' },
      { summary: 'Fine', reason: 'Fine', bodyId: 'JAG' },
      { summary: 'Fine', reason: 'Fine', extra: true },
      [],
    ]) {
      expect((await as('chair.jag', 'POST', `/api/actions/${jagAction}/escalations`, body)).status).toBe(400);
      expect((await as('chair.csp', 'POST', `/api/escalations/${hop.id}/escalate`, body)).status).toBe(400);
    }
    expect((await as('chair.jag', 'POST', `/api/actions/${jagAction}/escalations`, '{not json')).status).toBe(400);
    expect((await as('chair.csp', 'POST', `/api/escalations/${hop.id}/return`, {})).status).toBe(400);
    expect((await as('chair.csp', 'POST', `/api/escalations/${hop.id}/return`, { guidance: 'x'.repeat(ESCALATION_LIMITS.answerLength + 1) })).status).toBe(400);
    expect((await as('chair.csp', 'POST', `/api/escalations/${hop.id}/resolve`, { outcome: 7 })).status).toBe(400);
    expect((await as('chair.csp', 'POST', `/api/escalations/${hop.id}/accept`, { note: ['x'] })).status).toBe(400);
    expect((await as('chair.jag', 'POST', '/api/actions/not%20an%20id!/escalations', { summary: 'a', reason: 'b' })).status).toBe(400);
    expect((await as('chair.csp', 'GET', '/api/escalations/abc')).status).toBe(400);
    expect((await as('chair.csp', 'GET', '/api/escalations/999999')).status).toBe(404);
    expect((await as('chair.csp', 'GET', '/api/bodies/999999/escalations')).status).toBe(404);
    expect((await as('chair.csp', 'GET', `/api/bodies/${bodies['Charnwood JAG']}/actions/no-such-action/escalations`)).status).toBe(404);
    expect(await snapshot()).toEqual(before);
    expect(escalationOf(await as('chair.csp', 'GET', `/api/escalations/${hop.id}`)).status).toBe('open');
  });

  it('shows a confidential body’s inbox and action trails only to its members', async () => {
    const youth = bodies['Youth JAG']!;
    const actionId = await raiseAction(server, youth, { title: 'Another cohort' });
    await escalate('chair.youthjag', actionId);
    for (const local of ['outsider', 'chair.jag', 'chair.csp']) {
      expect((await as(local, 'GET', `/api/bodies/${youth}/escalations`)).status).toBe(404);
      expect((await as(local, 'GET', `/api/bodies/${youth}/actions/${actionId}/escalations`)).status).toBe(404);
    }
    expect((await as('sgt.walsh', 'GET', `/api/bodies/${youth}/escalations`)).json.sent).toHaveLength(2);
    expect((await as('sgt.walsh', 'GET', `/api/bodies/${youth}/actions/${actionId}/escalations`)).json.canEscalate).toBe(false);
  });
});
