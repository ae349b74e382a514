import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { REALTIME_LIMITS } from '../../shared/limits.js';
import { REFUSAL_CLOSE_CODES, YJS_PATH } from '../../shared/realtime-protocol.js';
import { sessionOfHandshake } from '../auth/handshake-session.js';
import type { Db } from '../db/database.js';
import { frameFor } from './binary-frame.js';
import { RefusalError } from './document-kind.js';
import type { DocumentRegistry } from './document-registry.js';
import type { DocumentRoom } from './document-room.js';
import type { RoomConnection } from './room-connection.js';
import { encodeRefusal } from './wire.js';

export interface YjsEndpointOptions {
  db: Db;
  registry: DocumentRegistry;
  /** Largest message accepted, in bytes; larger ones close the socket (1009). */
  maxMessageBytes?: number;
  /** Live sockets one user may hold; more are refused (`too_many_connections`). */
  maxSocketsPerUser?: number;
  /** Bytes queued for a peer past which, at the next send, it is dropped. */
  maxBufferedBytes?: number;
  pingIntervalMs?: number;
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** The session behind an upgrade request: a `token` query parameter, or the cookie from our own origin. */
async function authenticate(db: Db, request: IncomingMessage, url: URL): Promise<{ userId: number; sessionToken: string }> {
  const session = await sessionOfHandshake(db, { token: url.searchParams.get('token'), headers: request.headers });
  if (!('refused' in session)) return session;
  if (session.refused === 'forbidden') throw new RefusalError({ code: 'forbidden', message: 'Connections from other sites are refused' });
  throw new RefusalError({ code: 'unauthenticated', message: 'Sign in to open this document; your session may have expired' });
}

/**
 * Serves Yjs documents at /yjs/<docName> over the standard y-websocket
 * protocol, on the same HTTP server as the API. Every socket is authenticated
 * and authorised before it sees a byte of the document.
 */
export function createYjsEndpoint({
  db,
  registry,
  maxMessageBytes = REALTIME_LIMITS.messageBytes,
  maxSocketsPerUser = REALTIME_LIMITS.socketsPerUser,
  maxBufferedBytes = REALTIME_LIMITS.socketBufferedBytes,
  pingIntervalMs = 30_000,
}: YjsEndpointOptions) {
  // Uncompressed, as `binaryFrame` writes its frames.
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes, perMessageDeflate: false });
  const alive = new WeakSet<WebSocket>();
  const socketsPerUser = new Map<number, number>();

  function countSocket(userId: number, change: 1 | -1): void {
    const count = (socketsPerUser.get(userId) ?? 0) + change;
    if (count > 0) socketsPerUser.set(userId, count);
    else socketsPerUser.delete(userId);
  }

  /** `raw` is the upgraded connection under `socket`, to which messages are written as ready frames. */
  async function accept(socket: WebSocket, raw: Duplex, request: IncomingMessage, url: URL): Promise<void> {
    // Messages that arrive while we check who is asking wait their turn.
    const early: Uint8Array[] = [];
    let earlyBytes = 0;
    let room: DocumentRoom | undefined;
    let connection: RoomConnection | undefined;
    let countedUser: number | undefined;
    socket.on('message', (data) => {
      const bytes = toBytes(data);
      if (room && connection) return room.receive(connection, bytes);
      early.push(bytes);
      earlyBytes += bytes.byteLength;
      // An honest client sends little before it hears from us; this one is only filling our memory.
      if (earlyBytes > maxMessageBytes) socket.terminate();
    });
    socket.on('close', () => {
      if (countedUser !== undefined) countSocket(countedUser, -1);
      if (room && connection) registry.leave(room, connection);
    });
    socket.on('error', () => socket.terminate());
    socket.on('pong', () => alive.add(socket));
    alive.add(socket);

    try {
      const docName = decodeURIComponent(url.pathname.slice(YJS_PATH.length));
      const kind = registry.kindFor(docName);
      if (!kind) throw new RefusalError({ code: 'not_found', message: 'There is no such document' });
      const { userId, sessionToken } = await authenticate(db, request, url);
      if (socket.readyState === socket.CLOSED) return; // gone already, and uncounted
      if ((socketsPerUser.get(userId) ?? 0) >= maxSocketsPerUser) {
        throw new RefusalError({
          code: 'too_many_connections',
          message: `You have ${maxSocketsPerUser} live connections open, the most allowed; close some tabs and this one will connect`,
        });
      }
      countedUser = userId;
      countSocket(userId, 1);
      const grant = await kind.authorize({ docName, userId });
      if (socket.readyState !== socket.OPEN) return;
      connection = {
        userId,
        sessionToken,
        user: grant.user,
        access: grant.access,
        context: grant.context,
        send: (message) => {
          if (socket.readyState !== socket.OPEN) return;
          // A peer that stops reading would have us queue everything sent to it, without end.
          // Checked before adding, so a reading client can always receive one whole document.
          if (socket.bufferedAmount > maxBufferedBytes) return socket.terminate();
          // ws writes to the same connection, synchronously (no compression), so frames keep their order.
          raw.write(frameFor(message));
        },
        close: (code, reason) => socket.close(code, reason),
      };
      room = await registry.join(docName, connection);
      if (socket.readyState !== socket.OPEN) {
        registry.leave(room, connection);
        return;
      }
      for (const bytes of early) room.receive(connection, bytes);
    } catch (error) {
      if (!(error instanceof RefusalError)) {
        console.error('Yjs connection failed', error);
        socket.close(1011, 'server error');
        return;
      }
      if (socket.readyState === socket.OPEN) {
        socket.send(encodeRefusal(error.refusal));
        socket.close(REFUSAL_CLOSE_CODES[error.refusal.code], error.refusal.code);
      }
    }
  }


  const ping = setInterval(() => {
    for (const socket of wss.clients) {
      if (!alive.has(socket)) {
        socket.terminate();
        continue;
      }
      alive.delete(socket);
      socket.ping();
    }
  }, pingIntervalMs);
  ping.unref();

  return {
    path: YJS_PATH,
    handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer, url: URL): void {
      wss.handleUpgrade(request, socket, head, (webSocket) => void accept(webSocket, socket, request, url));
    },
    async close(): Promise<void> {
      clearInterval(ping);
      await registry.closeAll();
      for (const socket of wss.clients) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
