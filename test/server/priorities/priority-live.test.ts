/** A priority's notifications and golden-thread refreshes over a real socket.io client, as they happen. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectLive, type LiveClient } from '../../support/live-client.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { postJson, publish, raise, signInAll } from './priority-client.js';

describe('a priority, live over socket.io', () => {
  let server: TestServer;
  let people: Awaited<ReturnType<typeof signInAll>>;
  const sockets: Record<string, LiveClient> = {};

  beforeAll(async () => {
    server = await startTestServer();
    people = await signInAll(server, ['chair.spb', 'chair.jag', 'member.jag', 'outsider'], ['SPB', 'Charnwood JAG']);
    for (const local of ['chair.spb', 'chair.jag', 'member.jag', 'outsider']) sockets[local] = await connectLive(server, people.tokens[local]!);
  });
  afterAll(async () => {
    for (const socket of Object.values(sockets)) socket.close();
    await server?.close();
  });

  it('tells the receiving chair, and the golden thread’s watchers hear each acknowledgement and linked action', async () => {
    const { tokens, ids } = people;
    const jag = ids['Charnwood JAG']!;
    const priority = await publish(server, tokens['chair.spb']!, ids['SPB']!, { targetBodyIds: [jag] });
    const told = await sockets['chair.jag']!.waitFor('notification', (notification) => notification.kind === 'priority-routed');
    expect(told).toMatchObject({ bodyId: jag, link: `/priorities/${priority.id}` });
    expect(sockets['member.jag']!.all('notification').filter((notification) => notification.kind === 'priority-routed')).toEqual([]);

    expect(await sockets['chair.spb']!.watch('priority:watch', priority.id)).toEqual({ ok: true });
    expect(await sockets['outsider']!.watch('priority:watch', priority.id)).toEqual({ ok: true }); // sent by an open body

    expect((await postJson(server, tokens['chair.jag']!, `/api/priorities/${priority.id}/acknowledge`, { bodyId: jag })).status).toBe(200);
    await sockets['chair.spb']!.waitFor('priority:changed', (change) => change.priorityId === priority.id);
    const heardBefore = sockets['chair.spb']!.all('priority:changed').length;

    await raise(server, tokens['member.jag']!, jag, { title: 'Map the repeat locations', priorityId: priority.id });
    await sockets['chair.spb']!.waitFor('priority:changed', () => sockets['chair.spb']!.all('priority:changed').length > heardBefore);
    await sockets['outsider']!.waitFor('priority:changed', () => sockets['outsider']!.all('priority:changed').length > 1);
  });
});
