import { Hono } from 'hono';
import type { MeResponse } from '../../shared/api.js';
import { requireUser, type AuthVariables } from '../auth/require-user.js';
import type { Db } from '../db/database.js';
import { createHomeService } from '../home/index.js';
import { HttpError } from '../http/http-error.js';
import { getCurrentUser, listMemberships } from '../users/user-repository.js';

export function meRoutes({ db }: { db: Db }) {
  const home = createHomeService({ db });
  return new Hono<{ Variables: AuthVariables }>()
    .use(requireUser({ db }))
    .get('/', async (c) => {
      const userId = c.get('userId');
      const user = await getCurrentUser(db, userId);
      if (!user) throw new HttpError(401, 'unauthenticated', 'Your account no longer exists');
      const body: MeResponse = { user, memberships: await listMemberships(db, userId) };
      return c.json(body);
    })
    .get('/home', async (c) => c.json(await home.home(c.get('userId'))));
}
