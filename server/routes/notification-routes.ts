import { Hono } from 'hono';
import { markNotificationsReadRequest } from '../../shared/schemas.js';
import type { AppDeps } from '../app-deps.js';
import { requireUser, type AuthVariables } from '../auth/require-user.js';
import { readJson } from '../http/validation.js';
import { listNotifications, markNotificationsRead } from '../notifications/index.js';

/**
 * The signed-in person's notifications. Marking them read is their own
 * bookkeeping, not partnership business, so it is not audited.
 */
export function notificationRoutes({ db, notices }: AppDeps) {
  return new Hono<{ Variables: AuthVariables }>()
    .use(requireUser({ db }))
    .get('/', async (c) => c.json(await listNotifications(db, c.get('userId'))))
    .post('/read', async (c) => {
      const userId = c.get('userId');
      const unread = await markNotificationsRead(db, userId, await readJson(c, markNotificationsReadRequest));
      notices.unreadChanged(userId, unread);
      return c.json({ unread });
    });
}
