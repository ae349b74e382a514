import { Hono } from 'hono';
import type { MinutesComment, MinutesStatusView } from '../../shared/minutes-api.js';
import { minutesCommentRequest, minutesStepRequest } from '../../shared/minutes-lifecycle.js';
import { idParam } from '../../shared/schemas.js';
import type { AppDeps } from '../app-deps.js';
import { requireUser, type AuthVariables } from '../auth/require-user.js';
import { parseWith, readJson } from '../http/validation.js';
import { createMinutesLifecycleService } from '../minutes/minutes-lifecycle-service.js';

/** Where a meeting's minutes stand, the steps that move them on, and members' comments on them. */
export function minutesLifecycleRoutes(deps: AppDeps) {
  const minutes = createMinutesLifecycleService(deps);
  return new Hono<{ Variables: AuthVariables }>()
    .use(requireUser({ db: deps.db }))
    .get('/meetings/:id/minutes/status', async (c) => {
      const body: MinutesStatusView = await minutes.status(parseWith(idParam, c.req.param('id')), c.get('userId'));
      return c.json(body);
    })
    .post('/meetings/:id/minutes/steps', async (c) => {
      const meetingId = parseWith(idParam, c.req.param('id'));
      const body: MinutesStatusView = await minutes.takeStep(meetingId, c.get('userId'), await readJson(c, minutesStepRequest));
      return c.json(body);
    })
    .get('/meetings/:id/minutes/comments', async (c) => {
      const body: MinutesComment[] = await minutes.comments(parseWith(idParam, c.req.param('id')), c.get('userId'));
      return c.json(body);
    })
    .post('/meetings/:id/minutes/comments', async (c) => {
      const meetingId = parseWith(idParam, c.req.param('id'));
      const body: MinutesComment = await minutes.comment(meetingId, c.get('userId'), await readJson(c, minutesCommentRequest));
      return c.json(body, 201);
    });
}
