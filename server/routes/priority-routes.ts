import { Hono } from 'hono';
import type { BodyPrioritiesResponse, PriorityCreatedResponse, PriorityResponse } from '../../shared/api.js';
import { acknowledgePriorityRequest, createPriorityRequest, idParam } from '../../shared/schemas.js';
import type { AppDeps } from '../app-deps.js';
import { requireUser, type AuthVariables } from '../auth/require-user.js';
import { parseWith, readJson } from '../http/validation.js';
import { createPriorityService } from '../priorities/index.js';

/** Priorities routed down the structure (issue 9): publish, list a body's, acknowledge, and the golden thread. */
export function priorityRoutes(deps: AppDeps) {
  const priorities = createPriorityService(deps);
  return new Hono<{ Variables: AuthVariables }>()
    .use(requireUser({ db: deps.db }))
    .post('/bodies/:id/priorities', async (c) => {
      const bodyId = parseWith(idParam, c.req.param('id'));
      const request = await readJson(c, createPriorityRequest);
      const body: PriorityCreatedResponse = { priority: await priorities.publish(bodyId, c.get('userId'), request) };
      return c.json(body, 201);
    })
    .get('/bodies/:id/priorities', async (c) => {
      const body: BodyPrioritiesResponse = await priorities.bodyPriorities(parseWith(idParam, c.req.param('id')), c.get('userId'));
      return c.json(body);
    })
    .post('/priorities/:id/acknowledge', async (c) => {
      const priorityId = parseWith(idParam, c.req.param('id'));
      const { bodyId } = await readJson(c, acknowledgePriorityRequest);
      await priorities.acknowledge(priorityId, bodyId, c.get('userId'));
      const body: PriorityResponse = await priorities.priority(priorityId, c.get('userId'));
      return c.json(body);
    })
    .get('/priorities/:id', async (c) => {
      const body: PriorityResponse = await priorities.priority(parseWith(idParam, c.req.param('id')), c.get('userId'));
      return c.json(body);
    });
}
