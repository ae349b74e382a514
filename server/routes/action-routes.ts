import { Hono } from 'hono';
import * as z from 'zod';
import { ACTION_STATUSES } from '../../shared/actions.js';
import type { ActionCountsResponse, ActionCreatedResponse, ActionStatusRequest, ActionsResponse } from '../../shared/api.js';
import { docId } from '../../shared/doc-validation.js';
import { actionFilters } from '../../shared/action-filters.js';
import { createActionRequest, idParam, progressRequest } from '../../shared/schemas.js';
import type { ActionService } from '../actions/action-service.js';
import { requireUser, type AuthVariables } from '../auth/require-user.js';
import type { Db } from '../db/database.js';
import { download } from '../http/download.js';
import { parseWith, readJson } from '../http/validation.js';

const actionStatusRequest = z.strictObject({ status: z.enum(ACTION_STATUSES) }) satisfies z.ZodType<ActionStatusRequest>;

export function actionRoutes({ db, actions }: { db: Db; actions: ActionService }) {
  return new Hono<{ Variables: AuthVariables }>()
    .use(requireUser({ db }))
    .get('/bodies/:id/actions', async (c) => {
      const filters = parseWith(actionFilters, c.req.query());
      const body: ActionsResponse = { actions: await actions.bodyActions(parseWith(idParam, c.req.param('id')), c.get('userId'), filters) };
      return c.json(body);
    })
    .post('/bodies/:id/actions', async (c) => {
      const bodyId = parseWith(idParam, c.req.param('id'));
      const request = await readJson(c, createActionRequest);
      const body: ActionCreatedResponse = { action: await actions.raiseAction(bodyId, c.get('userId'), request) };
      return c.json(body, 201);
    })
    .get('/bodies/:id/actions.csv', async (c) => {
      const filters = parseWith(actionFilters, c.req.query());
      const { filename, csv } = await actions.bodyActionsCsv(parseWith(idParam, c.req.param('id')), c.get('userId'), filters);
      return download(c, csv, { filename, contentType: 'text/csv; charset=utf-8' });
    })
    .get('/bodies/:id/action-log', async (c) => c.json(await actions.actionLog(parseWith(idParam, c.req.param('id')), c.get('userId'))))
    .get('/me/actions', async (c) => {
      const body: ActionsResponse = { actions: await actions.myActions(c.get('userId')) };
      return c.json(body);
    })
    .get('/me/bodies-actions', async (c) => {
      const body: ActionsResponse = { actions: await actions.runBodiesActions(c.get('userId')) };
      return c.json(body);
    })
    .get('/me/action-counts', async (c) => {
      const body: ActionCountsResponse = await actions.myActionCounts(c.get('userId'));
      return c.json(body);
    })
    .post('/bodies/:id/actions/:actionId/progress', async (c) => {
      const { text } = await readJson(c, progressRequest);
      const [bodyId, actionId] = [parseWith(idParam, c.req.param('id')), parseWith(docId, c.req.param('actionId'))];
      await actions.addProgress(bodyId, actionId, c.get('userId'), text);
      return c.body(null, 204);
    })
    .post('/bodies/:id/actions/:actionId/status', async (c) => {
      const { status } = await readJson(c, actionStatusRequest);
      const [bodyId, actionId] = [parseWith(idParam, c.req.param('id')), parseWith(docId, c.req.param('actionId'))];
      await actions.changeStatus(bodyId, actionId, c.get('userId'), status);
      return c.body(null, 204);
    })
    .get('/bodies/:id/actions/:actionId/history', async (c) => {
      const [bodyId, actionId] = [parseWith(idParam, c.req.param('id')), parseWith(docId, c.req.param('actionId'))];
      return c.json(await actions.history(bodyId, actionId, c.get('userId')));
    });
}
