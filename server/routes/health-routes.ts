import { Hono } from 'hono';
import { sql } from 'kysely';
import type { HealthResponse } from '../../shared/api.js';
import type { Db } from '../db/database.js';

/** Unauthenticated on purpose: load balancers ask it, and it tells nothing about anyone. */
export function healthRoutes({ db, version }: { db: Db; version: string }) {
  return new Hono().get('/', async (c) => {
    await sql`select 1`.execute(db);
    const body: HealthResponse = { status: 'ok', database: 'ok', version };
    return c.json(body);
  });
}
