import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BodiesResponse } from '../../../shared/api.js';
import { bodiesBelow } from '../../../shared/priorities.js';
import { bearer, startTestServer, type TestServer } from '../../support/test-server.js';
import { goldenThread, postJson, publish, raise, signInAll } from './priority-client.js';

const MARKER = 'ZEBRA-7731 named child at risk';

describe('a priority routed to a confidential sub-group, and to every body below', () => {
  let server: TestServer;
  let tokens: Record<string, string>;
  let ids: Record<string, number>;
  let userIds: Record<string, number>;

  beforeAll(async () => {
    server = await startTestServer();
    ({ tokens, ids, userIds } = await signInAll(
      server,
      ['chair.jag', 'chair.youthjag', 'chair.csp', 'outsider', 'member.jag', 'sgt.walsh'],
      ['Charnwood JAG', 'Youth JAG', 'PZ People', 'Charnwood CSP'],
    ));
  });
  afterAll(() => server.close());

  it('shows a non-member of the Youth JAG its counts but never its actions', async () => {
    const priority = await publish(server, tokens['chair.jag']!, ids['Charnwood JAG']!, {
      title: 'Divert young people from knife crime',
      targetBodyIds: [ids['Youth JAG']!, ids['PZ People']!],
    });
    await raise(server, tokens['chair.youthjag']!, ids['Youth JAG']!, {
      title: MARKER,
      description: `${MARKER}: details`,
      ownerId: userIds['sgt.walsh'],
      dueDate: '2026-02-01',
      priorityId: priority.id,
    });

    const seen: string[] = [];
    const read = async (local: string, path: string) => {
      const response = await server.request(path, { headers: bearer(tokens[local]!) });
      const text = await response.text();
      seen.push(text);
      return { status: response.status, text };
    };
    for (const local of ['chair.jag', 'outsider', 'member.jag', 'chair.csp']) {
      const thread = await read(local, `/api/priorities/${priority.id}`);
      expect(thread.status).toBe(200);
      const youth = (JSON.parse(thread.text) as Awaited<ReturnType<typeof goldenThread>>).priority.bodies.find((body) => body.body.id === ids['Youth JAG'])!;
      expect(youth).toMatchObject({ actions: [], actionsHidden: true, counts: { done: 0, outstanding: 1, overdue: 1 } });
      expect((await read(local, `/api/bodies/${ids['Youth JAG']}/priorities`)).status).toBe(404);
      for (const body of ['Charnwood JAG', 'PZ People', 'Charnwood CSP']) await read(local, `/api/bodies/${ids[body]}/priorities`);
      await read(local, '/api/me/notifications');
      // Acknowledging for a body one may not read answers as if it had received nothing.
      const acknowledge = await postJson(server, tokens[local]!, `/api/priorities/${priority.id}/acknowledge`, { bodyId: ids['Youth JAG'] });
      seen.push(await acknowledge.text());
      expect(acknowledge.status).toBe(404);
    }
    expect(seen.join('\n')).not.toContain('ZEBRA-7731');

    const member = await goldenThread(server, tokens['chair.youthjag']!, priority.id);
    const youth = member.priority.bodies.find((body) => body.body.id === ids['Youth JAG'])!;
    expect(youth.actionsHidden).toBe(false);
    expect(youth.actions.map((action) => action.title)).toEqual([MARKER]);
    expect(member.canAcknowledgeFor).toEqual([ids['Youth JAG']]);
    const nonMembers = ['chair.jag', 'outsider', 'member.jag', 'chair.csp'].map((local) => userIds[local]!);
    const told = await server.database.db.selectFrom('notifications').select(['title', 'detail']).where('user_id', 'in', nonMembers).execute();
    expect(JSON.stringify(told)).not.toContain('ZEBRA-7731');
    // Its owner, a member, is told it is theirs.
    const owner = await server.database.db.selectFrom('notifications').select('title').where('user_id', '=', userIds['sgt.walsh']!).execute();
    expect(owner.map((row) => row.title)).toContainEqual(expect.stringMatching(/^Action assigned to you: YJAG-\d+ ZEBRA-7731/));
  });

  it('routes to every body below the sender, at any depth, when told “all”', async () => {
    const priority = await publish(server, tokens['chair.csp']!, ids['Charnwood CSP']!, { title: 'Every group: a hate crime lead', targetBodyIds: 'all' });
    const { bodies } = (await (await server.request('/api/bodies', { headers: bearer(tokens['chair.csp']!) })).json()) as BodiesResponse;
    const below = bodiesBelow(bodies, ids['Charnwood CSP']!).map((body) => body.id);
    expect(below.length).toBeGreaterThan(8);
    expect(below).toEqual(expect.arrayContaining([ids['Charnwood JAG'], ids['Youth JAG'], ids['PZ People']]));
    expect(priority.targets.map((target) => target.id).sort((a, b) => a - b)).toEqual([...below].sort((a, b) => a - b));
    expect(priority.targets.map((target) => target.id)).not.toContain(ids['Charnwood CSP']);
    const thread = await goldenThread(server, tokens.outsider!, priority.id);
    expect(thread.priority.bodies.filter((body) => body.actionsHidden).map((body) => body.body.name).sort()).toEqual([
      'Charnwood Adults at Risk Sub-Group',
      'Charnwood Youth JAG',
    ]);
  });
});
