import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { binaryFrame, frameFor } from '../../../server/realtime/binary-frame.js';

let server: WebSocketServer;
/** Frames the next connection is sent, written straight to its socket as the Yjs endpoint writes them. */
let toSend: Buffer[] = [];
beforeAll(async () => {
  server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  server.on('connection', (_socket, request) => {
    for (const frame of toSend) request.socket.write(frame);
  });
  await once(server, 'listening');
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** What a WebSocket client reads from `frames`. */
async function clientReads(...frames: Buffer[]): Promise<{ message: Buffer; isBinary: boolean }[]> {
  toSend = frames;
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  const read: { message: Buffer; isBinary: boolean }[] = [];
  await new Promise<void>((resolve, reject) => {
    client.on('message', (message: Buffer, isBinary: boolean) => {
      read.push({ message, isBinary });
      if (read.length === frames.length) resolve();
    });
    client.on('error', reject);
  });
  client.terminate();
  return read;
}

describe('binaryFrame', () => {
  it.each([0, 1, 125, 126, 65_535, 65_536, 200_000])('frames a %i-byte message as one whole binary message', async (size) => {
    const message = new Uint8Array(size).map((_, index) => index % 251);
    const [read] = await clientReads(binaryFrame(message));
    expect(read!.isBinary).toBe(true);
    expect(new Uint8Array(read!.message)).toEqual(message);
  });

  it('keeps messages whole and in order one after another on a connection', async () => {
    const messages = [new Uint8Array([1]), new Uint8Array(300).fill(2), new Uint8Array(70_000).fill(3)];
    const read = await clientReads(...messages.map(binaryFrame));
    expect(read.map(({ message }) => new Uint8Array(message))).toEqual(messages);
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
