/** Encoding and decoding of y-websocket protocol messages. */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';
import { MESSAGE_TYPE, type Refusal } from '../../shared/realtime-protocol.js';

export type IncomingMessage =
  | { type: 'sync-step-1'; stateVector: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' };

/** Decodes one message; throws on anything malformed or unknown. */
export function decodeMessage(data: Uint8Array): IncomingMessage {
  const decoder = decoding.createDecoder(data);
  const messageType = decoding.readVarUint(decoder);
  let message: IncomingMessage;
  switch (messageType) {
    case MESSAGE_TYPE.sync: {
      const syncType = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (syncType === syncProtocol.messageYjsSyncStep1) message = { type: 'sync-step-1', stateVector: payload };
      else if (syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate) {
        message = { type: 'update', update: payload };
      } else throw new Error(`unknown sync message ${syncType}`);
      break;
    }
    case MESSAGE_TYPE.awareness:
      message = { type: 'awareness', update: decoding.readVarUint8Array(decoder) };
      break;
    case MESSAGE_TYPE.queryAwareness:
      message = { type: 'query-awareness' };
      break;
    default:
      throw new Error(`unknown message type ${messageType}`);
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after message');
  return message;
}

function encode(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export const encodeSyncStep1 = (doc: Y.Doc) =>
  encode((encoder) => {
    encoding.writeVarUint(encoder, MESSAGE_TYPE.sync);
    syncProtocol.writeSyncStep1(encoder, doc);
  });

export const encodeSyncStep2 = (doc: Y.Doc, stateVector: Uint8Array) =>
  encode((encoder) => {
    encoding.writeVarUint(encoder, MESSAGE_TYPE.sync);
    syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  });

/** Step 1 from a state vector read from storage, for a document not yet built. */
export const encodeSyncStep1FromStateVector = (stateVector: Uint8Array) =>
  encode((encoder) => {
    encoding.writeVarUint(encoder, MESSAGE_TYPE.sync);
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1);
    encoding.writeVarUint8Array(encoder, stateVector);
  });

/** Step 2 carrying a whole encoded document, for a peer that holds none of it. */
export const encodeSyncStep2FromState = (update: Uint8Array) =>
  encode((encoder) => {
    encoding.writeVarUint(encoder, MESSAGE_TYPE.sync);
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(encoder, update);
  });

/**
 * An update message, written straight into one array of its exact size: it
 * is built for every keystroke, and lib0's growing encoder allocates twice.
 * The same bytes as `syncProtocol.writeUpdate` (both type numbers are single bytes).
 */
export function encodeUpdate(update: Uint8Array): Uint8Array {
  let lengthBytes = 1;
  for (let rest = update.byteLength >>> 7; rest > 0; rest >>>= 7) lengthBytes += 1;
  const message = new Uint8Array(2 + lengthBytes + update.byteLength);
  message[0] = MESSAGE_TYPE.sync;
  message[1] = syncProtocol.messageYjsUpdate;
  let at = 2;
  let length = update.byteLength;
  while (length > 0x7f) {
    message[at++] = 0x80 | (length & 0x7f);
    length >>>= 7;
  }
  message[at++] = length;
  message.set(update, at);
  return message;
}

export const encodeAwareness = (awareness: awarenessProtocol.Awareness, clients: number[]) =>
  encode((encoder) => {
    encoding.writeVarUint(encoder, MESSAGE_TYPE.awareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  });

/** A y-protocols "permission denied" auth message whose reason is the JSON refusal. */
export const encodeRefusal = (refusal: Refusal) =>
  encode((encoder) => {
    encoding.writeVarUint(encoder, MESSAGE_TYPE.auth);
    encoding.writeVarUint(encoder, 0); // permission denied
    encoding.writeVarString(encoder, JSON.stringify(refusal));
  });
