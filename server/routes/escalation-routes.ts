import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.js';

/** TODO(helper): the escalation API. */
export function escalationRoutes(_deps: AppDeps) {
  return new Hono();
}
