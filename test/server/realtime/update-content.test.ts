import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyAndInspect } from '../../../server/realtime/peer-update.js';

/** A client's copy shaped like our documents: maps of plain values, a map entry holding text and an array of maps. */
function clientDoc({ gc = true } = {}): Y.Doc {
  const doc = new Y.Doc({ gc });
  doc.transact(() => {
    doc.getMap('meta').set('status', 'live');
    const item = new Y.Map<unknown>();
    doc.getMap('agenda').set('a1', item);
    item.set('title', 'Welcome');
    item.set('minutes', new Y.Text('Opened at ten.'));
    item.set('decisions', new Y.Array());
    doc.getArray('declarations').push([new Y.Map(Object.entries({ id: 'd1', interest: 'Landlord' }))]);
  });
  return doc;
}

const minutesOf = (doc: Y.Doc) => (doc.getMap('agenda').get('a1') as Y.Map<unknown>).get('minutes') as Y.Text;
const decisionsOf = (doc: Y.Doc) => (doc.getMap('agenda').get('a1') as Y.Map<unknown>).get('decisions') as Y.Array<unknown>;

/** A server copy that holds everything `client` has, and the change `edit` makes next, as the update a peer would send. */
function serverAndChange(edit: (client: Y.Doc) => void, { gc = true } = {}): { server: Y.Doc; update: Uint8Array } {
  const client = clientDoc({ gc });
  const server = new Y.Doc();
  Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
  const vector = Y.encodeStateVector(client);
  edit(client);
  return { server, update: Y.encodeStateAsUpdate(client, vector) };
}

const refusalOf = (edit: (client: Y.Doc) => void, options?: { gc: boolean }) => {
  const { server, update } = serverAndChange(edit, options);
  return applyAndInspect(server, update, null).refusedContent;
};

/** One hand-written item at clock 0 of a new client, under a top-level type, for content no API call makes. */
function craftedItem(contentRef: number, root: string, key: string | null, writeContent: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1); // one client
  encoding.writeVarUint(encoder, 1); // one struct
  encoding.writeVarUint(encoder, 999_999); // client id
  encoding.writeVarUint(encoder, 0); // clock
  encoding.writeUint8(encoder, contentRef | (key === null ? 0 : 0x20));
  encoding.writeVarUint(encoder, 1); // parent named by its top-level name
  encoding.writeVarString(encoder, root);
  if (key !== null) encoding.writeVarString(encoder, key);
  writeContent(encoder);
  encoding.writeVarUint(encoder, 0); // empty delete set
  return encoding.toUint8Array(encoder);
}

describe('the content an update may add', () => {
  it('allows what our documents are made of: plain values, maps, arrays of maps and plain text', () => {
    expect(refusalOf((doc) => minutesOf(doc).insert(5, ' Apologies from Housing.'))).toBeUndefined();
    expect(refusalOf((doc) => doc.getMap('meta').set('status', 'closed'))).toBeUndefined();
    expect(refusalOf((doc) => decisionsOf(doc).push([new Y.Map(Object.entries({ id: 'x', text: 'Agreed' }))]))).toBeUndefined();
    expect(
      refusalOf((doc) => {
        const item = new Y.Map<unknown>();
        doc.getMap('agenda').set('a2', item);
        item.set('minutes', new Y.Text('Fresh'));
        item.set('decisions', new Y.Array());
      }),
    ).toBeUndefined();
    expect(refusalOf((doc) => minutesOf(doc).delete(0, 6))).toBeUndefined();
  });

  it('allows typing that continues the run it follows, and text added and deleted again', () => {
    const { server, update } = serverAndChange((doc) => minutesOf(doc).insert(minutesOf(doc).length, 'a'));
    expect(applyAndInspect(server, update, null).refusedContent).toBeUndefined();
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const vector = Y.encodeStateVector(client);
    client.transact(() => {
      minutesOf(client).insert(minutesOf(client).length, 'bc');
      minutesOf(client).delete(minutesOf(client).length - 1, 1);
    });
    expect(applyAndInspect(server, Y.encodeStateAsUpdate(client, vector), null).refusedContent).toBeUndefined();
  });

  it('allows a whole document whose deleted text is kept only as lengths, into top-level types not yet named', () => {
    const client = clientDoc();
    minutesOf(client).delete(0, 4);
    const fresh = new Y.Doc(); // the server has not asked for any top-level type yet
    expect(applyAndInspect(fresh, Y.encodeStateAsUpdate(client), null).refusedContent).toBeUndefined();
  });

  it('refuses text formatting, however large, even when the update deletes it again', () => {
    expect(refusalOf((doc) => minutesOf(doc).insert(0, 'x', { bold: 'A'.repeat(100_000) }))).toMatch(/text formatting/);
    expect(refusalOf((doc) => minutesOf(doc).format(0, 4, { bold: true }))).toMatch(/text formatting/);
    // A client that keeps deleted content (no garbage collection) sends it all, deleted or not.
    const addedAndDeleted = (doc: Y.Doc) =>
      doc.transact(() => {
        minutesOf(doc).insert(0, 'x', { hidden: 'A'.repeat(100_000) });
        minutesOf(doc).delete(0, 1);
      });
    expect(serverAndChange(addedAndDeleted, { gc: false }).update.byteLength).toBeGreaterThan(100_000);
    expect(refusalOf(addedAndDeleted, { gc: false })).toMatch(/text formatting/);
  });

  it('refuses embeds and types inside text, and keys on a text', () => {
    expect(refusalOf((doc) => minutesOf(doc).insertEmbed(0, { image: 'A'.repeat(1000) }))).toMatch(/an embed in text/);
    expect(refusalOf((doc) => minutesOf(doc).insertEmbed(0, new Y.Map()))).toMatch(/a type embedded in text/);
    expect(refusalOf((doc) => minutesOf(doc).setAttribute('hidden', 'A'.repeat(1000)))).toMatch(/ContentAny in a YText/);
  });

  it('refuses binary content, subdocuments and types our documents never use', () => {
    expect(refusalOf((doc) => decisionsOf(doc).push([new Uint8Array(1000)]))).toMatch(/binary content/);
    expect(refusalOf((doc) => doc.getMap('meta').set('attachment', new Y.Doc()))).toMatch(/a subdocument/);
    expect(refusalOf((doc) => doc.getMap('meta').set('notes', new Y.XmlFragment()))).toMatch(/YXmlFragment/);
    expect(refusalOf((doc) => doc.getMap('meta').set('notes', new Y.XmlText('styled')))).toMatch(/YXmlText/);
  });

  it('refuses legacy JSON content, and text outside a text type', () => {
    const json = craftedItem(2, 'declarations', null, (encoder) => {
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarString(encoder, JSON.stringify('A'.repeat(1000)));
    });
    expect(applyAndInspect(clientDoc(), json, null).refusedContent).toMatch(/content of kind 2/);
    const stringInMap = craftedItem(4, 'meta', 'status', (encoder) => encoding.writeVarString(encoder, 'live'));
    expect(applyAndInspect(clientDoc(), stringInMap, null).refusedContent).toMatch(/text outside a text type/);
    const stringInArray = craftedItem(4, 'declarations', null, (encoder) => encoding.writeVarString(encoder, 'x'));
    expect(applyAndInspect(clientDoc(), stringInArray, null).refusedContent).toMatch(/text outside a text type/);
  });

  it('refuses values a map holds outside its keys', () => {
    const valueWithoutKey = craftedItem(8, 'meta', null, (encoder) => {
      encoding.writeVarUint(encoder, 1);
      encoding.writeAny(encoder, 'A'.repeat(1000));
    });
    const server = clientDoc();
    server.getMap('meta'); // already a map, as once a kind has looked at it
    expect(applyAndInspect(server, valueWithoutKey, null).refusedContent).toMatch(/ContentAny in a YMap/);
  });

  it('looks only at what the update added, not at what the document already held', () => {
    // A document that somehow holds formatting already (stored before this check existed) still takes plain typing.
    const client = clientDoc();
    minutesOf(client).format(0, 2, { bold: true });
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    const vector = Y.encodeStateVector(client);
    minutesOf(client).insert(minutesOf(client).length, ' More.');
    expect(applyAndInspect(server, Y.encodeStateAsUpdate(client, vector), null).refusedContent).toBeUndefined();
  });
});

describe('inspecting one update after another on the same document', () => {
  it('reports each update alone: not the one before it, nor the server’s own changes in between', () => {
    const client = clientDoc();
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));

    let vector = Y.encodeStateVector(client);
    minutesOf(client).format(0, 2, { bold: true });
    const formatting = applyAndInspect(server, Y.encodeStateAsUpdate(client, vector), null);
    expect(formatting.refusedContent).toMatch(/text formatting/);

    // The server changes the document itself: no inspection is under way, so nothing records it.
    server.transact(() => server.getMap('meta').set('status', 'closed'));

    vector = Y.encodeStateVector(client);
    minutesOf(client).insert(minutesOf(client).length, ' More.');
    const typing = applyAndInspect(server, Y.encodeStateAsUpdate(client, vector), null);
    expect(typing.refusedContent).toBeUndefined();
    expect(typing.changed).toBe(true);
    expect([...typing.changedTypes]).toEqual([minutesOf(server)]);

    const again = applyAndInspect(server, Y.encodeStateAsUpdate(client, vector), null);
    expect(again).toMatchObject({ changed: false, unreadable: false, refusedContent: undefined });
    expect(again.changedTypes.size).toBe(0);

    const unreadable = applyAndInspect(server, new Uint8Array([9, 9, 9]), null);
    expect(unreadable.unreadable).toBe(true);
    expect(unreadable.changedTypes.size).toBe(0);
  });
});
