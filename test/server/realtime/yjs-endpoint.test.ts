import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { MeetingResponse } from '../../../shared/api.js';
import { agendaOf, attendanceOf, declarationsOf, metaOf, readAgenda, readMeetingDoc } from '../../../shared/meeting-doc.js';
import { CLOSE_CODES } from '../../../shared/realtime-protocol.js';
import { createMeeting, JAG_TEMPLATE_AGENDA } from '../../support/meetings.js';
import { bearer, startTestServer, type TestServer } from '../../support/test-server.js';
import { connectPeer, eventually, type TestPeer } from '../../support/yjs-client.js';

function pushDecision(doc: Y.Doc, index: number, id: string) {
  doc.transact(() => {
    const decision = new Y.Map<unknown>();
    (agendaOf(doc).get(readAgenda(doc)[index]!.id)!.get('decisions') as Y.Array<Y.Map<unknown>>).push([decision]);
    decision.set('id', id);
    decision.set('text', new Y.Text('the report be noted.'));
  });
}

const decisionTextOf = (doc: Y.Doc, index: number, decisionIndex = 0) =>
  (agendaOf(doc).get(readAgenda(doc)[index]!.id)!.get('decisions') as Y.Array<Y.Map<unknown>>).get(decisionIndex).get('text') as Y.Text;

function pushDeclaration(doc: Y.Doc, userId: number) {
  const declaration = new Y.Map<unknown>();
  declarationsOf(doc).push([declaration]);
  declaration.set('id', `declared-${userId}`);
  declaration.set('userId', userId);
  declaration.set('itemId', null);
  declaration.set('interest', 'Landlord of a licensed premises');
}

const minutesOf = (doc: Y.Doc, index = 0) => {
  const item = readAgenda(doc)[index]!;
  return agendaOf(doc).get(item.id)!.get('minutes') as Y.Text;
};

describe('the Yjs endpoint', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  let housingId: number;
  let meeting: MeetingResponse;
  const peers: TestPeer[] = [];
  const peer = (local: string | null, docName = meeting.docName) => {
    const connected = connectPeer(server.yjsUrl, docName, local === null ? null : tokens[local]!);
    peers.push(connected);
    return connected;
  };
  const storedUpdates = async () =>
    Number(
      (
        await server.database.db
          .selectFrom('doc_updates')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('doc_name', '=', meeting.docName)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    server = await startTestServer();
    for (const local of ['chair.jag', 'ci.barker', 'member.jag', 'observer.jag', 'outsider', 'housing', 'chair.youthjag']) {
      tokens[local] = await server.signIn(local);
    }
    meeting = await createMeeting(server, tokens['chair.jag']!, 'Charnwood JAG');
    housingId = (await (await server.request('/api/me', { headers: bearer(tokens.housing!) })).json()).user.id;
  });
  afterEach(() => {
    for (const each of peers.splice(0)) each.destroy();
  });
  afterAll(() => server.close());

  it('serves the meeting to an unmodified WebsocketProvider, with the template agenda', async () => {
    const chair = peer('chair.jag');
    await chair.synced();
    const snapshot = readMeetingDoc(chair.doc);
    expect(snapshot.status).toBe('live');
    expect(snapshot.agenda.map((item) => item.title)).toEqual(JAG_TEMPLATE_AGENDA);
  });

  it('converges when three editors type into the same minutes at once', async () => {
    const editors = [peer('chair.jag'), peer('member.jag'), peer('housing')];
    await Promise.all(editors.map((editor) => editor.synced()));
    const words = ['police ', 'council ', 'housing '];
    for (let round = 0; round < 10; round++) {
      editors.forEach((editor, index) => {
        const text = minutesOf(editor.doc, 2);
        // Start or end, so no insert splits another's word in two.
        text.insert(round % 2 === 0 ? 0 : text.length, `${words[index]}${round} `);
      });
    }
    await eventually(() => {
      const texts = editors.map((editor) => minutesOf(editor.doc, 2).toString());
      expect(new Set(texts).size).toBe(1);
      for (const word of words) for (let round = 0; round < 10; round++) expect(texts[0]).toContain(`${word}${round} `);
    });
    // A newcomer loads the same text from the server.
    const late = peer('chair.jag');
    await late.synced();
    expect(minutesOf(late.doc, 2).toString()).toBe(minutesOf(editors[0]!.doc, 2).toString());
  });

  it('types a decision live: the chair’s and the vice-chair’s words converge, and a member’s typing is refused', async () => {
    const chair = peer('chair.jag');
    const viceChair = peer('ci.barker');
    await Promise.all([chair.synced(), viceChair.synced()]);
    pushDecision(chair.doc, 6, 'typed-live');
    await eventually(() => expect(readAgenda(viceChair.doc)[6]!.decisions.map((decision) => decision.id)).toContain('typed-live'));
    const member = peer('member.jag');
    await member.synced();
    const storedBefore = await storedUpdates();
    for (let round = 0; round < 5; round++) {
      decisionTextOf(chair.doc, 6).insert(0, `chair${round} `);
      const vice = decisionTextOf(viceChair.doc, 6);
      vice.insert(vice.length, ` vice${round}`);
    }
    await eventually(() => {
      const texts = [chair, viceChair].map((editor) => decisionTextOf(editor.doc, 6).toString());
      expect(texts[0]).toBe(texts[1]);
      for (let round = 0; round < 5; round++) expect(texts[0]).toMatch(new RegExp(`chair${round} .*vice${round}`));
    });
    await eventually(() => expect(decisionTextOf(member.doc, 6).toString()).toContain('vice4'));
    await server.registry.settle();
    const storedAfterChairs = await storedUpdates();
    expect(storedAfterChairs).toBeGreaterThan(storedBefore);

    decisionTextOf(member.doc, 6).insert(0, 'NOT ');
    const closed = await member.closed;
    expect(closed.code).toBe(CLOSE_CODES.invalidUpdate);
    expect(member.refusals[0]?.message).toContain('Only the chair, vice-chair or secretariat records decisions');
    await server.registry.settle();
    expect(await storedUpdates()).toBe(storedAfterChairs);
    expect(decisionTextOf(chair.doc, 6).toString()).not.toContain('NOT ');
  });

  it('lets an observer read but refuses their changes, which nobody else sees', async () => {
    const chair = peer('chair.jag');
    const observer = peer('observer.jag');
    await Promise.all([chair.synced(), observer.synced()]);
    const before = await storedUpdates();
    minutesOf(observer.doc, 0).insert(0, 'OBSERVER WAS HERE');
    const closed = await observer.closed;
    expect(closed.code).toBe(CLOSE_CODES.writeRefused);
    expect(observer.refusals[0]).toEqual({ code: 'write_refused', message: 'You can read this document but not change it' });
    await server.registry.settle();
    expect(await storedUpdates()).toBe(before);
    expect(minutesOf(chair.doc, 0).toString()).not.toContain('OBSERVER');
    const fresh = peer('chair.jag');
    await fresh.synced();
    expect(minutesOf(fresh.doc, 0).toString()).not.toContain('OBSERVER');
  });

  it('refuses outsiders, non-members of confidential bodies and unsigned connections before sending anything', async () => {
    const outsider = peer('outsider');
    const noToken = peer(null);
    const badToken = connectPeer(server.yjsUrl, meeting.docName, 'not-a-token');
    peers.push(badToken);
    expect((await outsider.closed).code).toBe(CLOSE_CODES.forbidden);
    expect(outsider.refusals[0]?.message).toBe('Only members of Charnwood Joint Action Group can open its meetings');
    expect((await noToken.closed).code).toBe(CLOSE_CODES.unauthenticated);
    expect((await badToken.closed).code).toBe(CLOSE_CODES.unauthenticated);
    for (const refused of [outsider, noToken, badToken]) expect(readAgenda(refused.doc)).toEqual([]);

    // A confidential body's meeting answers exactly as a missing one, so its existence does not leak.
    const youthMeeting = await createMeeting(server, tokens['chair.youthjag']!, 'Youth JAG');
    const jagChair = peer('chair.jag', youthMeeting.docName);
    const missing = peer('chair.jag', 'meeting.999999');
    expect((await jagChair.closed).code).toBe(CLOSE_CODES.notFound);
    expect(jagChair.refusals).toEqual((await missing.closed, missing.refusals));
    expect(readAgenda(jagChair.doc)).toEqual([]);
  });

  it('answers unknown documents and meetings with not found', async () => {
    expect((await peer('chair.jag', 'meeting.999999').closed).code).toBe(CLOSE_CODES.notFound);
    expect((await peer('chair.jag', 'something-else').closed).code).toBe(CLOSE_CODES.notFound);
  });

  it('refuses a cookie-authenticated socket opened from another site', async () => {
    const socket = new WebSocket(`${server.yjsUrl}/${meeting.docName}`, {
      headers: { cookie: `quorum_session=${tokens['chair.jag']}`, origin: 'https://evil.example' },
    });
    const code = await new Promise<number>((resolve) => socket.on('close', (closeCode) => resolve(closeCode)));
    expect(code).toBe(CLOSE_CODES.forbidden);
  });

  it('accepts the session cookie from its own origin', async () => {
    const socket = new WebSocket(`${server.yjsUrl}/${meeting.docName}`, {
      headers: { cookie: `quorum_session=${tokens['chair.jag']}`, origin: server.url },
    });
    const firstMessage = await new Promise<Buffer>((resolve) => socket.once('message', (data) => resolve(data as Buffer)));
    expect(firstMessage[0]).toBe(0); // sync step 1
    socket.close();
  });

  describe('invalid updates', () => {
    const cases: [string, (doc: Y.Doc) => void][] = [
      ['a title over 200 characters', (doc) => agendaOf(doc).get(readAgenda(doc)[0]!.id)!.set('title', 'x'.repeat(201))],
      ['a wrong type', (doc) => agendaOf(doc).get(readAgenda(doc)[0]!.id)!.set('minutesAllotted', 'ten')],
      ['an unknown key', (doc) => agendaOf(doc).get(readAgenda(doc)[0]!.id)!.set('colour', 'red')],
      ['an unknown attendance value', (doc) => attendanceOf(doc).set('2', 'asleep' as never)],
      ['a non-member in attendance', (doc) => attendanceOf(doc).set('7', 'present')],
      ['an unknown top-level part', (doc) => doc.getMap('evil').set('a', 1)],
      ['minutes over their limit', (doc) => minutesOf(doc, 1).insert(0, 'x'.repeat(100_001))],
      ['a member changing the meeting status', (doc) => metaOf(doc).set('status', 'closed')],
      ['a member setting the current item', (doc) => metaOf(doc).set('currentItemId', readAgenda(doc)[3]!.id)],
      // Who may change which part, field by field (shared/meeting-doc-rules.ts):
      ['a member renaming an agenda item', (doc) => agendaOf(doc).get(readAgenda(doc)[4]!.id)!.set('title', 'Renamed by a member')],
      ['a member moving an agenda item', (doc) => agendaOf(doc).get(readAgenda(doc)[4]!.id)!.set('order', -5)],
      ['a member removing an agenda item', (doc) => agendaOf(doc).delete(readAgenda(doc)[4]!.id)],
      ['a member marking an item Part II', (doc) => agendaOf(doc).get(readAgenda(doc)[4]!.id)!.set('partTwo', true)],
      ['a member recording a decision', (doc) => pushDecision(doc, 4, 'member-decision')],
      ['two decisions with one id', (doc) => (pushDecision(doc, 4, 'twice'), pushDecision(doc, 5, 'twice'))],
      ['a member setting someone else’s attendance', (doc) => attendanceOf(doc).set(String(housingId), 'absent')],
      ['a member declaring an interest in someone else’s name', (doc) => pushDeclaration(doc, housingId)],
    ];
    for (const [name, breakIt] of cases) {
      it(`refuses ${name}: not stored, not applied, not broadcast`, async () => {
        const sender = peer('member.jag');
        const witness = peer('chair.jag');
        await Promise.all([sender.synced(), witness.synced()]);
        const stateBefore = Y.encodeStateAsUpdate(witness.doc);
        const storedBefore = await storedUpdates();
        breakIt(sender.doc);
        const closed = await sender.closed;
        expect(closed.code).toBe(CLOSE_CODES.invalidUpdate);
        expect(sender.refusals[0]?.code).toBe('invalid_update');
        expect(sender.refusals[0]?.message).toMatch(/^The change was refused: /);
        await server.registry.settle();
        expect(await storedUpdates()).toBe(storedBefore);
        expect(Y.encodeStateAsUpdate(witness.doc)).toEqual(stateBefore);
        // Back in sync: a fresh copy matches the server, which never took the change.
        const fresh = peer('member.jag');
        await fresh.synced();
        expect(readMeetingDoc(fresh.doc)).toEqual(readMeetingDoc(witness.doc));
        // And the sender's connection, refused, cannot be used to sneak it in later.
        expect(sender.provider.shouldConnect).toBe(false);
      });
    }

    it('refuses random bytes on the socket and stays up', async () => {
      const socket = new WebSocket(`${server.yjsUrl}/${meeting.docName}?token=${tokens['member.jag']}`);
      await new Promise((resolve) => socket.once('message', resolve));
      socket.send(Buffer.from([0, 2, 200, 1, 2, 3, 4, 5, 255, 255]));
      const code = await new Promise<number>((resolve) => socket.on('close', (closeCode) => resolve(closeCode)));
      expect(code).toBe(CLOSE_CODES.invalidUpdate);
      const garbage = new WebSocket(`${server.yjsUrl}/${meeting.docName}?token=${tokens['member.jag']}`);
      await new Promise((resolve) => garbage.once('message', resolve));
      garbage.send(Buffer.from('hello, is this thing on?'));
      expect(await new Promise<number>((resolve) => garbage.on('close', (closeCode) => resolve(closeCode)))).toBe(CLOSE_CODES.invalidUpdate);
      const after = peer('chair.jag');
      await after.synced();
      expect(readAgenda(after.doc).length).toBe(11);
      expect((await server.request('/api/health')).status).toBe(200);
    });
  });

  it('lets the chair set the current item and its timer, and everyone sees it', async () => {
    const chair = peer('chair.jag');
    const member = peer('member.jag');
    await Promise.all([chair.synced(), member.synced()]);
    const itemId = readAgenda(chair.doc)[4]!.id;
    const startedAt = new Date().toISOString();
    chair.doc.transact(() => {
      metaOf(chair.doc).set('currentItemId', itemId);
      metaOf(chair.doc).set('timerStartedAt', startedAt);
    });
    await eventually(() => expect(readMeetingDoc(member.doc)).toMatchObject({ currentItemId: itemId, timerStartedAt: startedAt }));
    expect(chair.refusals).toEqual([]);
  });

  it('stamps each peer’s presence with who they really are', async () => {
    const chair = peer('chair.jag');
    const member = peer('member.jag');
    await Promise.all([chair.synced(), member.synced()]);
    member.provider.awareness.setLocalStateField('user', { id: 1, name: 'Someone Else', agency: 'Nowhere' });
    member.provider.awareness.setLocalStateField('editing', 'item-1');
    await eventually(() => {
      const state = chair.provider.awareness.getStates().get(member.doc.clientID);
      expect(state).toMatchObject({ editing: 'item-1', user: { name: 'Daniel Okafor', agency: 'Police' } });
    });
  });

  it('makes the document read-only for everyone when the chair closes the meeting', async () => {
    const closing = await createMeeting(server, tokens['chair.jag']!, 'Charnwood JAG');
    const member = peer('member.jag', closing.docName);
    await member.synced();
    const response = await server.request(`/api/meetings/${closing.meeting.id}/close`, { method: 'POST', headers: bearer(tokens['chair.jag']!) });
    expect(response.status).toBe(200);
    await eventually(() => expect(readMeetingDoc(member.doc).status).toBe('closed'));
    minutesOf(member.doc, 0).insert(0, 'too late');
    expect((await member.closed).code).toBe(CLOSE_CODES.writeRefused);
    const chair = peer('chair.jag', closing.docName);
    await chair.synced();
    expect(minutesOf(chair.doc, 0).toString()).not.toContain('too late');
  });

  it('closes a session’s document connections when it signs out, and only that session’s', async () => {
    const leaving = await server.signIn('member.jag');
    const staying = peer('member.jag');
    const signedOut = connectPeer(server.yjsUrl, meeting.docName, leaving);
    peers.push(signedOut);
    await Promise.all([staying.synced(), signedOut.synced()]);
    expect((await server.request('/api/session', { method: 'DELETE', headers: bearer(leaving) })).status).toBe(204);
    expect((await signedOut.closed).code).toBe(CLOSE_CODES.unauthenticated);
    minutesOf(staying.doc, 0).insert(0, 'still here. ');
    const chair = peer('chair.jag');
    await chair.synced();
    await eventually(() => expect(minutesOf(chair.doc, 0).toString()).toContain('still here.'));
  });

  it('mirrors agenda, decisions, attendance and declarations into SQL', async () => {
    const chair = peer('chair.jag');
    await chair.synced();
    const item = readAgenda(chair.doc)[5]!;
    chair.doc.transact(() => {
      agendaOf(chair.doc).get(item.id)!.set('title', 'High-risk ASB victims');
      const decision = new Y.Map<unknown>();
      (agendaOf(chair.doc).get(item.id)!.get('decisions') as Y.Array<Y.Map<unknown>>).push([decision]);
      decision.set('id', 'd1');
      decision.set('text', new Y.Text('RESOLVED that the case be referred to the Adults at Risk sub-group'));
      attendanceOf(chair.doc).set('1', 'present');
      const declaration = new Y.Map<unknown>();
      chair.doc.getArray<Y.Map<unknown>>('declarations').push([declaration]);
      declaration.set('id', 'decl1');
      declaration.set('userId', 1);
      declaration.set('itemId', item.id);
      declaration.set('interest', 'Trustee of a local charity named in the item');
    });
    await eventually(async () => {
      await server.registry.settle();
      const db = server.database.db;
      const row = await db.selectFrom('agenda_items').selectAll().where('meeting_id', '=', meeting.meeting.id).where('item_id', '=', item.id).executeTakeFirst();
      expect(row?.title).toBe('High-risk ASB victims');
      expect(await db.selectFrom('decisions').select('text').where('meeting_id', '=', meeting.meeting.id).where('item_id', '=', item.id).execute()).toEqual([
        { text: 'RESOLVED that the case be referred to the Adults at Risk sub-group' },
      ]);
      expect(await db.selectFrom('attendance').select(['user_id', 'status']).where('meeting_id', '=', meeting.meeting.id).execute()).toEqual([
        { user_id: 1, status: 'present' },
      ]);
      expect(await db.selectFrom('declarations').select(['user_id', 'interest']).where('meeting_id', '=', meeting.meeting.id).execute()).toEqual([
        { user_id: 1, interest: 'Trustee of a local charity named in the item' },
      ]);
    });
  });
});

describe('WebSocket paths', () => {
  it('refuses upgrades outside /yjs/ instead of leaving them hanging', async () => {
    const server = await startTestServer();
    try {
      const socket = new WebSocket(`${server.url.replace('http', 'ws')}/elsewhere`);
      const error = await new Promise<Error>((resolve) => socket.once('error', resolve));
      expect(error.message).toMatch(/404/);
    } finally {
      await server.close();
    }
  });
});
