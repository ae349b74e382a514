import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.js';

/** TODO(helper): the notification API. */
export function notificationRoutes(_deps: AppDeps) {
  return new Hono();
}
