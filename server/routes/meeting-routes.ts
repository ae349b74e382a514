import { Hono } from 'hono';
import { createMeetingRequest, idParam } from '../../shared/schemas.js';
import { requireUser, type AuthVariables } from '../auth/require-user.js';
import type { Db } from '../db/database.js';
import { download } from '../http/download.js';
import { parseWith, readJson } from '../http/validation.js';
import type { MeetingService } from '../meetings/meeting-service.js';

export function meetingRoutes({ db, meetings }: { db: Db; meetings: MeetingService }) {
  return new Hono<{ Variables: AuthVariables }>()
    .use(requireUser({ db }))
    .get('/meetings/:id', async (c) => c.json(await meetings.get(parseWith(idParam, c.req.param('id')), c.get('userId'))))
    .post('/meetings/:id/start', async (c) => c.json(await meetings.start(parseWith(idParam, c.req.param('id')), c.get('userId'))))
    .post('/meetings/:id/close', async (c) => c.json(await meetings.close(parseWith(idParam, c.req.param('id')), c.get('userId'))))
    .get('/bodies/:id/meetings.ics', async (c) => {
      const bodyId = parseWith(idParam, c.req.param('id'));
      const { filename, ics } = await meetings.calendar(bodyId, c.get('userId'));
      return download(c, ics, { filename, contentType: 'text/calendar; charset=utf-8' });
    })
    .post('/bodies/:id/meetings', async (c) => {
      const bodyId = parseWith(idParam, c.req.param('id'));
      const request = await readJson(c, createMeetingRequest);
      return c.json(await meetings.create(bodyId, c.get('userId'), request), 201);
    });
}
