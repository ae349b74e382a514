import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionCreatedResponse } from '../../../shared/api.js';
import { listActions } from '../../support/action-log.js';
import { bodyId } from '../../support/meetings.js';
import { bearer, startTestServer, type TestServer } from '../../support/test-server.js';

describe('POST /api/bodies/:id/actions: raising an action outside a meeting', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  const userIds: Record<string, number> = {};
  const bodies: Record<string, number> = {};

  beforeAll(async () => {
    server = await startTestServer();
    for (const local of ['chair.spb', 'chair.jag', 'member.jag', 'observer.jag', 'outsider', 'sgt.walsh', 'chair.youthjag']) {
      tokens[local] = await server.signIn(local);
      userIds[local] = (await (await server.request('/api/me', { headers: bearer(tokens[local]!) })).json()).user.id;
    }
    for (const name of ['SPB', 'Charnwood JAG', 'Youth JAG', 'PZ People']) bodies[name] = await bodyId(server, tokens['chair.jag']!, name);
  });
  afterAll(() => server.close());

  const raise = (local: string, body: string | number, request: unknown) =>
    server.request(`/api/bodies/${bodies[body as string] ?? body}/actions`, {
      method: 'POST',
      headers: { ...bearer(tokens[local]!), 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
  const stored = async () => Number((await server.database.db.selectFrom('actions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const logged = async () => Number((await server.database.db.selectFrom('doc_updates').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('writes it into the live log, numbered, with every field, and tells the owner it is theirs', async () => {
    const agencyId = (await server.database.db.selectFrom('agencies').select('id').where('short_name', '=', 'Police').executeTakeFirstOrThrow()).id;
    const response = await raise('member.jag', 'Charnwood JAG', {
      title: 'Survey shop keepers on Market Street',
      description: 'Ask about repeat theft and abuse of staff.',
      ownerId: userIds['sgt.walsh'],
      leadAgencyId: agencyId,
      dueDate: '2027-02-26',
      theme: 'Retail crime',
    });
    expect(response.status).toBe(201);
    const { action } = (await response.json()) as ActionCreatedResponse;
    expect(action).toMatchObject({
      reference: expect.stringMatching(/^JAG-\d{4}$/),
      bodyId: bodies['Charnwood JAG'],
      title: 'Survey shop keepers on Market Street',
      description: 'Ask about repeat theft and abuse of staff.',
      owner: { id: userIds['sgt.walsh'], name: 'Sgt. Becky Walsh' },
      leadAgency: { id: agencyId },
      dueDate: '2027-02-26',
      status: 'open',
      theme: 'Retail crime',
      priorityId: null,
    });
    const listed = await listActions(server, tokens['chair.jag']!, `/api/bodies/${bodies['Charnwood JAG']}/actions`);
    expect(listed.find((each) => each.id === action.id)?.reference).toBe(action.reference);
    const told = await server.database.db.selectFrom('notifications').select(['kind', 'title']).where('user_id', '=', userIds['sgt.walsh']!).execute();
    expect(told).toContainEqual({ kind: 'action-assigned', title: `Action assigned to you: ${action.reference} Survey shop keepers on Market Street` });
    const audited = await server.database.db.selectFrom('audit_events').select('subject_id').where('action', '=', 'action.raised').execute();
    expect(audited.map((row) => row.subject_id)).toContain(`${bodies['Charnwood JAG']}/${action.id}`);
  });

  it('does not tell someone who raised an action for themselves', async () => {
    const before = await server.database.db.selectFrom('notifications').select('id').where('user_id', '=', userIds['member.jag']!).execute();
    expect((await raise('member.jag', 'Charnwood JAG', { title: 'My own', ownerId: userIds['member.jag'] })).status).toBe(201);
    const after = await server.database.db.selectFrom('notifications').select('id').where('user_id', '=', userIds['member.jag']!).execute();
    expect(after).toHaveLength(before.length);
  });

  const REFUSED: [string, string, string | number, unknown, number][] = [
    ['an observer', 'observer.jag', 'Charnwood JAG', { title: 'Watching' }, 403],
    ['a non-member of an open body', 'outsider', 'Charnwood JAG', { title: 'Meddling' }, 403],
    ['a non-member of a confidential body', 'chair.jag', 'Youth JAG', { title: 'Peeking' }, 404],
    ['an unknown body', 'chair.jag', 987654, { title: 'Nowhere' }, 404],
    ['an owner who is not a member', 'chair.jag', 'Charnwood JAG', { title: 'Given away', ownerId: -1 }, 400],
    ['an unknown agency', 'chair.jag', 'Charnwood JAG', { title: 'Nobody leads', leadAgencyId: 987654 }, 400],
    ['a priority not routed to the body', 'chair.jag', 'Charnwood JAG', { title: 'Serving nothing', priorityId: 987654 }, 400],
    ['an empty title', 'chair.jag', 'Charnwood JAG', { title: '  ' }, 400],
    ['no title', 'chair.jag', 'Charnwood JAG', { description: 'Untitled' }, 400],
    ['a title that is a number', 'chair.jag', 'Charnwood JAG', { title: 42 }, 400],
    ['an impossible due date', 'chair.jag', 'Charnwood JAG', { title: 'Never', dueDate: '2027-02-30' }, 400],
    ['an owner id as text', 'chair.jag', 'Charnwood JAG', { title: 'Typed', ownerId: 'Helen' }, 400],
    ['an unknown field', 'chair.jag', 'Charnwood JAG', { title: 'Extra', status: 'done' }, 400],
  ];
  for (const [name, local, body, request, status] of REFUSED) {
    it(`refuses ${name} (${status}), storing nothing`, async () => {
      const [actionsBefore, updatesBefore] = [await stored(), await logged()];
      const owner = (request as { ownerId?: number }).ownerId === -1 ? { ownerId: userIds.outsider } : {};
      const response = await raise(local, body, { ...(request as object), ...owner });
      expect(response.status).toBe(status);
      await server.registry.settle();
      expect([await stored(), await logged()]).toEqual([actionsBefore, updatesBefore]);
    });
  }

  it('says which field the live log refused', async () => {
    const response = await raise('chair.jag', 'Charnwood JAG', { title: 'Given away', ownerId: userIds.outsider });
    expect((await response.json()).error.message).toBe('The action was refused: ownerId: The owner must be a member of this body');
  });

  it('links it to a priority routed to the body', async () => {
    const published = await server.request(`/api/bodies/${bodies.SPB}/priorities`, {
      method: 'POST',
      headers: { ...bearer(tokens['chair.spb']!), 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Safer town centre', description: 'Fewer repeat incidents', targetBodyIds: [bodies['Charnwood JAG']] }),
    });
    const priorityId = (await published.json()).priority.id as number;
    const response = await raise('member.jag', 'Charnwood JAG', { title: 'Serving the town centre priority', priorityId });
    expect(response.status).toBe(201);
    expect(((await response.json()) as ActionCreatedResponse).action.priorityId).toBe(priorityId);
    expect((await raise('member.jag', 'PZ People', { title: 'Not routed here', priorityId })).status).toBe(400);
  });
});
