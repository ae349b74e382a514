import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationsResponse } from '../../../shared/api.js';
import { NOTIFICATION_LIMITS } from '../../../shared/notifications.js';
import { connectLive, settle, type LiveClient } from '../../support/live-client.js';
import { bodyId, createMeeting } from '../../support/meetings.js';
import { bearer, startTestServer, type TestServer } from '../../support/test-server.js';

describe('/api/me/notifications', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  const ids: Record<string, number> = {};
  let jagId: number;
  const clients: LiveClient[] = [];
  const live = async (local: string) => {
    const client = await connectLive(server, tokens[local]!);
    clients.push(client);
    return client;
  };

  const listed = async (local: string) => {
    const response = await server.request('/api/me/notifications', { headers: bearer(tokens[local]!) });
    expect(response.status).toBe(200);
    return (await response.json()) as NotificationsResponse;
  };
  const markRead = (local: string, body: unknown) =>
    server.request('/api/me/notifications/read', {
      method: 'POST',
      headers: { ...bearer(tokens[local]!), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  /** Stores notifications straight into the table, oldest first, for the user; returns their ids. */
  const store = async (local: string, count: number, body = jagId) => {
    const rows = await server.database.db
      .insertInto('notifications')
      .values(
        Array.from({ length: count }, (_, index) => ({
          user_id: ids[local]!,
          kind: 'action-assigned' as const,
          body_id: body,
          title: `Action assigned to you: number ${index + 1}`,
          detail: 'In the action log of Charnwood JAG',
          link: '/my-actions',
          created_at: new Date(Date.UTC(2026, 10, 1, 9, index)).toISOString(),
        })),
      )
      .returning('id')
      .execute();
    return rows.map((row) => row.id);
  };
  const readAtOf = async (id: number) =>
    (await server.database.db.selectFrom('notifications').select('read_at').where('id', '=', id).executeTakeFirstOrThrow()).read_at;

  beforeAll(async () => {
    server = await startTestServer();
    for (const local of ['chair.jag', 'member.jag', 'observer.jag', 'outsider', 'chair.youthjag', 'yjs']) {
      tokens[local] = await server.signIn(local);
      ids[local] = (await (await server.request('/api/me', { headers: bearer(tokens[local]!) })).json()).user.id as number;
    }
    jagId = await bodyId(server, tokens['chair.jag']!, 'Charnwood JAG');
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });
  afterAll(() => server.close());

  it('needs a signed-in person', async () => {
    expect((await server.request('/api/me/notifications')).status).toBe(401);
    const marking = await server.request('/api/me/notifications/read', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ all: true }),
    });
    expect(marking.status).toBe(401);
  });

  it('lists only the person’s own, newest first, the most recent few, and counts all unread', async () => {
    expect(await listed('outsider')).toEqual({ notifications: [], unread: 0 });
    const stored = await store('outsider', NOTIFICATION_LIMITS.listed + 5);
    await store('member.jag', 2);
    const { notifications, unread } = await listed('outsider');
    expect(notifications).toHaveLength(NOTIFICATION_LIMITS.listed);
    expect(notifications.map((each) => each.id)).toEqual(stored.slice(-NOTIFICATION_LIMITS.listed).reverse());
    expect(notifications[0]).toMatchObject({ kind: 'action-assigned', bodyId: jagId, title: `Action assigned to you: number ${stored.length}`, readAt: null });
    expect(unread).toBe(stored.length);
  });

  it('marks the named ones read, passes over others’ ids, and pushes the new count to the person’s sockets', async () => {
    const [mine, theirs] = [await store('observer.jag', 3), await store('chair.jag', 1)];
    const [myTab, otherPerson] = [await live('observer.jag'), await live('chair.jag')];
    const before = (await listed('observer.jag')).unread;

    const response = await markRead('observer.jag', { ids: [mine[0], mine[1], theirs[0], 999_999] });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ unread: before - 2 });
    expect(await myTab.waitFor('notifications:unread')).toBe(before - 2);
    expect(await readAtOf(theirs[0]!)).toBeNull();
    expect(await readAtOf(mine[2]!)).toBeNull();
    const { notifications } = await listed('observer.jag');
    expect(notifications.find((each) => each.id === mine[0])?.readAt).toEqual(expect.any(String));
    await settle();
    expect(otherPerson.all('notifications:unread')).toEqual([]);
  });

  it('marks all of them read', async () => {
    await store('member.jag', 3);
    const tab = await live('member.jag');
    const response = await markRead('member.jag', { all: true });
    expect(await response.json()).toEqual({ unread: 0 });
    expect(await tab.waitFor('notifications:unread')).toBe(0);
    expect((await listed('member.jag')).notifications.every((each) => each.readAt !== null)).toBe(true);
  });

  it('refuses a request of the wrong shape', async () => {
    for (const body of [{}, { ids: [] }, { ids: [0] }, { ids: ['1'] }, { all: false }, { all: true, ids: [1] }, { ids: Array.from({ length: NOTIFICATION_LIMITS.markReadIds + 1 }, (_, i) => i + 1) }]) {
      expect((await markRead('member.jag', body)).status).toBe(400);
    }
    const notJson = await server.request('/api/me/notifications/read', { method: 'POST', headers: bearer(tokens['member.jag']!), body: 'all' });
    expect(notJson.status).toBe(415);
  });

  it('stops showing what a confidential body told someone once they have left it', async () => {
    const youthId = await bodyId(server, tokens['chair.youthjag']!, 'Youth JAG');
    const { meeting } = await createMeeting(server, tokens['chair.youthjag']!, 'Youth JAG');
    const isIt = (each: { link: string }) => each.link === `/meetings/${meeting.id}`;
    const before = await listed('yjs');
    expect(before.notifications.filter(isIt)).toHaveLength(1);

    await server.database.db.deleteFrom('memberships').where('user_id', '=', ids.yjs!).where('body_id', '=', youthId).execute();
    const after = await listed('yjs');
    expect(after.notifications.filter(isIt)).toEqual([]);
    expect(after.unread).toBe(before.unread - 1);
    // Nor can it be marked read by id, or by marking all.
    const told = before.notifications.find(isIt)!;
    await markRead('yjs', { ids: [told.id] });
    await markRead('yjs', { all: true });
    expect(await readAtOf(told.id)).toBeNull();
  });
});
