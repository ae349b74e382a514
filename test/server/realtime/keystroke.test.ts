import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appliedAsRead, readKeystroke, textTypedInto, typingAhead } from '../../../server/realtime/keystroke.js';
import { applyAndInspect } from '../../../server/realtime/peer-update.js';

/** The same numbers in [0, 1) on every run. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1664525 + 1013904223) % 2 ** 32) / 2 ** 32;
}

function updateFrom(doc: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const collect = (update: Uint8Array) => updates.push(update);
  doc.on('update', collect);
  edit(doc);
  doc.off('update', collect);
  return updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
}

/** A server's document and a client's copy of it, with a way to catch the client's next update. */
function pair(setUp: (doc: Y.Doc) => void = () => {}) {
  const server = new Y.Doc();
  const client = new Y.Doc();
  client.transact(() => setUp(client));
  Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
  return {
    server,
    client,
    /** The update the client's `edit` makes, as y-websocket sends it (from the document's update event). */
    updateOf: (edit: (doc: Y.Doc) => void) => updateFrom(client, edit),
  };
}

const withMinutes = (doc: Y.Doc, words = 'Noted.') => {
  const item = new Y.Map<unknown>();
  doc.getMap('agenda').set('item-1', item);
  item.set('minutes', new Y.Text(words));
  item.set('title', 'Matters arising');
};
const minutesOf = (doc: Y.Doc) => (doc.getMap('agenda').get('item-1') as Y.Map<unknown>).get('minutes') as Y.Text;

describe('reading plain typing from an update’s bytes', () => {
  it.each([
    ['at the end of a text', (text: Y.Text) => text.insert(text.length, 'x'), 1],
    ['in the middle of a text', (text: Y.Text) => text.insert(2, 'ab'), 2],
    ['at the start of a text', (text: Y.Text) => text.insert(0, 'The '), 4],
    ['a pasted sentence', (text: Y.Text) => text.insert(3, 'and the panel agreed to refer it on, '), 37],
    ['an emoji (two UTF-16 units, as Y.Text counts them)', (text: Y.Text) => text.insert(1, '👍'), 2],
  ])('reads typing %s, and the text it goes into', (_, edit, characters) => {
    const { server, client, updateOf } = pair(withMinutes);
    const update = updateOf((doc) => edit(minutesOf(doc)));
    const typing = typingAhead(server, update);
    expect(typing?.text).toBe(minutesOf(server));
    expect(typing?.characters).toBe(characters);
    const lengthBefore = minutesOf(server).length;
    expect(appliedAsRead(applyAndInspect(server, update, null), typing!, lengthBefore)).toBe(true);
    expect(minutesOf(server).toString()).toBe(minutesOf(client).toString());
  });

  it.each([
    ['the first words in a new, empty text (its parent is named)', (doc: Y.Doc) => (doc.getMap('agenda').get('item-1') as Y.Map<unknown>).set('minutes', new Y.Text()), (doc: Y.Doc) => minutesOf(doc).insert(0, 'a')],
    ['a deletion', () => {}, (doc: Y.Doc) => minutesOf(doc).delete(0, 1)],
    ['typing over a selection (it deletes too)', () => {}, (doc: Y.Doc) => doc.transact(() => (minutesOf(doc).delete(0, 2), minutesOf(doc).insert(0, 'ok')))],
    ['two runs typed in one transaction', () => {}, (doc: Y.Doc) => doc.transact(() => (minutesOf(doc).insert(0, 'a'), minutesOf(doc).insert(4, 'b')))],
    ['formatted typing', () => {}, (doc: Y.Doc) => minutesOf(doc).insert(1, 'bold', { bold: true })],
    ['a map entry', () => {}, (doc: Y.Doc) => (doc.getMap('agenda').get('item-1') as Y.Map<unknown>).set('title', 'Matters')],
    ['a new agenda item', () => {}, (doc: Y.Doc) => doc.getMap('agenda').set('item-2', new Y.Map())],
  ])('does not read %s as typing', (_, before, edit) => {
    const { server, updateOf } = pair(withMinutes);
    Y.applyUpdate(server, updateOf(before));
    expect(typingAhead(server, updateOf(edit))).toBeUndefined();
  });

  it('reads nothing from updates in Yjs’s second encoding, trailing bytes, or random bytes, and never throws', () => {
    const { server, updateOf } = pair(withMinutes);
    const vector = Y.encodeStateVector(server);
    const update = updateOf((doc) => minutesOf(doc).insert(1, 'x'));
    expect(readKeystroke(update)).toBeDefined();
    expect(readKeystroke(Y.convertUpdateFormatV1ToV2(update))).toBeUndefined();
    expect(readKeystroke(new Uint8Array([...update, 0]))).toBeUndefined();
    expect(readKeystroke(update.slice(0, -2))).toBeUndefined();
    const random = seededRandom(11);
    for (let round = 0; round < 2_000; round++) {
      const bytes = Uint8Array.from({ length: 1 + Math.floor(random() * 40) }, () => Math.floor(random() * 256));
      if (round % 2 === 0) bytes.set(update.slice(0, Math.min(update.length, bytes.length) - 1)); // readable start, then garbage
      expect(() => typingAhead(server, bytes)).not.toThrow();
    }
    expect(Y.encodeStateVector(server)).toEqual(vector); // reading changes nothing
  });
});

describe('the text plain typing goes into', () => {
  it('is none when the server already holds the typing, or lacks what came before it', () => {
    const { server, updateOf } = pair(withMinutes);
    const first = updateOf((doc) => minutesOf(doc).insert(1, 'a'));
    const second = updateOf((doc) => minutesOf(doc).insert(2, 'b'));
    expect(typingAhead(server, second)).toBeUndefined(); // a gap: the usual path holds it as pending and refuses
    Y.applyUpdate(server, first);
    expect(typingAhead(server, first)).toBeUndefined(); // held already: nothing new
    expect(typingAhead(server, second)?.text).toBe(minutesOf(server));
  });

  it('is none when the neighbours are unknown, in a map, in two texts, in an array, or the text is deleted', () => {
    const { server, updateOf } = pair((doc) => {
      withMinutes(doc);
      doc.getMap('agenda').set('item-2', new Y.Map([['minutes', new Y.Text('Other words')]]));
      doc.getArray('list').push(['a', 'b']);
    });
    const keystroke = readKeystroke(updateOf((doc) => minutesOf(doc).insert(1, 'x')))!;
    const other = ((server.getMap('agenda').get('item-2') as Y.Map<unknown>).get('minutes') as Y.Text)._start!.id;
    const listed = server.getArray('list')._start!.id;
    const mapEntry = (server.getMap('agenda').get('item-1') as Y.Map<unknown>)._map.get('title')!.id;
    expect(textTypedInto(server, keystroke)).toBe(minutesOf(server));
    expect(textTypedInto(server, { ...keystroke, origin: Y.createID(999, 0) })).toBeUndefined();
    expect(textTypedInto(server, { ...keystroke, origin: mapEntry })).toBeUndefined();
    expect(textTypedInto(server, { ...keystroke, origin: listed })).toBeUndefined();
    expect(textTypedInto(server, { ...keystroke, rightOrigin: other })).toBeUndefined();
    server.getMap('agenda').delete('item-1');
    expect(textTypedInto(server, keystroke)).toBeUndefined();
  });

  it('is none in rich text (an XmlText)', () => {
    const { server, updateOf } = pair((doc) => doc.getXmlFragment('rich').insert(0, [new Y.XmlText('Hello')]));
    const update = updateOf((doc) => (doc.getXmlFragment('rich').get(0) as Y.XmlText).insert(2, 'x'));
    expect(readKeystroke(update)).toBeDefined();
    expect(typingAhead(server, update)).toBeUndefined();
  });

  it('is, for every update a random session of editing makes, read only when applying it does just that', () => {
    const random = seededRandom(7);
    const { server, client, updateOf } = pair((doc) => {
      withMinutes(doc);
      doc.getMap('agenda').set('item-2', new Y.Map([['minutes', new Y.Text('Second item')]]));
    });
    const otherClient = new Y.Doc();
    Y.applyUpdate(otherClient, Y.encodeStateAsUpdate(client));
    const texts = (doc: Y.Doc) => [...doc.getMap('agenda').values()].map((item) => (item as Y.Map<unknown>).get('minutes') as Y.Text);
    let read = 0;
    for (let round = 0; round < 600; round++) {
      const text = texts(client)[Math.floor(random() * 2)]!;
      const at = Math.floor(random() * (text.length + 1));
      const choice = random();
      const update = updateOf(() => {
        if (choice < 0.6) text.insert(at, 'abc'.slice(0, 1 + Math.floor(random() * 3)));
        else if (choice < 0.75 && text.length > 0) text.delete(Math.min(at, text.length - 1), 1);
        else if (choice < 0.85) text.insert(at, 'x', { bold: true });
        else if (choice < 0.95) (client.getMap('agenda').get('item-2') as Y.Map<unknown>).set('title', `t${round}`);
        else text.delete(0, text.length);
      });
      // Another editor's concurrent typing, so origins come from two clients.
      if (round % 7 === 0) {
        const theirs = texts(otherClient)[0]!;
        const concurrent = updateFrom(otherClient, () => theirs.insert(theirs.length, 'z'));
        Y.applyUpdate(client, concurrent);
        const typing = typingAhead(server, concurrent);
        if (typing) read += 1;
        const lengthBefore = typing?.text.length ?? 0;
        const applied = applyAndInspect(server, concurrent, null);
        if (typing) expect(appliedAsRead(applied, typing, lengthBefore)).toBe(true);
      }
      Y.applyUpdate(otherClient, update);
      const typing = typingAhead(server, update);
      const lengthBefore = typing?.text.length ?? 0;
      const applied = applyAndInspect(server, update, null);
      if (typing) {
        read += 1;
        expect(appliedAsRead(applied, typing, lengthBefore)).toBe(true);
      }
    }
    expect(texts(server).map(String)).toEqual(texts(client).map(String));
    expect(read).toBeGreaterThan(250); // most of the session was plain typing, read as such
  });
});
