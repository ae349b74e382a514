/**
 * The socket.io channel: everything live that is not a document edit. One
 * typed event map used by the server and the client. Events carry ids and
 * what changed, never a confidential body's content: a client that hears a
 * list changed fetches it again over REST, where the rulebook decides what it
 * sees. Notifications carry only what their recipient may read.
 */
import type { NotificationView } from './notifications.js';

/** socket.io's default path, on the same HTTP server as the API. */
export const LIVE_EVENTS_PATH = '/socket.io/';

/** The lists of a body that others change and open pages refresh. */
export const BODY_LISTS = ['escalations', 'priorities', 'actions', 'meetings', 'minutes'] as const;
export type BodyList = (typeof BODY_LISTS)[number];

export interface BodyChanged {
  bodyId: number;
  list: BodyList;
}

/** The answer to a watch request: joined, or refused with the reason. */
export type WatchResult = { ok: true } | { ok: false; code: 'not_found' | 'bad_request'; message: string };

export interface ServerToClientEvents {
  /** A new notification for the signed-in person. */
  notification: (notification: NotificationView) => void;
  /** The unread count changed (read on another tab or device). */
  'notifications:unread': (unread: number) => void;
  /** One of a watched body's lists changed. */
  'body:changed': (change: BodyChanged) => void;
  /** A watched priority's golden thread changed (an acknowledgement, a linked action). */
  'priority:changed': (change: { priorityId: number }) => void;
}

export interface ClientToServerEvents {
  /** Refresh-on-change for a body's lists; refused as not found where the body may not be read. */
  'body:watch': (bodyId: number, ack: (result: WatchResult) => void) => void;
  'body:unwatch': (bodyId: number) => void;
  'priority:watch': (priorityId: number, ack: (result: WatchResult) => void) => void;
  'priority:unwatch': (priorityId: number) => void;
}

/** socket.io room names: one definition, so server paths agree. */
export const liveRooms = {
  user: (userId: number) => `user:${userId}`,
  body: (bodyId: number) => `body:${bodyId}`,
  priority: (priorityId: number) => `priority:${priorityId}`,
  session: (sessionKey: string) => `session:${sessionKey}`,
};
