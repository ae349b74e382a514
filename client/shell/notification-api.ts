/** The signed-in person's notifications over the API; live ones arrive through `liveEvents`. */
import type { z } from 'zod';
import type { NotificationsResponse } from '../../shared/api.js';
import type { markNotificationsReadRequest } from '../../shared/schemas.js';
import { request } from './api.js';

/** Some notifications by id, or all of them. */
export type MarkNotificationsRead = z.input<typeof markNotificationsReadRequest>;

export function getNotifications(): Promise<NotificationsResponse> {
  return request('GET', '/api/me/notifications');
}

export function markNotificationsRead(which: MarkNotificationsRead): Promise<void> {
  return request('POST', '/api/me/notifications/read', which);
}
