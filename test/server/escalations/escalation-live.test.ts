/**
 * An escalation's notifications and list refreshes over a real socket.io
 * client, as they happen: the receiving chairs are told, watchers of both
 * bodies hear their lists changed, and nothing a Youth JAG non-member's socket
 * receives carries the confidential action's details.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectLive, type LiveClient } from '../../support/live-client.js';
import { bodyId } from '../../support/meetings.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { call, raiseAction, userId } from './escalation-support.js';

const MARKER = 'OSPREY-2208';

describe('an escalation, live over socket.io', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  const sockets: Record<string, LiveClient> = {};
  let youth: number;
  let jag: number;
  let csp: number;

  beforeAll(async () => {
    server = await startTestServer();
    for (const local of ['chair.youthjag', 'chair.jag', 'chair.csp', 'outsider', 'member.jag']) {
      tokens[local] = await server.signIn(local);
      sockets[local] = await connectLive(server, tokens[local]!);
    }
    youth = await bodyId(server, tokens['chair.youthjag']!, 'Youth JAG');
    jag = await bodyId(server, tokens['chair.jag']!, 'Charnwood JAG');
    csp = await bodyId(server, tokens['chair.csp']!, 'Charnwood CSP');
  });
  afterAll(async () => {
    for (const socket of Object.values(sockets)) socket.close();
    await server?.close();
  });

  it('tells the receiving chair as it happens, refreshes watchers, and carries no confidential detail', async () => {
    expect(await sockets['outsider']!.watch('body:watch', jag)).toEqual({ ok: true });
    expect(await sockets['outsider']!.watch('body:watch', youth)).toMatchObject({ ok: false, code: 'not_found' });
    expect(await sockets['chair.csp']!.watch('body:watch', csp)).toEqual({ ok: true });
    const actionId = await raiseAction(server, youth, { title: `Young person ${MARKER}`, description: `Lives at ${MARKER} Road`, ownerId: await userId(server, 'yjs') });

    const first = await call(server, tokens['chair.youthjag']!, 'POST', `/api/actions/${actionId}/escalations`, {
      summary: 'A young person needs a diversion place no Youth JAG partner funds',
      reason: 'No budget at the Youth JAG',
      bodyId: youth,
    });
    expect(first.status).toBe(201);
    const told = await sockets['chair.jag']!.waitFor('notification', (notification) => notification.kind === 'escalation-received');
    expect(told).toMatchObject({ bodyId: jag, link: `/escalations/${first.json.escalation.id}` });
    expect(told.detail + told.title).toContain('diversion place');
    await sockets['outsider']!.waitFor('body:changed', (change) => change.bodyId === jag && change.list === 'escalations');

    const further = await call(server, tokens['chair.jag']!, 'POST', `/api/escalations/${first.json.escalation.id}/escalate`, {
      summary: 'Fund diversion places for the Youth JAG cohort',
      reason: 'Beyond the JAG’s budget',
    });
    expect(further.status).toBe(201);
    await sockets['chair.csp']!.waitFor('notification', (notification) => notification.kind === 'escalation-received' && notification.bodyId === csp);
    await sockets['chair.csp']!.waitFor('body:changed', (change) => change.bodyId === csp && change.list === 'escalations');
    // The Youth JAG chair hears that their escalation was passed on.
    await sockets['chair.youthjag']!.waitFor('notification', (notification) => notification.kind === 'escalation-answered');

    // A plain JAG member is not a receiving chair: no notification of either hop.
    expect(sockets['member.jag']!.all('notification').filter((notification) => notification.kind.startsWith('escalation'))).toEqual([]);
    for (const local of ['chair.jag', 'chair.csp', 'outsider', 'member.jag']) {
      expect(JSON.stringify(sockets[local]!.heard), `${local}'s socket`).not.toContain(MARKER);
    }
  });
});
