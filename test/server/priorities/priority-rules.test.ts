import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startTestServer, type TestServer } from '../../support/test-server.js';
import { postJson, publish, signInAll } from './priority-client.js';

const USERS = ['chair.spb', 'supt.hughes', 'opcc', 'chair.csp', 'chair.jag', 'ci.barker', 'member.jag', 'observer.jag', 'chair.youthjag', 'yjs', 'people.zone', 'outsider'];
const BODIES = ['SPB', 'Charnwood CSP', 'Charnwood JAG', 'Youth JAG', 'PZ People'];

describe('who may publish, acknowledge and read priorities, and what bad input gets', () => {
  let server: TestServer;
  let tokens: Record<string, string>;
  let ids: Record<string, number>;

  beforeAll(async () => {
    server = await startTestServer();
    ({ tokens, ids } = await signInAll(server, USERS, BODIES));
  });
  afterAll(() => server.close());

  const countStored = async () => ({
    priorities: Number((await server.database.db.selectFrom('priorities').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    targets: Number((await server.database.db.selectFrom('priority_targets').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
  });
  const attempt = (local: string, body: string, request: Record<string, unknown>) =>
    postJson(server, tokens[local]!, `/api/bodies/${ids[body] ?? body}/priorities`, {
      title: 'A priority',
      description: 'What is asked',
      theme: 'Theme',
      ...request,
    });

  const PUBLISHING: [string, string, number][] = [
    ['chair.spb', 'SPB', 201],
    ['supt.hughes', 'SPB', 201], // vice-chair
    ['opcc', 'SPB', 403], // secretariat
    ['chair.csp', 'SPB', 403], // member
    ['outsider', 'SPB', 403],
    ['chair.csp', 'Charnwood CSP', 201],
    ['chair.jag', 'Charnwood JAG', 201],
    ['ci.barker', 'Charnwood JAG', 201], // vice-chair
    ['member.jag', 'Charnwood JAG', 403],
    ['observer.jag', 'Charnwood JAG', 403],
    ['chair.youthjag', 'Youth JAG', 403], // nothing below it
    ['people.zone', 'PZ People', 403], // nothing below it
    ['outsider', 'Youth JAG', 404], // confidential: answered as missing
    ['chair.jag', 'Youth JAG', 404],
  ];
  for (const [local, body, status] of PUBLISHING) {
    it(`${local} publishing from ${body}: ${status}`, async () => {
      const before = await countStored();
      const response = await attempt(local, body, { targetBodyIds: 'all' });
      expect(response.status).toBe(status);
      if (status !== 201) expect(await countStored()).toEqual(before);
    });
  }

  it('says who may publish from a body on its priorities page', async () => {
    const canPublish = async (local: string, body: string) =>
      ((await (await server.request(`/api/bodies/${ids[body]}/priorities`, { headers: bearer(tokens[local]!) })).json()) as { canPublish: boolean }).canPublish;
    expect(await canPublish('chair.spb', 'SPB')).toBe(true);
    expect(await canPublish('opcc', 'SPB')).toBe(false);
    expect(await canPublish('chair.youthjag', 'Youth JAG')).toBe(false);
    expect(await canPublish('outsider', 'Charnwood JAG')).toBe(false);
  });

  const BAD: [string, string, Record<string, unknown>, number, string?][] = [
    ['a target that is not below the sender', 'chair.jag', { targetBodyIds: ['Charnwood CSP'] }, 400, 'Charnwood CSP'],
    ['the sender itself', 'chair.spb', { targetBodyIds: ['SPB'] }, 400, 'SPB'],
    ['an unknown body', 'chair.spb', { targetBodyIds: [987654] }, 400, '987654'],
    ['no targets', 'chair.spb', { targetBodyIds: [] }, 400],
    ['targets as a word', 'chair.spb', { targetBodyIds: 'some' }, 400],
    ['an empty title', 'chair.spb', { title: '   ', targetBodyIds: 'all' }, 400],
    ['a title that is a number', 'chair.spb', { title: 5, targetBodyIds: 'all' }, 400],
    ['no description', 'chair.spb', { description: '', targetBodyIds: 'all' }, 400],
    ['an unknown field', 'chair.spb', { colour: 'red', targetBodyIds: 'all' }, 400],
  ];
  for (const [name, local, request, status, named] of BAD) {
    it(`refuses ${name} (${status}), storing nothing`, async () => {
      const before = await countStored();
      const targetBodyIds = Array.isArray(request.targetBodyIds)
        ? request.targetBodyIds.map((target) => (typeof target === 'string' ? ids[target] : target))
        : request.targetBodyIds;
      const response = await attempt(local, local === 'chair.jag' ? 'Charnwood JAG' : 'SPB', { ...request, targetBodyIds });
      expect(response.status).toBe(status);
      const error = (await response.json()).error;
      if (named) expect(error.message).toContain(String(ids[named] ?? named));
      expect(await countStored()).toEqual(before);
    });
  }

  it('answers unknown bodies and priorities with 404, and a signed-out caller with 401', async () => {
    expect((await attempt('chair.spb', '987654', { targetBodyIds: 'all' })).status).toBe(404);
    expect((await server.request('/api/bodies/987654/priorities', { headers: bearer(tokens['chair.spb']!) })).status).toBe(404);
    expect((await server.request('/api/priorities/987654', { headers: bearer(tokens['chair.spb']!) })).status).toBe(404);
    expect((await postJson(server, tokens['chair.spb']!, '/api/priorities/987654/acknowledge', { bodyId: ids.SPB })).status).toBe(404);
    expect((await server.request('/api/priorities/abc', { headers: bearer(tokens['chair.spb']!) })).status).toBe(400);
    expect((await server.request('/api/priorities/1')).status).toBe(401);
    expect((await server.request(`/api/bodies/${ids.SPB}/priorities`)).status).toBe(401);
  });

  it('lets everyone signed in read a priority from a body they may read; only receiving chairs acknowledge', async () => {
    const priority = await publish(server, tokens['chair.jag']!, ids['Charnwood JAG']!, { targetBodyIds: [ids['PZ People']!, ids['Youth JAG']!] });
    const ACKNOWLEDGING: [string, string, number][] = [
      ['member.jag', 'PZ People', 403], // a member, not its chair
      ['chair.jag', 'PZ People', 403], // the sender's chair
      ['outsider', 'PZ People', 403],
      ['chair.jag', 'Youth JAG', 404], // not a member of the confidential receiver
      ['yjs', 'Youth JAG', 200], // its vice-chair
      ['chair.youthjag', 'Youth JAG', 409], // already acknowledged
      ['people.zone', 'Charnwood JAG', 404], // not a receiver
      ['people.zone', 'PZ People', 200],
    ];
    for (const [local, body, status] of ACKNOWLEDGING) {
      const response = await postJson(server, tokens[local]!, `/api/priorities/${priority.id}/acknowledge`, { bodyId: ids[body] });
      expect(response.status, `${local} for ${body}`).toBe(status);
    }
    for (const bad of [{}, { bodyId: 'PZ People' }, { bodyId: ids['PZ People'], extra: 1 }]) {
      expect((await postJson(server, tokens['people.zone']!, `/api/priorities/${priority.id}/acknowledge`, bad)).status).toBe(400);
    }
    for (const local of USERS) {
      const response = await server.request(`/api/priorities/${priority.id}`, { headers: bearer(tokens[local]!) });
      expect(response.status, local).toBe(200);
    }
  });
});
