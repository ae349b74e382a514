import type { NotificationsResponse } from '../../shared/api.js';
import { NOTIFICATION_LIMITS, type NotificationView } from '../../shared/notifications.js';
import { mayReadNotification } from '../../shared/permissions.js';
import type { Db } from '../db/database.js';
import type { NotificationRow } from '../db/tables.js';

function toNotificationView(row: NotificationRow): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    bodyId: row.body_id,
    title: row.title,
    detail: row.detail,
    link: row.link,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

/**
 * The bodies the person's notifications tell of that they may still read:
 * one who has left a confidential body no longer sees what it told them.
 * Decided per body (a person's notifications name few), then used as a filter.
 */
async function readableBodyIds(db: Db, userId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('notifications')
    .innerJoin('bodies', 'bodies.id', 'notifications.body_id')
    .leftJoin('memberships', (join) => join.onRef('memberships.body_id', '=', 'bodies.id').on('memberships.user_id', '=', userId))
    .select(['notifications.user_id', 'bodies.id', 'bodies.confidential', 'memberships.role'])
    .where('notifications.user_id', '=', userId)
    .distinct()
    .execute();
  return rows
    .filter((row) => mayReadNotification(row.user_id, userId, { confidential: row.confidential === 1, myRole: row.role }))
    .map((row) => row.id);
}

function readableNotifications(db: Db, userId: number, bodyIds: number[]) {
  return db.selectFrom('notifications').where('user_id', '=', userId).where('body_id', 'in', bodyIds);
}

async function countUnread(db: Db, userId: number, bodyIds: number[]): Promise<number> {
  if (bodyIds.length === 0) return 0;
  const row = await readableNotifications(db, userId, bodyIds)
    .where('read_at', 'is', null)
    .select((eb) => eb.fn.countAll<number>().as('unread'))
    .executeTakeFirstOrThrow();
  return Number(row.unread);
}

/** The person's most recent notifications, newest first, and how many of all they may read are unread. */
export async function listNotifications(db: Db, userId: number): Promise<NotificationsResponse> {
  const bodyIds = await readableBodyIds(db, userId);
  if (bodyIds.length === 0) return { notifications: [], unread: 0 };
  const rows = await readableNotifications(db, userId, bodyIds)
    .selectAll()
    .orderBy('id', 'desc')
    .limit(NOTIFICATION_LIMITS.listed)
    .execute();
  return { notifications: rows.map(toNotificationView), unread: await countUnread(db, userId, bodyIds) };
}

/** Marks the person's own notifications read (those named, or all); others' ids are passed over. Returns the new unread count. */
export async function markNotificationsRead(db: Db, userId: number, which: { ids: number[] } | { all: true }, now = new Date()): Promise<number> {
  const bodyIds = await readableBodyIds(db, userId);
  if (bodyIds.length === 0) return 0;
  let marking = db
    .updateTable('notifications')
    .set({ read_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('body_id', 'in', bodyIds)
    .where('read_at', 'is', null);
  if ('ids' in which) marking = marking.where('id', 'in', which.ids);
  await marking.execute();
  return countUnread(db, userId, bodyIds);
}
