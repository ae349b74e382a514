import type * as Y from 'yjs';
import { CLOSE_CODES } from '../../shared/realtime-protocol.js';
import { RefusalError, type DocumentKind } from './document-kind.js';
import { DocumentRoom } from './document-room.js';
import type { RoomConnection } from './room-connection.js';
import type { DocumentStore } from './document-store.js';
import { encodeRefusal } from './wire.js';

export interface DocumentRegistryOptions {
  store: DocumentStore;
  kinds: DocumentKind[];
  /** How long an empty room stays loaded before it is snapshotted and freed. */
  idleUnloadMs?: number;
  compactAfter?: number;
  projectAfterMs?: number;
  /** Most a document may take in storage; see `REALTIME_LIMITS.documentBytes`. */
  maxDocumentBytes?: number;
  log?: (message: string, error?: unknown) => void;
}

/** The documents loaded in memory, loaded on first use and freed when idle. */
export function createDocumentRegistry({
  store,
  kinds,
  idleUnloadMs = 30_000,
  compactAfter,
  projectAfterMs,
  maxDocumentBytes,
  log = console.error,
}: DocumentRegistryOptions) {
  const rooms = new Map<string, Promise<DocumentRoom>>();
  const unloading = new Map<string, Promise<void>>();
  const idleTimers = new Map<string, ReturnType<typeof setTimeout>>();
  let closed = false;

  function kindFor(docName: string): DocumentKind | undefined {
    return kinds.find((kind) => kind.owns(docName));
  }

  async function open(docName: string): Promise<DocumentRoom> {
    const kind = kindFor(docName);
    if (!kind) throw new Error(`no document kind serves ${docName}`);
    clearTimeout(idleTimers.get(docName));
    idleTimers.delete(docName);
    let room = rooms.get(docName);
    if (!room) {
      const loading = (async () => {
        await unloading.get(docName);
        return DocumentRoom.load({ name: docName, kind, store, compactAfter, projectAfterMs, maxDocumentBytes, log });
      })();
      room = loading;
      rooms.set(docName, room);
      loading.catch(() => rooms.delete(docName));
    }
    return room;
  }

  function scheduleUnload(room: DocumentRoom): void {
    if (closed || room.connections.size > 0 || idleTimers.has(room.name)) return;
    idleTimers.set(
      room.name,
      setTimeout(() => {
        idleTimers.delete(room.name);
        if (room.connections.size > 0) return;
        rooms.delete(room.name);
        const done = room
          .unload()
          .catch((error: unknown) => log(`unloading ${room.name} failed`, error))
          .finally(() => unloading.delete(room.name));
        unloading.set(room.name, done);
      }, idleUnloadMs),
    );
  }

  return {
    kindFor,

    async join(docName: string, connection: RoomConnection): Promise<DocumentRoom> {
      const room = await open(docName);
      room.join(connection);
      return room;
    },

    leave(room: DocumentRoom, connection: RoomConnection): void {
      room.leave(connection);
      scheduleUnload(room);
    },

    /**
     * A change made by the server, stored and broadcast like a peer's; rejects
     * with `ServerChangeRefusedError`, storing nothing, if it breaks the document's rules.
     */
    async change(docName: string, mutate: (doc: Y.Doc) => void, onBehalfOf: number | null = null): Promise<void> {
      const room = await open(docName);
      try {
        await room.change(mutate, onBehalfOf);
      } finally {
        scheduleUnload(room);
      }
    },

    /** Re-checks every connection's rights, after a meeting closes or a membership changes. */
    async refreshAccess(docName: string): Promise<void> {
      const room = await rooms.get(docName);
      const kind = kindFor(docName);
      if (!room || !kind) return;
      for (const connection of room.connections) {
        try {
          const grant = await kind.authorize({ docName, userId: connection.userId });
          connection.access = grant.access;
          connection.context = grant.context;
        } catch (error) {
          if (!(error instanceof RefusalError)) throw error;
          // Say why: a client would otherwise show the last reason it heard, which may be an old one.
          connection.send(encodeRefusal(error.refusal));
          connection.close(CLOSE_CODES.forbidden, error.refusal.code);
          room.leave(connection);
        }
      }
    },

    /** Closes every document connection opened with a session that has just ended. */
    async endSession(sessionToken: string): Promise<void> {
      for (const room of await Promise.all(rooms.values())) {
        for (const connection of room.connections) {
          if (connection.sessionToken !== sessionToken) continue;
          connection.send(encodeRefusal({ code: 'unauthenticated', message: 'Your session has ended (you signed out); sign in again to carry on' }));
          connection.close(CLOSE_CODES.unauthenticated, 'unauthenticated');
          room.leave(connection);
          scheduleUnload(room);
        }
      }
    },

    /** Waits until one document's queued changes are stored and mirrored into SQL. */
    async flush(docName: string): Promise<void> {
      await (await rooms.get(docName))?.settle();
    },

    isLoaded: (docName: string) => rooms.has(docName),

    /** Waits until every loaded room has handled its messages and projections. */
    async settle(): Promise<void> {
      await Promise.all([...rooms.values()].map(async (room) => (await room).settle()));
    },

    /** Snapshots every room and closes every connection, for shutdown. */
    async closeAll(): Promise<void> {
      closed = true;
      for (const timer of idleTimers.values()) clearTimeout(timer);
      idleTimers.clear();
      const all = await Promise.all(rooms.values());
      rooms.clear();
      for (const room of all) {
        for (const connection of room.connections) connection.close(CLOSE_CODES.serverRestarting, 'server restarting');
        await room.unload();
      }
      await Promise.all(unloading.values());
    },
  };
}

export type DocumentRegistry = ReturnType<typeof createDocumentRegistry>;
