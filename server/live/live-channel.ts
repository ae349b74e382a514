import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { LIVE_EVENTS_PATH } from '../../shared/live-events.js';
import type { Db } from '../db/database.js';
import type { LiveNotices, LiveServer } from './live-notices.js';

export interface LiveChannel {
  io: LiveServer;
  /** Disconnects every socket opened with this session (on signing out). */
  endSession(sessionToken: string): void;
  close(): Promise<void>;
}

/**
 * socket.io on the API's HTTP server, at its default path. TODO(helper C):
 * authenticate every handshake (cookie from our own origin, or `auth.token`),
 * per-user and per-body rooms with the rulebook's watch rules.
 */
export function createLiveChannel({ httpServer, notices }: { httpServer: HttpServer; db: Db; notices: LiveNotices }): LiveChannel {
  const io: LiveServer = new Server(httpServer, { path: LIVE_EVENTS_PATH, serveClient: false, destroyUpgrade: false });
  notices.attach(io);
  return {
    io,
    endSession() {},
    async close() {
      await io.close();
    },
  };
}
