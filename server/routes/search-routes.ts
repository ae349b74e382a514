import { Hono } from 'hono';
import { searchRequest } from '../../shared/search.js';
import type { AppDeps } from '../app-deps.js';
import { requireUser, type AuthVariables } from '../auth/require-user.js';
import { parseWith } from '../http/validation.js';
import { createSearchService } from '../search/index.js';

/** Searching what the signed-in person may read. Reading is not audited. */
export function searchRoutes({ db }: AppDeps) {
  const search = createSearchService({ db });
  return new Hono<{ Variables: AuthVariables }>()
    .use(requireUser({ db }))
    .get('/', async (c) => c.json(await search.search(c.get('userId'), parseWith(searchRequest, c.req.query()))));
}
