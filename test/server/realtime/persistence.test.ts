import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDocumentStore } from '../../../server/realtime/document-store.js';
import { agendaOf, readAgenda, readMeetingDoc } from '../../../shared/meeting-doc.js';
import { createMeeting } from '../../support/meetings.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { connectPeer, eventually, type TestPeer } from '../../support/yjs-client.js';

const minutesOf = (doc: Y.Doc, index = 0) => agendaOf(doc).get(readAgenda(doc)[index]!.id)!.get('minutes') as Y.Text;

describe('durable documents', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const track = <T extends { destroy(): void } | TestPeer>(peer: T) => {
    cleanups.push(() => peer.destroy());
    return peer;
  };

  async function typeSomeMinutes(server: TestServer, docName: string, token: string, count: number): Promise<TestPeer> {
    const peer = track(connectPeer(server.yjsUrl, docName, token));
    await peer.synced();
    for (let index = 0; index < count; index++) minutesOf(peer.doc, 1).insert(minutesOf(peer.doc, 1).length, `${index},`);
    return peer;
  }

  it('reloads a document identically after a restart', async () => {
    const first = await startTestServer();
    const token = await first.signIn('chair.jag');
    const { docName } = await createMeeting(first, token, 'Charnwood JAG');
    const writer = await typeSomeMinutes(first, docName, token, 50);
    const witness = track(connectPeer(first.yjsUrl, docName, token));
    await witness.synced();
    await eventually(() => expect(minutesOf(witness.doc, 1).length).toBe(minutesOf(writer.doc, 1).length));
    const before = readMeetingDoc(witness.doc);
    writer.provider.disconnect();
    witness.provider.disconnect();

    await first.restart();
    cleanups.push(() => first.close());
    const reader = track(connectPeer(first.yjsUrl, docName, token));
    await reader.synced();
    expect(readMeetingDoc(reader.doc)).toEqual(before);
  });

  it('compacts a long history into a snapshot and still loads the same document', async () => {
    const server = await startTestServer({ realtime: { compactAfter: 20, idleUnloadMs: 50 } });
    cleanups.push(() => server.close());
    const token = await server.signIn('chair.jag');
    const { docName } = await createMeeting(server, token, 'Charnwood JAG');
    const writer = await typeSomeMinutes(server, docName, token, 75);
    const witness = track(connectPeer(server.yjsUrl, docName, token));
    await eventually(() => expect(minutesOf(witness.doc, 1).toString()).toContain('74,'));
    witness.provider.disconnect();
    await eventually(async () => {
      await server.registry.settle();
      const tail = await server.database.db.selectFrom('doc_updates').select('id').where('doc_name', '=', docName).execute();
      expect(tail.length).toBeLessThan(20);
    });
    const snapshot = await server.database.db.selectFrom('doc_snapshots').selectAll().where('doc_name', '=', docName).executeTakeFirst();
    expect(snapshot).toBeDefined();
    const expected = minutesOf(writer.doc, 1).toString();
    writer.provider.disconnect();
    // Once idle the room is unloaded; the next peer loads snapshot + tail from disk.
    await eventually(() => expect(server.registry.isLoaded(docName)).toBe(false));
    const reader = track(connectPeer(server.yjsUrl, docName, token));
    await reader.synced();
    expect(minutesOf(reader.doc, 1).toString()).toBe(expected);
    expect(expected).toContain('74,');
  });

  it('folds a long log left by a crash into a snapshot before serving again', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.close());
    const token = await server.signIn('chair.jag');
    const { docName } = await createMeeting(server, token, 'Charnwood JAG');
    const peer = track(connectPeer(server.yjsUrl, docName, token));
    await peer.synced();
    peer.provider.disconnect();
    // 600 updates written straight to the log, as if the server died before compacting.
    const local = new Y.Doc();
    Y.applyUpdate(local, Y.encodeStateAsUpdate(peer.doc));
    const updates: Uint8Array[] = [];
    local.on('update', (update: Uint8Array) => updates.push(update));
    for (let index = 0; index < 600; index++) minutesOf(local, 1).insert(minutesOf(local, 1).length, 'z');
    const store = createDocumentStore({ db: server.database.db });
    const { lastUpdateId } = await store.load(docName);
    updates.forEach((update, index) => store.append(docName, lastUpdateId + 1 + index, update, null));

    await server.restart();
    const tail = await server.database.db.selectFrom('doc_updates').select('id').where('doc_name', '=', docName).execute();
    expect(tail).toEqual([]);
    const reader = track(connectPeer(server.yjsUrl, docName, token));
    await reader.synced();
    expect(minutesOf(reader.doc, 1).toString()).toBe('z'.repeat(600));
  });

  it('keeps edits made while a peer was offline and merges them on reconnect', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.close());
    const chairToken = await server.signIn('chair.jag');
    const memberToken = await server.signIn('member.jag');
    const { docName } = await createMeeting(server, chairToken, 'Charnwood JAG');
    const online = track(connectPeer(server.yjsUrl, docName, chairToken));
    const offline = track(connectPeer(server.yjsUrl, docName, memberToken));
    await Promise.all([online.synced(), offline.synced()]);
    offline.provider.disconnect();
    minutesOf(offline.doc, 0).insert(0, 'typed offline. ');
    minutesOf(online.doc, 0).insert(0, 'typed online. ');
    offline.provider.connect();
    await eventually(() => {
      for (const peer of [online, offline]) {
        expect(minutesOf(peer.doc, 0).toString()).toContain('typed offline.');
        expect(minutesOf(peer.doc, 0).toString()).toContain('typed online.');
      }
    });
  });
});

