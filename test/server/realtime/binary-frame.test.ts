import { Receiver } from 'ws';
import { describe, expect, it } from 'vitest';
import { binaryFrame, frameFor } from '../../../server/realtime/binary-frame.js';

/** What a WebSocket client reads from `bytes`: ws's own parser, as a browser's would. */
function clientReads(bytes: Buffer): Promise<{ message: Buffer; isBinary: boolean }> {
  return new Promise((resolve, reject) => {
    const receiver = new Receiver({ isServer: false, maxPayload: 0 });
    receiver.on('message', (message: Buffer, isBinary: boolean) => resolve({ message, isBinary }));
    receiver.on('error', reject);
    receiver.write(bytes);
  });
}

describe('binaryFrame', () => {
  it.each([0, 1, 125, 126, 65_535, 65_536, 200_000])('frames a %i-byte message as one whole binary message', async (size) => {
    const message = new Uint8Array(size).map((_, index) => index % 251);
    const { message: read, isBinary } = await clientReads(binaryFrame(message));
    expect(isBinary).toBe(true);
    expect(new Uint8Array(read)).toEqual(message);
  });

  it('frames a message sent to peer after peer once, and a new message anew', () => {
    const message = new Uint8Array([0, 2, 5]);
    const frame = frameFor(message);
    expect(frameFor(message)).toBe(frame);
    const next = new Uint8Array([0, 2, 5]);
    expect(frameFor(next)).not.toBe(frame);
    expect(frameFor(next)).toEqual(frame);
  });
});
