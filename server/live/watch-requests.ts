import { liveRooms, type WatchResult } from '../../shared/live-events.js';
import { mayWatchBody } from '../../shared/permissions.js';
import { findSessionUserId } from '../auth/sessions.js';
import type { Db } from '../db/database.js';
import { findBody } from '../partnership/body-repository.js';
import { mayUserReadPriority } from '../priorities/priority-access.js';
import type { LiveSocket } from './live-handshake.js';

export interface WatchLimits {
  /** Requests (watch or unwatch) one socket may send in each window; past that it is dropped. */
  requestsPerWindow: number;
  windowMs: number;
}

/** An honest page watches the few bodies and priorities on screen, again after each reconnect: far below this. */
export const DEFAULT_WATCH_LIMITS: WatchLimits = { requestsPerWindow: 50, windowMs: 10_000 };

const BAD_REQUEST: WatchResult = { ok: false, code: 'bad_request', message: 'Name one body or priority by its id, a positive whole number' };
const notFound = (what: string): WatchResult => ({ ok: false, code: 'not_found', message: `There is no such ${what}` });

const isId = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

/**
 * Joins and leaves the rooms of what a page shows, asked for by the client.
 * Everything the client sends is untrusted: handlers take their arguments as
 * unknown, and a request of the wrong shape is answered as bad or ignored.
 */
export function handleWatchRequests(socket: LiveSocket, { db, limits = DEFAULT_WATCH_LIMITS }: { db: Db; limits?: WatchLimits }): void {
  let windowStart = Date.now();
  let requests = 0;
  socket.use((_packet, next) => {
    const now = Date.now();
    if (now - windowStart >= limits.windowMs) {
      windowStart = now;
      requests = 0;
    }
    if (++requests > limits.requestsPerWindow) return void socket.disconnect(true);
    next();
  });

  /** The session may have ended or expired since the handshake; such a socket goes. */
  async function stillSignedIn(): Promise<boolean> {
    const userId = await findSessionUserId(db, socket.data.sessionToken);
    if (userId === socket.data.userId) return true;
    socket.disconnect(true);
    return false;
  }

  function watch(room: (id: number) => string, what: string, mayWatch: (id: number, userId: number) => Promise<boolean>) {
    return (...args: unknown[]) => {
      const [id, ack] = args;
      if (args.length !== 2 || typeof ack !== 'function') return;
      const answer = ack as (result: WatchResult) => void;
      if (!isId(id)) return answer(BAD_REQUEST);
      void (async () => {
        if (!(await stillSignedIn())) return;
        if (!(await mayWatch(id, socket.data.userId))) return answer(notFound(what));
        await socket.join(room(id));
        answer({ ok: true });
      })().catch((error: unknown) => {
        console.error('Watch request failed', error);
        socket.disconnect(true);
      });
    };
  }

  function unwatch(room: (id: number) => string) {
    return (...args: unknown[]) => {
      const [id] = args;
      if (isId(id)) void socket.leave(room(id));
    };
  }

  socket.on(
    'body:watch',
    watch(liveRooms.body, 'body', async (bodyId, userId) => {
      const body = await findBody(db, bodyId, userId);
      return body !== undefined && mayWatchBody(body);
    }),
  );
  socket.on('priority:watch', watch(liveRooms.priority, 'priority', (priorityId, userId) => mayUserReadPriority(db, priorityId, userId)));
  socket.on('body:unwatch', unwatch(liveRooms.body));
  socket.on('priority:unwatch', unwatch(liveRooms.priority));
}
