import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { REALTIME_LIMITS } from '../../../shared/limits.js';
import { getActionLog } from '../../support/action-log.js';
import { connectLive, refusedLive, settle, type LiveClient } from '../../support/live-client.js';
import { bodyId } from '../../support/meetings.js';
import { bearer, startTestServer, type TestServer } from '../../support/test-server.js';
import { connectPeer } from '../../support/yjs-client.js';

describe('the live channel’s door', () => {
  let server: TestServer;
  let token: string;
  const clients: LiveClient[] = [];
  const live = async (options: Parameters<typeof connectLive>[1]) => {
    const client = await connectLive(server, options);
    clients.push(client);
    return client;
  };
  const ownOrigin = () => new URL(server.url).origin;

  beforeAll(async () => {
    server = await startTestServer();
    token = await server.signIn('member.jag');
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });
  afterAll(() => server.close());

  describe('refuses', () => {
    it('a handshake with no credentials', async () => {
      expect(await refusedLive(server, {})).toMatchObject({ code: 'unauthenticated' });
    });

    it('a token that is not a session', async () => {
      expect(await refusedLive(server, { token: 'not-a-real-session-token' })).toMatchObject({ code: 'unauthenticated' });
      expect(await refusedLive(server, { token: 42 })).toMatchObject({ code: 'unauthenticated' });
    });

    it('the session cookie sent from another site’s page', async () => {
      const refusal = await refusedLive(server, { headers: { cookie: `quorum_session=${token}`, origin: 'https://evil.example' } });
      expect(refusal).toMatchObject({ code: 'forbidden' });
    });

    it('a cookie that is not a session, even from our own pages', async () => {
      expect(await refusedLive(server, { headers: { cookie: 'quorum_session=stale', origin: ownOrigin() } })).toMatchObject({ code: 'unauthenticated' });
    });

    it(`a ${REALTIME_LIMITS.socketsPerUser + 1}th socket of one person, until one closes`, async () => {
      const many = await Promise.all(Array.from({ length: REALTIME_LIMITS.socketsPerUser }, () => live(token)));
      expect(await refusedLive(server, { token })).toMatchObject({ code: 'too_many_connections' });
      // Someone else is not affected.
      await live(await server.signIn('observer.jag'));
      many[0]!.close();
      await settle(100);
      await live(token);
    });
  });

  describe('lets in', () => {
    it('a session token in the handshake’s auth', async () => {
      const client = await live(token);
      expect(client.socket.connected).toBe(true);
    });

    it('the session cookie from our own pages', async () => {
      const client = await live({ headers: { cookie: `quorum_session=${token}`, origin: ownOrigin() } });
      expect(client.socket.connected).toBe(true);
    });

    it('alongside the Yjs endpoint on the same server', async () => {
      const client = await live(token);
      const jagId = await bodyId(server, token, 'Charnwood JAG');
      const { docName } = await getActionLog(server, token, jagId);
      const peer = connectPeer(server.yjsUrl, docName, token);
      try {
        await peer.synced();
      } finally {
        peer.destroy();
      }
      expect(client.socket.connected).toBe(true);
      expect(await client.watch('body:watch', jagId)).toEqual({ ok: true });
    });
  });

  it('signing out closes that session’s sockets and no other session’s', async () => {
    const leaving = await server.signIn('chair.jag');
    const staying = await server.signIn('chair.jag');
    const [a, b] = [await live(leaving), await live({ headers: { cookie: `quorum_session=${leaving}` } })];
    const other = await live(staying);
    const signedOut = await server.request('/api/session', { method: 'DELETE', headers: bearer(leaving) });
    expect(signedOut.status).toBe(204);
    expect(await a.disconnected()).toBe('io server disconnect');
    expect(await b.disconnected()).toBe('io server disconnect');
    await settle(100);
    expect(other.socket.connected).toBe(true);
    expect(await other.watch('body:watch', await bodyId(server, staying, 'Charnwood JAG'))).toEqual({ ok: true });
    expect(await refusedLive(server, { token: leaving })).toMatchObject({ code: 'unauthenticated' });
  });

  it('drops a socket whose session has expired when it next asks to watch', async () => {
    const expiring = await server.signIn('observer.jag');
    const client = await live(expiring);
    await server.database.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('user_id', 'in', (eb) =>
      eb.selectFrom('users').select('id').where('email', '=', 'observer.jag@demo.quorum.test'),
    ).execute();
    client.socket.emit('body:watch', 1, () => {});
    expect(await client.disconnected()).toBe('io server disconnect');
  });
});
