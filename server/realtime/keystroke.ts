/**
 * Plain typing read straight from an update's bytes, so a room can judge it,
 * store it and send it on before Yjs applies it. Only the commonest update
 * qualifies: one run of characters typed next to characters a text already
 * holds, deleting nothing. Anything else (and anything unreadable) is not a
 * keystroke here, and takes the usual path: applied first, then judged.
 */
import * as binary from 'lib0/binary';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import type { UnappliedTyping } from '../../shared/doc-validation.js';
import type { AppliedUpdate } from './peer-update.js';

/** One run of typed characters, as the update's only struct describes it. */
export interface Keystroke {
  client: number;
  clock: number;
  /** The character it was typed after, if any. */
  origin: Y.ID | null;
  /** The character it was typed before, if any. */
  rightOrigin: Y.ID | null;
  /** How long the text grows, in UTF-16 code units (as `Y.Text.length` counts). */
  characters: number;
}

/** Yjs's content kind for a run of characters (`ContentString`). */
const CONTENT_STRING = 4;

/**
 * The keystroke an update (Yjs's first encoding, as y-websocket sends) holds,
 * or undefined unless it is exactly one struct of characters placed by its
 * neighbours (no parent named, no map key) and an empty delete set.
 */
export function readKeystroke(update: Uint8Array): Keystroke | undefined {
  try {
    const decoder = decoding.createDecoder(update);
    if (decoding.readVarUint(decoder) !== 1) return undefined; // one client's structs
    if (decoding.readVarUint(decoder) !== 1) return undefined; // one struct
    const client = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const info = decoding.readUint8(decoder);
    if ((info & binary.BITS5) !== CONTENT_STRING) return undefined;
    // Without a neighbour the parent is named instead; with the map-key bit the sender claims a map entry.
    if ((info & (binary.BIT7 | binary.BIT8)) === 0 || (info & binary.BIT6) !== 0) return undefined;
    const origin = (info & binary.BIT8) !== 0 ? readId(decoder) : null;
    const rightOrigin = (info & binary.BIT7) !== 0 ? readId(decoder) : null;
    const characters = decoding.readVarString(decoder).length;
    if (characters === 0) return undefined;
    if (decoding.readVarUint(decoder) !== 0) return undefined; // it deletes too
    if (decoding.hasContent(decoder)) return undefined;
    return { client, clock, origin, rightOrigin, characters };
  } catch {
    return undefined; // unreadable: the usual path refuses it
  }
}

function readId(decoder: decoding.Decoder): Y.ID {
  const client = decoding.readVarUint(decoder);
  return Y.createID(client, decoding.readVarUint(decoder));
}

/**
 * The text `keystroke` types into, when applying it is certain to add exactly
 * its characters to that text and change nothing else: it is the sender's
 * next struct (nothing missed, nothing repeated), its neighbours are
 * characters this document holds in one and the same live text, and nothing
 * waits to be applied. Otherwise undefined.
 */
export function textTypedInto(doc: Y.Doc, keystroke: Keystroke): Y.Text | undefined {
  const { store } = doc;
  if (store.pendingStructs !== null || store.pendingDs !== null) return undefined;
  if (Y.getState(store, keystroke.client) !== keystroke.clock) return undefined;
  const left = keystroke.origin && characterAt(store, keystroke.origin);
  const right = keystroke.rightOrigin && characterAt(store, keystroke.rightOrigin);
  if (left === undefined || right === undefined) return undefined; // named but not a character held here
  // Yjs takes the parent from the left neighbour (else the right); both must agree, or the usual path judges it.
  const parent = (left ?? right)!.parent;
  if (left && right && right.parent !== parent) return undefined;
  if (!(parent instanceof Y.Text) || parent.constructor !== Y.Text) return undefined; // not an XmlText either
  if (parent._item?.deleted) return undefined; // typing into a deleted text is deleted at once
  return parent;
}

/** The item holding the character at `id`, if it is one in a sequence (not a map entry, not collected). */
function characterAt(store: Y.Doc['store'], id: Y.ID): Y.Item | undefined {
  if (id.clock >= Y.getState(store, id.client)) return undefined;
  const structs = store.clients.get(id.client);
  if (!structs) return undefined;
  const struct = structs[Y.findIndexSS(structs, id.clock)];
  return struct instanceof Y.Item && struct.parentSub === null ? struct : undefined;
}

/** The typing `update` holds and the text it types into, when it is plain typing that may be judged before it is applied. */
export function typingAhead(doc: Y.Doc, update: Uint8Array): UnappliedTyping | undefined {
  const keystroke = readKeystroke(update);
  const text = keystroke && textTypedInto(doc, keystroke);
  return text ? { text, characters: keystroke.characters } : undefined;
}

/** Whether applying `typing` did just what reading it said: its characters added to its text, and nothing else changed. */
export function appliedAsRead(applied: AppliedUpdate, typing: UnappliedTyping, lengthBefore: number): boolean {
  const { changed, pending, unreadable, refusedContent, changedTypes } = applied;
  const onlyThatText = changedTypes.size === 1 && changedTypes.has(typing.text);
  return changed && !pending && !unreadable && refusedContent === undefined && onlyThatText && typing.text.length === lengthBefore + typing.characters;
}
