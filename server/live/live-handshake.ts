import type { Socket } from 'socket.io';
import { liveRooms, type ClientToServerEvents, type ServerToClientEvents } from '../../shared/live-events.js';
import { sessionOfHandshake } from '../auth/handshake-session.js';
import { hashToken } from '../auth/sessions.js';
import type { Db } from '../db/database.js';

/** Who a live socket speaks for, set once its handshake is accepted. */
export interface LiveSocketData {
  userId: number;
  sessionToken: string;
}

export type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, LiveSocketData>;

/** Why the channel refused a connection; the client reads it from `connect_error`'s `data.code`. */
export type LiveRefusalCode = 'unauthenticated' | 'forbidden' | 'too_many_connections';

export class LiveRefusal extends Error {
  readonly data: { code: LiveRefusalCode };
  constructor(code: LiveRefusalCode, message: string) {
    super(message);
    this.data = { code };
  }
}

/** The room of every socket opened with one session; named by the token's hash, so no token sits in memory as a name. */
export const sessionRoom = (sessionToken: string) => liveRooms.session(hashToken(sessionToken));

/**
 * socket.io middleware: only a live session connects, each person with at most
 * `maxSocketsPerUser` sockets. The socket joins its person's and its
 * session's rooms here, in the same turn as the count is checked, so two
 * handshakes at once cannot both take the last place; a handshake that fails
 * later leaves its rooms again (socket.io cleans up refused sockets).
 */
export function authenticateLiveSockets({ db, maxSocketsPerUser }: { db: Db; maxSocketsPerUser: number }) {
  return function authenticateLiveSocket(socket: LiveSocket, next: (error?: Error) => void): void {
    const auth: unknown = socket.handshake.auth;
    const token = typeof auth === 'object' && auth !== null ? (auth as { token?: unknown }).token : undefined;
    sessionOfHandshake(db, { token, headers: socket.handshake.headers })
      .then((session) => {
        if ('refused' in session) {
          return next(
            session.refused === 'forbidden'
              ? new LiveRefusal('forbidden', 'Connections from other sites are refused')
              : new LiveRefusal('unauthenticated', 'Sign in to hear what is happening; your session may have expired'),
          );
        }
        const userRoom = liveRooms.user(session.userId);
        if ((socket.nsp.adapter.rooms.get(userRoom)?.size ?? 0) >= maxSocketsPerUser) {
          return next(
            new LiveRefusal(
              'too_many_connections',
              `You have ${maxSocketsPerUser} live connections open, the most allowed; close some tabs and this one will connect`,
            ),
          );
        }
        socket.data = { userId: session.userId, sessionToken: session.sessionToken };
        void socket.join([userRoom, sessionRoom(session.sessionToken)]);
        next();
      })
      .catch((error: unknown) => {
        console.error('Live connection failed', error);
        next(new Error('server error'));
      });
  };
}
