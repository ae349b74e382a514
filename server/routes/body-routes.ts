import { Hono } from 'hono';
import { mayReadBody } from '../../shared/permissions.js';
import type { BodiesResponse, BodyDetailResponse } from '../../shared/api.js';
import { idParam } from '../../shared/schemas.js';
import { requireUser, type AuthVariables } from '../auth/require-user.js';
import type { Db } from '../db/database.js';
import { notFound } from '../http/http-error.js';
import { parseWith } from '../http/validation.js';
import { findBody, listBodies, listBodyMeetings, listBodyMembers } from '../partnership/body-repository.js';

export function bodyRoutes({ db }: { db: Db }) {
  return new Hono<{ Variables: AuthVariables }>()
    .use(requireUser({ db }))
    .get('/', async (c) => {
      const body: BodiesResponse = { bodies: await listBodies(db, c.get('userId')) };
      return c.json(body);
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
