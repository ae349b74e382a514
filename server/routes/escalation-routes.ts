import { Hono } from 'hono';
import type {
  ActionEscalationsResponse,
  BodyEscalationsResponse,
  EscalationAcceptedResponse,
  EscalationCreatedResponse,
  EscalationResponse,
} from '../../shared/api.js';
import { docId } from '../../shared/doc-validation.js';
import { acceptEscalationRequest, escalateRequest, idParam, resolveEscalationRequest, returnEscalationRequest } from '../../shared/schemas.js';
import type { AppDeps } from '../app-deps.js';
import { requireUser, type AuthVariables } from '../auth/require-user.js';
import { createEscalationAnswers, createEscalationService } from '../escalations/index.js';
import { parseWith, readJson } from '../http/validation.js';

export function escalationRoutes(deps: AppDeps) {
  const escalations = createEscalationService(deps);
  const answers = createEscalationAnswers(deps);
  return new Hono<{ Variables: AuthVariables }>()
    .use(requireUser({ db: deps.db }))
    .post('/actions/:id/escalations', async (c) => {
      const request = await readJson(c, escalateRequest);
      const body: EscalationCreatedResponse = { escalation: await escalations.escalateAction(parseWith(docId, c.req.param('id')), c.get('userId'), request) };
      return c.json(body, 201);
    })
    .get('/bodies/:id/escalations', async (c) => {
      const body: BodyEscalationsResponse = await escalations.bodyEscalations(parseWith(idParam, c.req.param('id')), c.get('userId'));
      return c.json(body);
    })
    .get('/bodies/:id/actions/:actionId/escalations', async (c) => {
      const [bodyId, actionId] = [parseWith(idParam, c.req.param('id')), parseWith(docId, c.req.param('actionId'))];
      const body: ActionEscalationsResponse = await escalations.actionEscalations(bodyId, actionId, c.get('userId'));
      return c.json(body);
    })
    .get('/escalations/:id', async (c) => {
      const body: EscalationResponse = await escalations.escalation(parseWith(idParam, c.req.param('id')), c.get('userId'));
      return c.json(body);
    })
    .post('/escalations/:id/accept', async (c) => {
      const { note } = await readJson(c, acceptEscalationRequest);
      const body: EscalationAcceptedResponse = await answers.accept(parseWith(idParam, c.req.param('id')), c.get('userId'), note);
      return c.json(body);
    })
    .post('/escalations/:id/return', async (c) => {
      const { guidance } = await readJson(c, returnEscalationRequest);
      const body: EscalationCreatedResponse = { escalation: await answers.return(parseWith(idParam, c.req.param('id')), c.get('userId'), guidance) };
      return c.json(body);
    })
    .post('/escalations/:id/resolve', async (c) => {
      const { outcome } = await readJson(c, resolveEscalationRequest);
      const body: EscalationCreatedResponse = { escalation: await answers.resolve(parseWith(idParam, c.req.param('id')), c.get('userId'), outcome) };
      return c.json(body);
    })
    .post('/escalations/:id/escalate', async (c) => {
      const request = await readJson(c, escalateRequest);
      const body: EscalationCreatedResponse = { escalation: await answers.escalateFurther(parseWith(idParam, c.req.param('id')), c.get('userId'), request) };
      return c.json(body, 201);
    });
}
