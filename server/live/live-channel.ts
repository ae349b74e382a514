import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { LIVE_EVENTS_PATH, type ClientToServerEvents, type ServerToClientEvents } from '../../shared/live-events.js';
import { REALTIME_LIMITS } from '../../shared/limits.js';
import type { Db } from '../db/database.js';
import { authenticateLiveSockets, sessionRoom, type LiveSocketData } from './live-handshake.js';
import type { LiveNotices, LiveServer } from './live-notices.js';
import { DEFAULT_WATCH_LIMITS, handleWatchRequests, type WatchLimits } from './watch-requests.js';

/**
 * Largest message a client may send, in bytes: clients only ask to watch or
 * stop watching an id (a few dozen bytes), so anything much larger is not an
 * honest client and its connection is dropped.
 */
export const LIVE_MESSAGE_BYTES = 4 * 1024;

export interface LiveChannelOptions {
  httpServer: HttpServer;
  db: Db;
  notices: LiveNotices;
  maxSocketsPerUser?: number;
  watchLimits?: WatchLimits;
}

export interface LiveChannel {
  io: LiveServer;
  /** Disconnects every socket opened with this session (on signing out). */
  endSession(sessionToken: string): void;
  close(): Promise<void>;
}

/**
 * socket.io on the API's HTTP server, at its default path: notifications and
 * "this list changed" for signed-in people. WebSocket upgrades elsewhere (the
 * Yjs endpoint) are left alone. Same-origin only: no CORS, and a session
 * cookie counts only when our own pages send it.
 */
export function createLiveChannel({
  httpServer,
  db,
  notices,
  maxSocketsPerUser = REALTIME_LIMITS.socketsPerUser,
  watchLimits = DEFAULT_WATCH_LIMITS,
}: LiveChannelOptions): LiveChannel {
  const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, LiveSocketData>(httpServer, {
    path: LIVE_EVENTS_PATH,
    serveClient: false,
    destroyUpgrade: false,
    maxHttpBufferSize: LIVE_MESSAGE_BYTES,
  });
  io.use(authenticateLiveSockets({ db, maxSocketsPerUser }));
  io.on('connection', (socket) => handleWatchRequests(socket, { db, limits: watchLimits }));
  notices.attach(io);
  return {
    io,
    endSession(sessionToken) {
      io.in(sessionRoom(sessionToken)).disconnectSockets(true);
    },
    async close() {
      await io.close();
    },
  };
}
