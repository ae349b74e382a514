import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { actionsOf, addAction, addProgress, readActions } from '../../../shared/action-log-doc.js';
import { CLOSE_CODES } from '../../../shared/realtime-protocol.js';
import { getActionLog } from '../../support/action-log.js';
import { bodyId, createMeeting } from '../../support/meetings.js';
import { bearer, startTestServer, type TestServer } from '../../support/test-server.js';
import { connectPeer, eventually, type TestPeer } from '../../support/yjs-client.js';

describe('a body’s live action log', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  const ids: Record<string, number> = {};
  let docName: string;
  let jagId: number;
  const peers: TestPeer[] = [];
  const peer = (local: string, name = docName) => {
    const connected = connectPeer(server.yjsUrl, name, tokens[local]!);
    peers.push(connected);
    return connected;
  };
  const byTitle = (doc: Y.Doc, title: string) => readActions(doc).find((action) => action.title === title)!;
  const mapOf = (doc: Y.Doc, title: string) => actionsOf(doc).get(byTitle(doc, title).id)!;
  const pushProgress = (doc: Y.Doc, title: string, authorId: number, at = new Date().toISOString()) =>
    addProgress(doc, byTitle(doc, title).id, { authorId, at, text: 'Claimed progress' });
  let youthMeetingId: number;

  beforeAll(async () => {
    server = await startTestServer();
    for (const local of ['chair.jag', 'member.jag', 'observer.jag', 'outsider', 'sgt.walsh', 'community.safety', 'chair.youthjag']) {
      tokens[local] = await server.signIn(local);
    }
    const me = async (local: string) => (await (await server.request('/api/me', { headers: bearer(tokens[local]!) })).json()).user.id as number;
    for (const local of ['chair.jag', 'member.jag', 'sgt.walsh', 'outsider']) ids[local] = await me(local);
    jagId = await bodyId(server, tokens['chair.jag']!, 'Charnwood JAG');
    docName = (await getActionLog(server, tokens['chair.jag']!, jagId)).docName;
    youthMeetingId = (await createMeeting(server, tokens['chair.youthjag']!, 'Youth JAG')).meeting.id;
  });
  afterEach(() => {
    for (const each of peers.splice(0)) each.destroy();
  });
  afterAll(() => server.close());

  it('opens with the body’s actions, and the server numbers a new one for everyone', async () => {
    const member = peer('member.jag');
    const chair = peer('chair.jag');
    await Promise.all([member.synced(), chair.synced()]);
    expect(readActions(member.doc).map((action) => action.reference)).toContain('JAG-0006');
    addAction(member.doc, { title: 'Leaflet drop on hate crime reporting', ownerId: ids['member.jag']!, dueDate: '2027-01-15' });
    await eventually(() => expect(byTitle(chair.doc, 'Leaflet drop on hate crime reporting')?.reference).toBe('JAG-0007'));
    await eventually(() => expect(byTitle(member.doc, 'Leaflet drop on hate crime reporting').reference).toBe('JAG-0007'));
  });

  it('converges when two people edit the same action at once', async () => {
    const member = peer('member.jag');
    const chair = peer('chair.jag');
    await Promise.all([member.synced(), chair.synced()]);
    const title = 'Refer every high-risk ASB victim to Victim First';
    (mapOf(member.doc, title).get('description') as Y.Text).insert(0, 'Police to supply the list. ');
    (mapOf(chair.doc, title).get('description') as Y.Text).insert(0, 'Council to check Sentinel. ');
    mapOf(chair.doc, title).set('dueDate', '2027-02-01');
    mapOf(member.doc, title).set('theme', 'Victims');
    await eventually(() => {
      const [a, b] = [byTitle(member.doc, title), byTitle(chair.doc, title)];
      expect(a).toEqual(b);
      expect(a.description).toContain('Police to supply the list.');
      expect(a.description).toContain('Council to check Sentinel.');
      expect(a).toMatchObject({ dueDate: '2027-02-01', theme: 'Victims' });
    });
  });

  describe('refuses', () => {
    const cases: [string, string, (doc: Y.Doc) => void][] = [
      ['an owner who is not a member', 'member.jag', (doc) => mapOf(doc, 'Map repeat ASB locations on the Warwick Way estate').set('ownerId', ids.outsider!)],
      ['an invalid date', 'member.jag', (doc) => mapOf(doc, 'Map repeat ASB locations on the Warwick Way estate').set('dueDate', '2027-02-30')],
      ['an unknown status', 'member.jag', (doc) => mapOf(doc, 'Map repeat ASB locations on the Warwick Way estate').set('status', 'finished')],
      ['oversize text', 'member.jag', (doc) => (mapOf(doc, 'Map repeat ASB locations on the Warwick Way estate').get('description') as Y.Text).insert(0, 'x'.repeat(10_001))],
      ['a member dropping an action', 'member.jag', (doc) => mapOf(doc, 'Map repeat ASB locations on the Warwick Way estate').set('status', 'dropped')],
      ['someone else marking an action done', 'sgt.walsh', (doc) => mapOf(doc, 'Map repeat ASB locations on the Warwick Way estate').set('status', 'done')],
      ['a member escalating', 'member.jag', (doc) => mapOf(doc, 'Map repeat ASB locations on the Warwick Way estate').set('status', 'escalated')],
      ['a member overriding RAG', 'member.jag', (doc) => mapOf(doc, 'Map repeat ASB locations on the Warwick Way estate').set('ragOverride', 'green')],
      ['a changed reference', 'member.jag', (doc) => mapOf(doc, 'Map repeat ASB locations on the Warwick Way estate').set('reference', 'JAG-9999')],
      ['a member removing an action', 'member.jag', (doc) => actionsOf(doc).delete(byTitle(doc, 'Map repeat ASB locations on the Warwick Way estate').id)],
      // What the REST path refused and the socket path once let through:
      ['progress in someone else’s name', 'member.jag', (doc) => pushProgress(doc, 'Map repeat ASB locations on the Warwick Way estate', ids['sgt.walsh']!)],
      ['progress in a non-member’s name', 'member.jag', (doc) => pushProgress(doc, 'Map repeat ASB locations on the Warwick Way estate', ids.outsider!)],
      ['back-dated progress', 'member.jag', (doc) => pushProgress(doc, 'Map repeat ASB locations on the Warwick Way estate', ids['member.jag']!, '2020-01-01T09:00:00.000Z')],
      ['progress by someone who neither owns the action nor runs the body', 'member.jag', (doc) => pushProgress(doc, 'Refer every high-risk ASB victim to Victim First', ids['member.jag']!)],
      ['rewriting someone else’s progress', 'chair.jag', (doc) => (mapOf(doc, 'Review hate incidents in and around licensed premises').get('progress') as Y.Array<Y.Map<unknown>>).get(0).set('text', 'Nothing done')],
      ['deleting progress', 'chair.jag', (doc) => (mapOf(doc, 'Review hate incidents in and around licensed premises').get('progress') as Y.Array<Y.Map<unknown>>).delete(0, 1)],
      ['a member making themselves owner (to mark it done next)', 'sgt.walsh', (doc) => mapOf(doc, 'Map repeat ASB locations on the Warwick Way estate').set('ownerId', ids['sgt.walsh']!)],
      ['editing the title of a closed action', 'chair.jag', (doc) => mapOf(doc, 'Agree wider data sharing with the PREVENT leads').set('title', 'Rewritten after the event')],
      ['giving a closed action to someone else', 'chair.jag', (doc) => mapOf(doc, 'Agree wider data sharing with the PREVENT leads').set('ownerId', ids['member.jag']!)],
      ['back-dating when an action was raised', 'chair.jag', (doc) => mapOf(doc, 'Map repeat ASB locations on the Warwick Way estate').set('createdAt', '2020-01-01T00:00:00.000Z')],
      ['pointing an action at another body’s meeting', 'chair.jag', (doc) => mapOf(doc, 'Map repeat ASB locations on the Warwick Way estate').set('sourceMeetingId', youthMeetingId)],
      ['raising an action from another body’s meeting', 'member.jag', (doc) => addAction(doc, { title: 'Copy the cohort list', ownerId: ids['member.jag']!, sourceMeetingId: youthMeetingId })],
    ];
    for (const [name, local, breakIt] of cases) {
      it(name, async () => {
        const sender = peer(local);
        const witness = peer('chair.jag');
        await Promise.all([sender.synced(), witness.synced()]);
        const before = readActions(witness.doc);
        breakIt(sender.doc);
        expect((await sender.closed).code).toBe(CLOSE_CODES.invalidUpdate);
        expect(sender.refusals[0]?.code).toBe('invalid_update');
        await server.registry.settle();
        expect(readActions(witness.doc)).toEqual(before);
        const fresh = peer('chair.jag');
        await fresh.synced();
        expect(readActions(fresh.doc)).toEqual(before);
      });
    }

    it('an observer’s edit, and a non-member’s connection', async () => {
      const observer = peer('observer.jag');
      await observer.synced();
      mapOf(observer.doc, 'Map repeat ASB locations on the Warwick Way estate').set('theme', 'x');
      expect((await observer.closed).code).toBe(CLOSE_CODES.writeRefused);
      const outsider = peer('outsider');
      expect((await outsider.closed).code).toBe(CLOSE_CODES.forbidden);
      expect(readActions(outsider.doc)).toEqual([]);
      // A confidential sub-group's log stays shut even to the chair of the JAG above it, and answers as a missing log.
      const youthLog = (await getActionLog(server, tokens['chair.youthjag']!, await bodyId(server, tokens['chair.youthjag']!, 'Youth JAG'))).docName;
      const jagChair = peer('chair.jag', youthLog);
      expect((await jagChair.closed).code).toBe(CLOSE_CODES.notFound);
      expect(readActions(jagChair.doc)).toEqual([]);
    });
  });

  it('accepts an action raised from a meeting scheduled after the log was opened', async () => {
    const member = peer('member.jag');
    await member.synced();
    const { meeting } = await createMeeting(server, tokens['chair.jag']!, 'Charnwood JAG');
    addAction(member.doc, { title: 'Follow up the street drinking reports', ownerId: ids['member.jag']!, sourceMeetingId: meeting.id });
    await eventually(() => expect(byTitle(member.doc, 'Follow up the street drinking reports').reference).toMatch(/^JAG-\d{4}$/));
    expect(member.refusals).toEqual([]);
  });

  it('lets the owner mark their action done, and the server stamps when it closed', async () => {
    const owner = peer('member.jag');
    const chair = peer('chair.jag');
    await Promise.all([owner.synced(), chair.synced()]);
    mapOf(owner.doc, 'Map repeat ASB locations on the Warwick Way estate').set('status', 'done');
    await eventually(() => expect(byTitle(chair.doc, 'Map repeat ASB locations on the Warwick Way estate').closedAt).toEqual(expect.any(String)));
    expect(owner.refusals).toEqual([]);
  });

  it('shows a progress update posted over REST to everyone watching, at once', async () => {
    const watcher = peer('chair.jag');
    await watcher.synced();
    const action = byTitle(watcher.doc, 'Review hate incidents in and around licensed premises');
    const response = await server.request(`/api/bodies/${jagId}/actions/${action.id}/progress`, {
      method: 'POST',
      headers: { ...bearer(tokens['sgt.walsh']!), 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Three premises visited with the licensing team.' }),
    });
    expect(response.status).toBe(204);
    await eventually(() =>
      expect(byTitle(watcher.doc, 'Review hate incidents in and around licensed premises').progress.at(-1)).toMatchObject({
        authorId: ids['sgt.walsh'],
        text: 'Three premises visited with the licensing team.',
      }),
    );
  });

  it('refuses progress from someone who neither owns the action nor runs the body', async () => {
    const watcher = peer('chair.jag');
    await watcher.synced();
    const action = byTitle(watcher.doc, 'Review hate incidents in and around licensed premises');
    const post = (local: string, body: unknown) =>
      server.request(`/api/bodies/${jagId}/actions/${action.id}/progress`, {
        method: 'POST',
        headers: { ...bearer(tokens[local]!), 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post('member.jag', { text: 'Not mine' })).status).toBe(403);
    expect((await post('outsider', { text: 'Not mine' })).status).toBe(403);
    expect((await post('sgt.walsh', { text: '' })).status).toBe(400);
    expect((await post('sgt.walsh', { text: 'x'.repeat(2001) })).status).toBe(400);
    expect((await post('community.safety', { text: 'Secretariat chased the owner.' })).status).toBe(204);
  });
});
