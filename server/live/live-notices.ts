import type { Server } from 'socket.io';
import { liveRooms, type BodyList, type ClientToServerEvents, type ServerToClientEvents } from '../../shared/live-events.js';
import type { NotificationKind, NotificationView } from '../../shared/notifications.js';
import type { Db } from '../db/database.js';

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents>;

/** A notification as a feature writes it; who may read it is decided when it is written and again when it is listed. */
export interface NewNotification {
  kind: NotificationKind;
  /** The body whose business it tells of; it is listed only while the recipient may read that body. */
  bodyId: number;
  title: string;
  detail: string;
  /** An app path to the thing itself. */
  link: string;
}

/**
 * What the features tell people: notifications (stored first, so someone
 * offline sees them later, then pushed to their open sockets) and "this list
 * changed" to those watching a body or a priority. The socket.io server is
 * attached once the HTTP server is listening; before that, and in tests of a
 * bare app, notifications are only stored.
 */
export interface LiveNotices {
  notify(userIds: Iterable<number>, notification: NewNotification): Promise<void>;
  bodyChanged(bodyId: number, list: BodyList): void;
  priorityChanged(priorityId: number): void;
  /** The person's unread count changed (read on one tab or device): their other sockets update their badge. */
  unreadChanged(userId: number, unread: number): void;
  attach(io: LiveServer): void;
}

export function createLiveNotices({ db }: { db: Db }): LiveNotices {
  let io: LiveServer | undefined;
  return {
    async notify(userIds, notification) {
      const recipients = [...new Set(userIds)];
      if (recipients.length === 0) return;
      const createdAt = new Date().toISOString();
      const rows = await db
        .insertInto('notifications')
        .values(
          recipients.map((userId) => ({
            user_id: userId,
            kind: notification.kind,
            body_id: notification.bodyId,
            title: notification.title,
            detail: notification.detail,
            link: notification.link,
            created_at: createdAt,
          })),
        )
        .returning(['id', 'user_id'])
        .execute();
      for (const row of rows) {
        const view: NotificationView = { id: row.id, ...notification, createdAt, readAt: null };
        io?.to(liveRooms.user(row.user_id)).emit('notification', view);
      }
    },
    bodyChanged(bodyId, list) {
      io?.to(liveRooms.body(bodyId)).emit('body:changed', { bodyId, list });
    },
    priorityChanged(priorityId) {
      io?.to(liveRooms.priority(priorityId)).emit('priority:changed', { priorityId });
    },
    unreadChanged(userId, unread) {
      io?.to(liveRooms.user(userId)).emit('notifications:unread', unread);
    },
    attach(server) {
      io = server;
    },
  };
}
