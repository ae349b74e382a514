import { Hono } from 'hono';
import { mayReadBody } from '../../shared/permissions.js';
import type { BodiesResponse, BodyDetailResponse } from '../../shared/api.js';
import { idParam } from '../../shared/schemas.js';
import { requireUser, type AuthVariables } from '../auth/require-user.js';
import type { Db } from '../db/database.js';
import { notFound } from '../http/http-error.js';
import { parseWith } from '../http/validation.js';
import { findBody, listBodies, listBodyMeetings, listBodyMembers } from '../partnership/body-repository.js';
import { countWaitingEscalations } from '../escalations/escalation-counts.js';

export function bodyRoutes({ db }: { db: Db }) {
  return new Hono<{ Variables: AuthVariables }>()
    .use(requireUser({ db }))
    .get('/', async (c) => {
      const bodies = await listBodies(db, c.get('userId'));
      const readable = new Set(bodies.filter(mayReadBody).map((body) => body.id));
      const waiting = await countWaitingEscalations(db);
      const response: BodiesResponse = { bodies, waitingEscalations: waiting.filter((entry) => readable.has(entry.bodyId)) };
      return c.json(response);
    })
    .get('/:id', async (c) => {
      const bodyId = parseWith(idParam, c.req.param('id'));
      const body = await findBody(db, bodyId, c.get('userId'));
      if (!body) throw notFound('Body');
      const response: BodyDetailResponse = mayReadBody(body)
        ? { access: 'full', body, members: await listBodyMembers(db, bodyId), meetings: await listBodyMeetings(db, bodyId) }
        : { access: 'restricted', body };
      return c.json(response);
    });
}
