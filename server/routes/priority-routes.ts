import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.js';

/** TODO(helper): the priority API. */
export function priorityRoutes(_deps: AppDeps) {
  return new Hono();
}
