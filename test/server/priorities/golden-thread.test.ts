import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionsOf } from '../../../shared/action-log-doc.js';
import type { ActionHistoryResponse, BodyPrioritiesResponse, PrioritySummary } from '../../../shared/api.js';
import { getActionLog } from '../../support/action-log.js';
import { bearer, startTestServer, type TestServer } from '../../support/test-server.js';
import { goldenThread, postJson, publish, raise, signInAll } from './priority-client.js';

describe('a priority from the SPB routed to three bodies: the golden thread', () => {
  let server: TestServer;
  let tokens: Record<string, string>;
  let ids: Record<string, number>;
  let userIds: Record<string, number>;
  let priority: PrioritySummary;

  beforeAll(async () => {
    server = await startTestServer();
    ({ tokens, ids, userIds } = await signInAll(
      server,
      ['chair.spb', 'chair.csp', 'chair.jag', 'member.jag', 'people.zone', 'ci.barker', 'outsider', 'sgt.walsh'],
      ['SPB', 'Charnwood CSP', 'Charnwood JAG', 'PZ People'],
    ));
    priority = await publish(server, tokens['chair.spb']!, ids.SPB!, {
      title: 'Cut repeat ASB victimisation',
      targetBodyIds: [ids['Charnwood CSP']!, ids['Charnwood JAG']!, ids['PZ People']!],
    });
  });
  afterAll(() => server.close());

  const bodyPriorities = async (local: string, body: string): Promise<BodyPrioritiesResponse> =>
    (await server.request(`/api/bodies/${ids[body]}/priorities`, { headers: bearer(tokens[local]!) })).json();

  it('is published with its sender, publisher and the bodies it was routed to', () => {
    expect(priority).toMatchObject({
      title: 'Cut repeat ASB victimisation',
      body: { id: ids.SPB, name: 'Strategic Partnership Board' },
      publishedBy: { id: userIds['chair.spb'], name: 'Sarah Kendrick' },
      theme: 'Anti-social behaviour',
      period: '2027/28',
    });
    expect(priority.targets.map((target) => target.id).sort()).toEqual([ids['Charnwood CSP'], ids['Charnwood JAG'], ids['PZ People']].sort());
  });

  it('tells each receiving body’s chair and vice-chair, and nobody else', async () => {
    const told = await server.database.db
      .selectFrom('notifications')
      .select(['user_id', 'body_id', 'link', 'title'])
      .where('kind', '=', 'priority-routed')
      .execute();
    const pairs = told.map((row) => `${row.user_id}@${row.body_id}`).sort();
    expect(pairs).toEqual(
      [
        `${userIds['chair.csp']}@${ids['Charnwood CSP']}`,
        `${userIds['ci.barker']}@${ids['Charnwood CSP']}`,
        `${userIds['chair.jag']}@${ids['Charnwood JAG']}`,
        `${userIds['ci.barker']}@${ids['Charnwood JAG']}`,
        `${userIds['people.zone']}@${ids['PZ People']}`,
      ].sort(),
    );
    expect(told.every((row) => row.link === `/priorities/${priority.id}` && row.title.includes('Cut repeat ASB victimisation'))).toBe(true);
  });

  it('lists it as received by each body and sent by the SPB, and offers it to the body’s action log', async () => {
    const jag = await bodyPriorities('member.jag', 'Charnwood JAG');
    expect(jag.received).toEqual([expect.objectContaining({ id: priority.id, receivingBody: { id: ids['Charnwood JAG'], name: 'Charnwood Joint Action Group' }, acknowledgedAt: null })]);
    expect(jag.canPublish).toBe(false);
    const spb = await bodyPriorities('chair.spb', 'SPB');
    expect(spb.sent.map((sent) => sent.id)).toEqual([priority.id]);
    expect(spb.canPublish).toBe(true);
    expect(spb.below.map((body) => body.id)).toEqual(expect.arrayContaining([ids['Charnwood CSP'], ids['Charnwood JAG'], ids['PZ People']]));
    expect((await getActionLog(server, tokens['member.jag']!, ids['Charnwood JAG']!)).priorities).toEqual([
      { id: priority.id, title: 'Cut repeat ASB victimisation', fromBody: { id: ids.SPB, name: 'Strategic Partnership Board' } },
    ]);
    expect((await getActionLog(server, tokens['chair.spb']!, ids.SPB!)).priorities).toEqual([]);
  });

  it('rolls up linked actions per body: listed with owner, RAG and status, and counted done / outstanding / overdue', async () => {
    const jag = ids['Charnwood JAG']!;
    const overdue = await raise(server, tokens['member.jag']!, jag, { title: 'Visit repeat victims on Warwick Way', dueDate: '2026-01-15', ownerId: userIds['member.jag'], priorityId: priority.id });
    const finished = await raise(server, tokens['member.jag']!, jag, { title: 'Share the repeat-victim list with housing', ownerId: userIds['member.jag'], priorityId: priority.id });
    await raise(server, tokens['member.jag']!, jag, { title: 'Unlinked: patrol the Rushes' });
    const done = await postJson(server, tokens['member.jag']!, `/api/bodies/${jag}/actions/${finished.id}/status`, { status: 'done' });
    expect(done.status).toBe(204);
    await raise(server, tokens['people.zone']!, ids['PZ People']!, { title: 'Door-knock the Bell Foundry flats', dueDate: '2027-03-01', priorityId: priority.id });

    const thread = await goldenThread(server, tokens['chair.spb']!, priority.id);
    const state = (body: string) => thread.priority.bodies.find((each) => each.body.id === ids[body])!;
    expect(state('Charnwood JAG').counts).toEqual({ done: 1, outstanding: 1, overdue: 1 });
    expect(state('Charnwood JAG').actions.map((action) => [action.title, action.status, action.rag, action.owner?.name])).toEqual([
      ['Visit repeat victims on Warwick Way', 'open', 'red', 'Daniel Okafor'],
      ['Share the repeat-victim list with housing', 'done', null, 'Daniel Okafor'],
    ]);
    expect(state('Charnwood JAG').actions[0]).toMatchObject({ id: overdue.id, reference: overdue.reference, overdue: true, priorityId: priority.id });
    expect(state('PZ People').counts).toEqual({ done: 0, outstanding: 1, overdue: 0 });
    expect(state('PZ People').actions.map((action) => action.title)).toEqual(['Door-knock the Bell Foundry flats']);
    expect(state('Charnwood CSP')).toMatchObject({ actions: [], actionsHidden: false, counts: { done: 0, outstanding: 0, overdue: 0 } });
    expect(thread.priority.bodies.every((each) => !each.actionsHidden)).toBe(true);
    expect(thread.canAcknowledgeFor).toEqual([]);
  });

  it('is acknowledged once, by the receiving body’s chair or vice-chair, and the thread shows who and when', async () => {
    const acknowledge = (local: string, body: string) => postJson(server, tokens[local]!, `/api/priorities/${priority.id}/acknowledge`, { bodyId: ids[body] });
    expect((await goldenThread(server, tokens['chair.jag']!, priority.id)).canAcknowledgeFor).toEqual([ids['Charnwood JAG']]);
    expect((await goldenThread(server, tokens['ci.barker']!, priority.id)).canAcknowledgeFor.sort()).toEqual([ids['Charnwood CSP'], ids['Charnwood JAG']].sort());
    expect((await acknowledge('member.jag', 'Charnwood JAG')).status).toBe(403);
    expect((await acknowledge('chair.jag', 'PZ People')).status).toBe(403);
    expect((await acknowledge('chair.spb', 'SPB')).status).toBe(404);
    const answer = await acknowledge('chair.jag', 'Charnwood JAG');
    expect(answer.status).toBe(200);
    expect((await acknowledge('ci.barker', 'Charnwood JAG')).status).toBe(409);
    expect((await acknowledge('people.zone', 'PZ People')).status).toBe(200);

    const thread = await goldenThread(server, tokens.outsider!, priority.id);
    const state = (body: string) => thread.priority.bodies.find((each) => each.body.id === ids[body])!;
    expect(state('Charnwood JAG')).toMatchObject({ acknowledgedBy: { id: userIds['chair.jag'], name: 'Helen Whitmore' }, acknowledgedAt: expect.any(String) });
    expect(state('PZ People').acknowledgedBy?.name).toBe('Jasmine Patel');
    expect(state('Charnwood CSP').acknowledgedAt).toBeNull();
    expect((await bodyPriorities('member.jag', 'Charnwood JAG')).received[0]!.acknowledgedBy?.name).toBe('Helen Whitmore');
    const audited = await server.database.db.selectFrom('audit_events').select('action').where('subject_type', '=', 'priority').execute();
    expect(audited.map((row) => row.action).sort()).toEqual(['priority.acknowledged', 'priority.acknowledged', 'priority.published']);
  });

  it('records linking and unlinking in the action’s history, by the priority’s title', async () => {
    const jag = ids['Charnwood JAG']!;
    const action = await raise(server, tokens['member.jag']!, jag, { title: 'Later linked' });
    await server.registry.change(`actions.${jag}`, (doc) => actionsOf(doc).get(action.id)!.set('priorityId', priority.id), userIds['member.jag']!);
    await server.registry.flush(`actions.${jag}`);
    const history = (await (await server.request(`/api/bodies/${jag}/actions/${action.id}/history`, { headers: bearer(tokens['member.jag']!) })).json()) as ActionHistoryResponse;
    expect(history.history.find((entry) => entry.field === 'priority')).toMatchObject({ label: 'Priority served', from: null, to: 'Cut repeat ASB victimisation' });
    expect(history.action.priorityId).toBe(priority.id);
  });
});
