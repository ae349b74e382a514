import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationsResponse } from '../../../shared/api.js';
import { actionsOf, readActions } from '../../../shared/action-log-doc.js';
import { getActionLog } from '../../support/action-log.js';
import { connectLive, settle, type LiveClient } from '../../support/live-client.js';
import { bodyId, createMeeting } from '../../support/meetings.js';
import { bearer, startTestServer, type TestServer } from '../../support/test-server.js';
import { connectPeer } from '../../support/yjs-client.js';

describe('what the live channel tells people', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  const ids: Record<string, number> = {};
  let jagId: number;
  let youthId: number;
  const clients: LiveClient[] = [];
  const live = async (local: string) => {
    const client = await connectLive(server, tokens[local]!);
    clients.push(client);
    return client;
  };
  const listed = async (local: string) =>
    (await (await server.request('/api/me/notifications', { headers: bearer(tokens[local]!) })).json()) as NotificationsResponse;

  beforeAll(async () => {
    server = await startTestServer();
    for (const local of ['chair.jag', 'member.jag', 'observer.jag', 'outsider', 'chair.youthjag', 'community.safety']) {
      tokens[local] = await server.signIn(local);
      ids[local] = (await (await server.request('/api/me', { headers: bearer(tokens[local]!) })).json()).user.id as number;
    }
    jagId = await bodyId(server, tokens['chair.jag']!, 'Charnwood JAG');
    youthId = await bodyId(server, tokens['chair.youthjag']!, 'Youth JAG');
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });
  afterAll(() => server.close());

  it('tells the JAG’s members live that the chair started a meeting, and keeps it for those offline', async () => {
    const [chair, member, outsider] = [await live('chair.jag'), await live('member.jag'), await live('outsider')];
    const { meeting } = await createMeeting(server, tokens['chair.jag']!, 'Charnwood JAG');
    const told = await member.waitFor('notification', (each) => each.kind === 'meeting-live' && each.link === `/meetings/${meeting.id}`);
    expect(told).toMatchObject({ bodyId: jagId, readAt: null, title: `${meeting.title} has started` });
    await settle();
    expect(chair.all('notification')).toEqual([]);
    expect(outsider.all('notification')).toEqual([]);

    // The observer was offline: it waits in their list.
    const { notifications, unread } = await listed('observer.jag');
    expect(notifications[0]).toMatchObject({ kind: 'meeting-live', bodyId: jagId, link: `/meetings/${meeting.id}`, readAt: null });
    expect(unread).toBeGreaterThanOrEqual(1);
    expect((await listed('chair.jag')).notifications.filter((each) => each.kind === 'meeting-live')).toEqual([]);
  });

  it('tells an action’s new owner when the chair gives it to them in the live log', async () => {
    const owner = await live('community.safety');
    const { docName } = await getActionLog(server, tokens['chair.jag']!, jagId);
    const chair = connectPeer(server.yjsUrl, docName, tokens['chair.jag']!);
    try {
      await chair.synced();
      const action = readActions(chair.doc).find((each) => each.title === 'Map repeat ASB locations on the Warwick Way estate')!;
      actionsOf(chair.doc).get(action.id)!.set('ownerId', ids['community.safety']!);
      const told = await owner.waitFor('notification', (each) => each.kind === 'action-assigned');
      expect(told).toMatchObject({ bodyId: jagId, link: '/my-actions' });
      expect(told.title).toContain('Map repeat ASB locations on the Warwick Way estate');
    } finally {
      chair.destroy();
    }
    expect((await listed('community.safety')).notifications.some((each) => each.kind === 'action-assigned')).toBe(true);
  });

  describe('watching a body', () => {
    it('is refused as not found for a confidential body to a non-member, and for a body that does not exist', async () => {
      const member = await live('member.jag');
      expect(await member.watch('body:watch', youthId)).toMatchObject({ ok: false, code: 'not_found' });
      expect(await member.watch('body:watch', 999_999)).toMatchObject({ ok: false, code: 'not_found' });
    });

    it('is granted to a member of the confidential body, and to anyone for an open one', async () => {
      expect(await (await live('chair.youthjag')).watch('body:watch', youthId)).toEqual({ ok: true });
      expect(await (await live('outsider')).watch('body:watch', jagId)).toEqual({ ok: true });
    });

    it('hears a list change only while watching, and only watchers hear it', async () => {
      const [watcher, bystander] = [await live('member.jag'), await live('observer.jag')];
      expect(await watcher.watch('body:watch', jagId)).toEqual({ ok: true });
      await createMeeting(server, tokens['chair.jag']!, 'Charnwood JAG', { start: false });
      expect(await watcher.waitFor('body:changed')).toEqual({ bodyId: jagId, list: 'meetings' });
      await settle();
      expect(bystander.all('body:changed')).toEqual([]);

      watcher.socket.emit('body:unwatch', jagId);
      await settle(100);
      await createMeeting(server, tokens['chair.jag']!, 'Charnwood JAG', { start: false });
      await settle();
      expect(watcher.all('body:changed')).toHaveLength(1);
    });

    it('answers a bad id as a bad request', async () => {
      const member = await live('member.jag');
      for (const id of [0, -1, 1.5, '1', null, { id: 1 }, Number.MAX_SAFE_INTEGER + 2, Number.NaN]) {
        expect(await member.watch('body:watch', id)).toMatchObject({ ok: false, code: 'bad_request' });
      }
    });
  });

  describe('watching a priority', () => {
    let priorityId: number;
    beforeAll(async () => {
      ({ id: priorityId } = await server.database.db
        .insertInto('priorities')
        .values({
          body_id: youthId,
          title: 'Knife crime awareness in schools',
          description: 'Confidential to the Youth JAG',
          theme: 'Youth offending',
          published_by: ids['chair.youthjag']!,
          published_at: new Date().toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow());
    });

    it('is granted to those who may read it, and refused as not found to others and for a missing one', async () => {
      expect(await (await live('chair.youthjag')).watch('priority:watch', priorityId)).toEqual({ ok: true });
      const outsider = await live('outsider');
      expect(await outsider.watch('priority:watch', priorityId)).toMatchObject({ ok: false, code: 'not_found' });
      expect(await outsider.watch('priority:watch', 999_999)).toMatchObject({ ok: false, code: 'not_found' });
      expect(await outsider.watch('priority:watch', -3)).toMatchObject({ ok: false, code: 'bad_request' });
    });
  });

  it('ignores requests without an answer callback, with extra arguments, or of events it does not know, and stays up', async () => {
    const member = await live('member.jag');
    const emit = member.socket.emit.bind(member.socket) as (...args: unknown[]) => void;
    emit('body:watch', jagId);
    emit('body:watch', jagId, 'extra', () => {
      throw new Error('should not be answered');
    });
    emit('body:watch', jagId, 'not a function');
    emit('body:unwatch');
    emit('body:unwatch', { toString: 'x' }, 1, 2, 3);
    emit('something:else', { a: 1 }, () => {});
    emit('notification', 'pretending to be the server');
    await settle(200);
    expect(member.socket.connected).toBe(true);
    expect(await member.watch('body:watch', jagId)).toEqual({ ok: true });
  });

  it('drops a socket that floods it with watch requests', async () => {
    const flooder = await live('member.jag');
    const other = await live('observer.jag');
    for (let i = 0; i < 60; i += 1) flooder.socket.emit('body:watch', jagId, () => {});
    expect(await flooder.disconnected()).toBe('io server disconnect');
    expect(await other.watch('body:watch', jagId)).toEqual({ ok: true });
  });
});
