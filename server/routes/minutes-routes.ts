import { Hono, type Context } from 'hono';
import * as z from 'zod';
import { MINUTES_VERSIONS, type CouncilMinutes } from '../../shared/council-minutes.js';
import { councilMinutesMarkdown } from '../../shared/council-minutes-markdown.js';
import { minutesRevisionParam } from '../../shared/minutes-lifecycle.js';
import { meetingDocName } from '../../shared/meetings.js';
import { idParam } from '../../shared/schemas.js';
import type { AppDeps } from '../app-deps.js';
import { requireUser, type AuthVariables } from '../auth/require-user.js';
import { download, fileSlug } from '../http/download.js';
import { parseWith } from '../http/validation.js';
import { councilMinutesDocx, councilMinutesHtml, listMinutesArchive, readCouncilMinutes } from '../minutes/index.js';

const versionParam = z.enum(MINUTES_VERSIONS).default('full');

const filename = (minutes: CouncilMinutes, meetingId: number, extension: string) =>
  `${fileSlug(`${minutes.bodyName} minutes ${meetingId}${minutes.revision ? ` v${minutes.revision.number}` : ''}${minutes.version === 'public' ? ' public' : ''}`)}.${extension}`;

/** GET /api/meetings/:id/minutes(.md|.html|.docx)?version=full|public&revision=N|working, and GET /api/bodies/:id/minutes (the archive) */
export function minutesRoutes({ db, registry }: AppDeps) {
  const read = async (c: Context<{ Variables: AuthVariables }>) => {
    const meetingId = parseWith(idParam, c.req.param('id'));
    const version = parseWith(versionParam, c.req.query('version'));
    const revision = parseWith(minutesRevisionParam, c.req.query('revision'));
    // The working copy is built from the SQL mirror, which waits for a pause in editing: bring it up to date first.
    await registry.flush(meetingDocName(meetingId));
    return readCouncilMinutes(db, meetingId, c.get('userId'), version, revision);
  };
  return new Hono<{ Variables: AuthVariables }>()
    .use(requireUser({ db }))
    .get('/meetings/:id/minutes', async (c) => c.json(await read(c)))
    .get('/bodies/:id/minutes', async (c) => c.json(await listMinutesArchive(db, parseWith(idParam, c.req.param('id')), c.get('userId'))))
    .get('/meetings/:id/minutes.md', async (c) => {
      const minutes = await read(c);
      return download(c, councilMinutesMarkdown(minutes), { filename: filename(minutes, Number(c.req.param('id')), 'md'), contentType: 'text/markdown; charset=utf-8' });
    })
    .get('/meetings/:id/minutes.html', async (c) => {
      const minutes = await read(c);
      return download(c, councilMinutesHtml(minutes), { filename: filename(minutes, Number(c.req.param('id')), 'html'), contentType: 'text/html; charset=utf-8' });
    })
    .get('/meetings/:id/minutes.docx', async (c) => {
      const minutes = await read(c);
      const name = filename(minutes, Number(c.req.param('id')), 'docx');
      return c.body(await councilMinutesDocx(minutes), 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'content-disposition': `attachment; filename="${name}"`,
      });
    });
}
