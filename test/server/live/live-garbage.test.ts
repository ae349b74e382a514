import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_MESSAGE_BYTES } from '../../../server/live/live-channel.js';
import { connectLive, type LiveClient } from '../../support/live-client.js';
import { bodyId } from '../../support/meetings.js';
import { bearer, startTestServer, type TestServer } from '../../support/test-server.js';

/** A raw engine.io WebSocket, as an attacker's script would open it, once the server has said hello. */
async function rawSocket(server: TestServer): Promise<{ socket: WebSocket; closed: Promise<number> }> {
  const socket = new WebSocket(`${server.url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`);
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  socket.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    socket.once('message', () => resolve());
    socket.once('error', reject);
  });
  return { socket, closed };
}

describe('the live channel under garbage', () => {
  let server: TestServer;
  let token: string;
  let jagId: number;
  let bystander: LiveClient;

  /** Another person's connection still works, and so does the API. */
  async function othersUnaffected() {
    expect(bystander.socket.connected).toBe(true);
    expect(await bystander.watch('body:watch', jagId)).toEqual({ ok: true });
    expect((await server.request('/api/me', { headers: bearer(token) })).status).toBe(200);
  }

  beforeAll(async () => {
    server = await startTestServer();
    token = await server.signIn('member.jag');
    jagId = await bodyId(server, token, 'Charnwood JAG');
    bystander = await connectLive(server, await server.signIn('observer.jag'));
  });
  afterEach(othersUnaffected);
  afterAll(async () => {
    bystander.close();
    await server.close();
  });

  it.each([
    ['random bytes', () => randomBytes(512)],
    ['an unknown packet type', () => '9hello'],
    ['a message that is not socket.io', () => '4{{{{not json'],
    ['a half event', () => '42["body:watch",'],
    ['an event for a namespace that does not exist', () => '40/admin,'],
  ])('drops a connection that sends %s', async (_what, message) => {
    const { socket, closed } = await rawSocket(server);
    socket.send(message());
    socket.send('42["body:watch",1]');
    expect(await closed).toBeGreaterThan(0);
  });

  it('drops a connection that sends a message over the size limit', async () => {
    const { socket, closed } = await rawSocket(server);
    socket.send(`42["body:watch",${'1'.repeat(LIVE_MESSAGE_BYTES * 4)}]`);
    expect(await closed).toBe(1009);
  });

  it('drops a signed-in socket that sends an oversize event', async () => {
    const client = await connectLive(server, token);
    (client.socket.emit as (...args: unknown[]) => void)('body:watch', 'x'.repeat(LIVE_MESSAGE_BYTES * 2), () => {});
    expect(await client.disconnected()).toBe('transport close');
  });

  it('refuses an oversize long-polling request', async () => {
    const handshake = await server.request('/socket.io/?EIO=4&transport=polling');
    const { sid } = JSON.parse((await handshake.text()).slice(1)) as { sid: string };
    const posted = await server.request(`/socket.io/?EIO=4&transport=polling&sid=${sid}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      body: `4${'x'.repeat(LIVE_MESSAGE_BYTES * 4)}`,
    });
    expect(posted.status).toBeGreaterThanOrEqual(400);
  });

  it('drops a connection that sends an event before joining, and refuses the join without credentials', async () => {
    const early = await rawSocket(server);
    early.socket.send('42["body:watch",1]');
    expect(await early.closed).toBeGreaterThan(0);

    const { socket, closed } = await rawSocket(server);
    const replies: string[] = [];
    socket.on('message', (data) => replies.push(String(data)));
    socket.send('40{"token":"forged"}');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(replies.some((reply) => reply.startsWith('44') && reply.includes('"unauthenticated"'))).toBe(true);
    socket.close();
    await closed;
  });
});
