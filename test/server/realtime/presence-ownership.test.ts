import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingResponse } from '../../../shared/api.js';
import { REALTIME_LIMITS } from '../../../shared/limits.js';
import { MESSAGE_TYPE } from '../../../shared/realtime-protocol.js';
import { decodePresenceUpdate, PresenceOwners } from '../../../server/realtime/presence-owners.js';
import { createMeeting } from '../../support/meetings.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { connectPeer, eventually, type TestPeer } from '../../support/yjs-client.js';

/** An awareness update: [client id, clock, state] per entry, `null` removing a client's presence. */
function presenceUpdate(...entries: [number, number, unknown][]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const [clientId, clock, state] of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder);
}

function awarenessMessage(...entries: [number, number, unknown][]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_TYPE.awareness);
  encoding.writeVarUint8Array(encoder, presenceUpdate(...entries));
  return encoding.toUint8Array(encoder);
}

const idsIn = (update: Uint8Array | undefined) => (update ? decodePresenceUpdate(update).map((entry) => entry.clientId) : []);

describe('presence ownership', () => {
  const SERVER_ID = 1;
  const alice = { userId: 10 };
  const aliceAgain = { userId: 10 };
  const bob = { userId: 20 };

  it('lets a connection speak only for the client ids it introduced', () => {
    const owners = new PresenceOwners<{ userId: number }>(SERVER_ID);
    expect(idsIn(owners.ownEntries(alice, presenceUpdate([100, 1, { editing: 'a' }])))).toEqual([100]);
    expect(owners.ownEntries(bob, presenceUpdate([100, 2, { editing: 'b' }]))).toBeUndefined();
    expect(owners.ownEntries(bob, presenceUpdate([100, 3, null]))).toBeUndefined();
    // Mixed with its own entry, only the foreign one is dropped.
    expect(idsIn(owners.ownEntries(bob, presenceUpdate([100, 4, { editing: 'b' }], [200, 1, { editing: 'b' }])))).toEqual([200]);
    expect(owners.ownerOf(100)).toBe(alice);
    expect(idsIn(owners.ownEntries(alice, presenceUpdate([100, 5, null])))).toEqual([100]);
  });

  it('never lets anyone speak for the server, or remove a presence nobody owns', () => {
    const owners = new PresenceOwners<{ userId: number }>(SERVER_ID);
    expect(owners.ownEntries(alice, presenceUpdate([SERVER_ID, 9, { editing: 'x' }]))).toBeUndefined();
    expect(owners.ownEntries(alice, presenceUpdate([300, 9, null]))).toBeUndefined();
    expect(owners.ownerOf(300)).toBeUndefined();
  });

  it('hands a client id over to the same user’s new socket, which is how a client reconnects', () => {
    const owners = new PresenceOwners<{ userId: number }>(SERVER_ID);
    owners.ownEntries(alice, presenceUpdate([100, 1, {}]));
    expect(idsIn(owners.ownEntries(aliceAgain, presenceUpdate([100, 2, {}])))).toEqual([100]);
    expect(owners.ownerOf(100)).toBe(aliceAgain);
    expect(owners.release(alice)).toEqual([]); // the old socket's departure no longer removes it
    expect(owners.release(aliceAgain)).toEqual([100]);
  });

  it(`lets one connection speak for at most ${REALTIME_LIMITS.presenceClientsPerSocket} client ids`, () => {
    const owners = new PresenceOwners<{ userId: number }>(SERVER_ID);
    const many = Array.from({ length: 10 }, (_, index): [number, number, unknown] => [500 + index, 1, {}]);
    expect(idsIn(owners.ownEntries(alice, presenceUpdate(...many)))).toHaveLength(REALTIME_LIMITS.presenceClientsPerSocket);
  });

  it('refuses presence it cannot read whole, before any of it is applied', () => {
    const owners = new PresenceOwners<{ userId: number }>(SERVER_ID);
    expect(() => owners.ownEntries(alice, presenceUpdate([100, 1, 'a string']))).toThrow();
    expect(() => owners.ownEntries(alice, presenceUpdate([100, 1, [1, 2]]))).toThrow();
    expect(() => owners.ownEntries(alice, presenceUpdate([100, 1, { note: 'x'.repeat(REALTIME_LIMITS.presenceStateBytes) }]))).toThrow();
    const badJson = encoding.createEncoder();
    encoding.writeVarUint(badJson, 1);
    encoding.writeVarUint(badJson, 100);
    encoding.writeVarUint(badJson, 1);
    encoding.writeVarString(badJson, '{not json');
    expect(() => owners.ownEntries(alice, encoding.toUint8Array(badJson))).toThrow();
    expect(owners.ownerOf(100)).toBeUndefined();
  });
});

describe('presence in a live meeting', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  let meeting: MeetingResponse;
  const peers: TestPeer[] = [];
  const sockets: WebSocket[] = [];
  const peer = (local: string) => {
    const connected = connectPeer(server.yjsUrl, meeting.docName, tokens[local]!);
    peers.push(connected);
    return connected;
  };
  const rawSocket = async (local: string) => {
    const socket = new WebSocket(`${server.yjsUrl}/${meeting.docName}?token=${tokens[local]}`);
    sockets.push(socket);
    await new Promise((resolve) => socket.once('message', resolve));
    return socket;
  };

  beforeAll(async () => {
    server = await startTestServer();
    for (const local of ['chair.jag', 'member.jag', 'observer.jag']) tokens[local] = await server.signIn(local);
    meeting = await createMeeting(server, tokens['chair.jag']!, 'Charnwood JAG');
  });
  afterEach(() => {
    for (const each of peers.splice(0)) each.destroy();
    for (const socket of sockets.splice(0)) socket.terminate();
  });
  afterAll(() => server.close());

  it('keeps another connection from changing or removing someone’s presence by reusing their client id', async () => {
    const chair = peer('chair.jag');
    const witness = peer('observer.jag');
    await Promise.all([chair.synced(), witness.synced()]);
    chair.provider.awareness.setLocalStateField('editing', 'item-1');
    const chairId = chair.provider.awareness.clientID;
    await eventually(() => expect(witness.provider.awareness.getStates().get(chairId)).toMatchObject({ editing: 'item-1' }));
    const seen = structuredClone(witness.provider.awareness.getStates().get(chairId));

    const intruder = await rawSocket('member.jag');
    const intruderId = 777_777;
    intruder.send(awarenessMessage([chairId, 1_000, { editing: 'hijacked' }]));
    intruder.send(awarenessMessage([chairId, 2_000, null]));
    // Handled in order, so once the intruder's own presence shows, the two above have been dealt with.
    intruder.send(awarenessMessage([intruderId, 1, { editing: 'item-2' }]));
    await eventually(() => expect(witness.provider.awareness.getStates().get(intruderId)).toMatchObject({ editing: 'item-2' }));

    expect(witness.provider.awareness.getStates().get(chairId)).toEqual(seen);
    expect(seen!.user).toEqual(expect.objectContaining({ name: expect.any(String) }));
    expect(witness.provider.awareness.getStates().get(intruderId)!.user).not.toEqual(seen!.user);
    expect(intruder.readyState).toBe(WebSocket.OPEN); // honest clients relay others' entries: dropped, not refused
  });

  it('lets the same user’s new socket carry on a presence, as a reconnecting client does', async () => {
    const chair = peer('chair.jag');
    const witness = peer('observer.jag');
    await Promise.all([chair.synced(), witness.synced()]);
    chair.provider.awareness.setLocalStateField('editing', 'item-1');
    const chairId = chair.provider.awareness.clientID;
    await eventually(() => expect(witness.provider.awareness.getStates().get(chairId)).toMatchObject({ editing: 'item-1' }));

    const replacement = await rawSocket('chair.jag');
    replacement.send(awarenessMessage([chairId, 1_000, { editing: 'item-3' }]));
    await eventually(() => expect(witness.provider.awareness.getStates().get(chairId)).toMatchObject({ editing: 'item-3' }));
  });
});
