import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { describe, expect, it } from 'vitest';
import { MESSAGE_TYPE } from '../../../shared/realtime-protocol.js';
import { decodeMessage, encodeUpdate } from '../../../server/realtime/wire.js';

/** The message as y-protocols writes it, which every y-websocket client reads. */
function asYProtocolsWritesIt(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_TYPE.sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

describe('an update message', () => {
  it.each([0, 1, 127, 128, 300, 16_383, 16_384, 70_000, 2_100_000])('of %i bytes is byte for byte what y-protocols writes', (size) => {
    const update = new Uint8Array(size);
    for (let i = 0; i < size; i++) update[i] = (i * 31 + 7) % 256;
    const message = encodeUpdate(update);
    // Compared as buffers: a deep equality over megabytes takes the test runner seconds.
    expect(Buffer.from(message).equals(Buffer.from(asYProtocolsWritesIt(update)))).toBe(true);
    const decoded = decodeMessage(message);
    expect(decoded.type).toBe('update');
    expect(decoded.type === 'update' && Buffer.from(decoded.update).equals(Buffer.from(update))).toBe(true);
  });
});
