// Peers: the same Y.Doc work on every server, only the provider differs.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { agendaOf, readAgenda } from '../../shared/meeting-doc.js';

export interface Peer {
  doc: Y.Doc;
  synced: Promise<void>;
  /** Times the connection dropped after opening. */
  drops(): number;
  /** Wall-clock time (performance.timeOrigin + now) the provider was last handed a message; NaN if unknown. */
  lastMessageAt(): number;
  destroy(): void;
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    }),
  ]);
}

/** An unmodified y-websocket client, as Quorum's own and the reference server expect. */
export function yWebsocketPeer(serverUrl: string, room: string, token: string | null): Peer {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(serverUrl, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: token ? { token } : {},
    disableBc: true,
  });
  let drops = 0;
  provider.on('connection-close', () => drops++);
  let lastMessageAt = Number.NaN;
  provider.on('status', ({ status }: { status: string }) => {
    const socket = provider.ws;
    if (status !== 'connected' || !socket) return;
    // Timed as the message is handed to the provider, before it applies it.
    const handle = socket.onmessage!;
    socket.onmessage = (event) => {
      lastMessageAt = performance.timeOrigin + performance.now();
      handle.call(socket, event);
    };
  });
  const synced = new Promise<void>((resolveSynced, reject) => {
    provider.on('sync', (isSynced: boolean) => isSynced && resolveSynced());
    provider.on('closed', (event: { code: number; reason: string }) => reject(new Error(`${room}: closed ${event.code} ${event.reason}`)));
  });
  return asPeer(doc, synced, () => drops, () => lastMessageAt, provider);
}

/** A Hocuspocus client with its own socket (no multiplexing), like one browser tab each. */
export function hocuspocusPeer(url: string, room: string): Peer {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: room, document: doc });
  provider.attach();
  let drops = 0;
  provider.on('close', () => drops++);
  const synced = new Promise<void>((resolveSynced) => {
    if (provider.isSynced) resolveSynced();
    provider.on('synced', () => resolveSynced());
  });
  return asPeer(doc, synced, () => drops, () => Number.NaN, provider, socket);
}

/** A peer whose `destroy` ends what it owns (provider, socket), then its document. */
function asPeer(doc: Y.Doc, synced: Promise<void>, drops: () => number, lastMessageAt: () => number, ...owned: { destroy(): void }[]): Peer {
  return {
    doc,
    synced,
    drops,
    lastMessageAt,
    destroy() {
      for (const thing of owned) thing.destroy();
      doc.destroy();
    },
  };
}

/** The minutes of the first agenda item: where every editor of a meeting types. */
export function minutesOf(doc: Y.Doc): Y.Text | undefined {
  const first = readAgenda(doc)[0];
  const minutes = first && agendaOf(doc).get(first.id)?.get('minutes');
  return minutes instanceof Y.Text ? minutes : undefined;
}
