import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { MeetingResponse } from '../../../shared/api.js';
import { REALTIME_LIMITS } from '../../../shared/limits.js';
import { agendaOf, metaOf, readAgenda, readMeetingDoc } from '../../../shared/meeting-doc.js';
import { CLOSE_CODES, MESSAGE_TYPE, parseRefusal, type Refusal } from '../../../shared/realtime-protocol.js';
import { ServerChangeRefusedError } from '../../../server/realtime/document-kind.js';
import { createMeeting } from '../../support/meetings.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { connectPeer, eventually, type TestPeer } from '../../support/yjs-client.js';

const minutesOf = (doc: Y.Doc, index = 0) => agendaOf(doc).get(readAgenda(doc)[index]!.id)!.get('minutes') as Y.Text;

/** The refusal in a y-protocols "permission denied" message, if that is what `message` is. */
function refusalIn(message: Uint8Array): Refusal | undefined {
  const decoder = decoding.createDecoder(message);
  if (decoding.readVarUint(decoder) !== MESSAGE_TYPE.auth) return undefined;
  decoding.readVarUint(decoder);
  return parseRefusal(decoding.readVarString(decoder));
}

const closeOf = (socket: WebSocket) =>
  new Promise<{ code: number; reason: string }>((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
const firstMessage = (socket: WebSocket) => new Promise<Buffer>((resolve) => socket.once('message', (data) => resolve(data as Buffer)));

/** An awareness message holding one client's state, as a raw socket sends it. */
function awarenessMessage(clientId: number, clock: number, state: unknown): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, 1);
  encoding.writeVarUint(update, clientId);
  encoding.writeVarUint(update, clock);
  encoding.writeVarString(update, JSON.stringify(state));
  const message = encoding.createEncoder();
  encoding.writeVarUint(message, MESSAGE_TYPE.awareness);
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
  return encoding.toUint8Array(message);
}

describe('the Yjs endpoint’s limits', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  let meeting: MeetingResponse;
  const peers: TestPeer[] = [];
  const sockets: WebSocket[] = [];
  const peer = (local: string, doc?: Y.Doc) => {
    const connected = connectPeer(server.yjsUrl, meeting.docName, tokens[local]!, doc);
    peers.push(connected);
    return connected;
  };
  const rawSocket = (local: string, headers?: Record<string, string>) => {
    const query = headers ? '' : `?token=${tokens[local]}`;
    const socket = new WebSocket(`${server.yjsUrl}/${meeting.docName}${query}`, { headers });
    socket.on('error', () => {});
    sockets.push(socket);
    return socket;
  };
  const storedBytes = async () => {
    const rows = await server.database.db.selectFrom('doc_updates').select('update').where('doc_name', '=', meeting.docName).execute();
    const snapshot = await server.database.db.selectFrom('doc_snapshots').select('state').where('doc_name', '=', meeting.docName).executeTakeFirst();
    return rows.reduce((bytes, row) => bytes + row.update.byteLength, snapshot?.state.byteLength ?? 0);
  };

  beforeAll(async () => {
    server = await startTestServer();
    for (const local of ['chair.jag', 'member.jag', 'observer.jag', 'housing']) tokens[local] = await server.signIn(local);
    meeting = await createMeeting(server, tokens['chair.jag']!, 'Charnwood JAG');
  });
  afterEach(() => {
    for (const each of peers.splice(0)) each.destroy();
    for (const socket of sockets.splice(0)) socket.terminate();
  });
  afterAll(() => server.close());

  it('refuses a megabyte hidden in text formatting: not stored, not seen by anyone', async () => {
    const sender = peer('chair.jag');
    const witness = peer('member.jag');
    await Promise.all([sender.synced(), witness.synced()]);
    await server.registry.flush(meeting.docName);
    const before = await storedBytes();
    minutesOf(sender.doc).insert(0, 'x', { bold: 'A'.repeat(1_000_000) });
    expect((await sender.closed).code).toBe(CLOSE_CODES.invalidUpdate);
    expect(sender.refusals).toEqual([{ code: 'invalid_update', message: 'The update holds text formatting, which this document never uses' }]);
    await server.registry.flush(meeting.docName);
    expect(await storedBytes()).toBe(before);
    expect(minutesOf(witness.doc).toDelta()).not.toContainEqual(expect.objectContaining({ attributes: expect.anything() }));
    expect(minutesOf(witness.doc).toString()).not.toContain('x');
  });

  it('takes a whole meeting’s worth of minutes typed offline, sent as one message', async () => {
    const online = peer('chair.jag');
    await online.synced();
    // Three bytes a character in UTF-8, about 2.3 MB in all: more than the old 2 MiB message limit.
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(online.doc));
    for (let item = 1; item <= 8; item++) minutesOf(offline, item).insert(0, '€'.repeat(95_000));
    const returning = peer('chair.jag', offline);
    await returning.synced();
    await eventually(() => expect(minutesOf(online.doc, 8).length).toBe(95_000), 20_000);
    expect(returning.refusals).toEqual([]);
  });

  it(`refuses a user’s socket past ${REALTIME_LIMITS.socketsPerUser}, until one of the others closes`, async () => {
    const open = Array.from({ length: REALTIME_LIMITS.socketsPerUser }, () => rawSocket('housing'));
    for (const message of await Promise.all(open.map(firstMessage))) expect(message[0]).toBe(MESSAGE_TYPE.sync);

    const extra = rawSocket('housing');
    const [message, closed] = await Promise.all([firstMessage(extra), closeOf(extra)]);
    expect(refusalIn(message)).toMatchObject({ code: 'too_many_connections' });
    expect(closed.code).toBe(CLOSE_CODES.tooManyConnections);
    // Other users are not affected.
    expect((await firstMessage(rawSocket('member.jag')))[0]).toBe(MESSAGE_TYPE.sync);

    open[0]!.close();
    await eventually(async () => {
      const retry = rawSocket('housing');
      expect((await firstMessage(retry))[0]).toBe(MESSAGE_TYPE.sync);
    });
  });

  it('drops a peer that stops reading, and only that one, while another types a lot', async () => {
    const reader = rawSocket('observer.jag');
    await firstMessage(reader);
    const readerClientId = 424_242;
    reader.send(awarenessMessage(readerClientId, 1, { editing: null }));
    const typist = peer('chair.jag');
    const attentive = peer('member.jag');
    await Promise.all([typist.synced(), attentive.synced()]);
    const readerPresent = () => typist.provider.awareness.getStates().has(readerClientId);
    await eventually(() => expect(readerPresent()).toBe(true));
    const readerClosed = closeOf(reader);

    (reader as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();
    const chunk = 'x'.repeat(50_000);
    let sent = 0;
    // Well past the queue limit plus what the kernel buffers on both ends, unless the peer is dropped first.
    for (let round = 0; round < 2_000 && readerPresent(); round++) {
      minutesOf(typist.doc, 10).insert(0, chunk);
      minutesOf(typist.doc, 10).delete(0, chunk.length);
      sent += chunk.length;
      await new Promise((resolve) => setTimeout(resolve, 2));
      if (round % 20 === 19) await server.registry.flush(meeting.docName);
    }
    expect(typist.refusals).toEqual([]);
    expect(readerPresent()).toBe(false); // the server let it go, presence and all
    expect(sent).toBeGreaterThan(REALTIME_LIMITS.socketBufferedBytes);

    (reader as unknown as { _socket: { resume(): void } })._socket.resume();
    expect((await readerClosed).code).toBe(1006); // terminated, without a closing handshake
    // Everyone else is still connected and up to date.
    const marker = 'still here';
    minutesOf(typist.doc, 10).insert(0, marker);
    await eventually(() => expect(minutesOf(attentive.doc, 10).toString()).toBe(marker));
    expect(attentive.provider.wsconnected).toBe(true);
  });

  it('refuses a cookie socket whose Origin is null as from another site, and stays up', async () => {
    const socket = rawSocket('chair.jag', { cookie: `quorum_session=${tokens['chair.jag']}`, origin: 'null' });
    const [message, closed] = await Promise.all([firstMessage(socket), closeOf(socket)]);
    expect(closed.code).toBe(CLOSE_CODES.forbidden);
    expect(refusalIn(message)).toEqual({ code: 'forbidden', message: 'Connections from other sites are refused' });
    const garbled = rawSocket('chair.jag', { cookie: `quorum_session=${tokens['chair.jag']}`, origin: 'http://[' });
    expect((await closeOf(garbled)).code).toBe(CLOSE_CODES.forbidden);
    const after = peer('chair.jag');
    await after.synced();
    expect(readAgenda(after.doc).length).toBeGreaterThan(0);
  });

  it('throws a server change that breaks the meeting’s rules, storing and sending nothing', async () => {
    const witness = peer('member.jag');
    await witness.synced();
    await server.registry.flush(meeting.docName);
    const before = await storedBytes();
    const stateBefore = Y.encodeStateAsUpdate(witness.doc);

    const refused = server.registry.change(meeting.docName, (doc) => metaOf(doc).set('status', 'nonsense'));
    await expect(refused).rejects.toBeInstanceOf(ServerChangeRefusedError);
    await server.registry.flush(meeting.docName);
    expect(await storedBytes()).toBe(before);
    // (Compared as buffers: a deep equality over megabytes takes seconds.)
    expect(Buffer.from(Y.encodeStateAsUpdate(witness.doc)).equals(Buffer.from(stateBefore))).toBe(true);
    const fresh = peer('chair.jag');
    await fresh.synced();
    expect(readMeetingDoc(fresh.doc).status).toBe('live');

    // The room carries on: a sound change still goes through.
    const itemId = readAgenda(fresh.doc)[2]!.id;
    await server.registry.change(meeting.docName, (doc) => metaOf(doc).set('currentItemId', itemId));
    await eventually(() => expect(readMeetingDoc(witness.doc).currentItemId).toBe(itemId));
  });
});
