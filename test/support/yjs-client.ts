import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { MESSAGE_TYPE, parseRefusal, type Refusal } from '../../shared/realtime-protocol.js';
import * as decoding from 'lib0/decoding';

export interface TestPeer {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Refusals the server sent this peer, parsed. */
  refusals: Refusal[];
  /** Resolves with the close code once the server closes the socket for good (4400–4499). */
  closed: Promise<{ code: number; reason: string }>;
  synced(): Promise<void>;
  destroy(): void;
}

/** An unmodified y-websocket WebsocketProvider in Node, as any standard client would connect. */
export function connectPeer(yjsUrl: string, docName: string, token: string | null, doc = new Y.Doc()): TestPeer {
  const provider = new WebsocketProvider(yjsUrl, docName, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: token ? { token } : {},
    disableBc: true,
    maxBackoffTime: 200,
  });
  const refusals: Refusal[] = [];
  // Record the server's permission-denied reasons instead of only logging them.
  provider.messageHandlers[MESSAGE_TYPE.auth] = (_encoder, decoder) => {
    decoding.readVarUint(decoder);
    const refusal = parseRefusal(decoding.readVarString(decoder));
    if (refusal) refusals.push(refusal);
  };
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    provider.on('closed', (event: { code: number; reason: string }) => resolve(event));
  });
  return {
    doc,
    provider,
    refusals,
    closed,
    synced: () =>
      new Promise<void>((resolve, reject) => {
        if (provider.synced) return resolve();
        provider.once('sync', (isSynced: boolean) => (isSynced ? resolve() : undefined));
        void closed.then((event) => reject(new Error(`closed before syncing: ${event.code} ${event.reason}`)));
      }),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Polls until the check passes or the time runs out; for waiting on other peers. */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
