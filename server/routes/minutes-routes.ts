import { Hono, type Context } from 'hono';
import * as z from 'zod';
import { MINUTES_VERSIONS, type CouncilMinutes } from '../../shared/council-minutes.js';
import { councilMinutesMarkdown } from '../../shared/council-minutes-markdown.js';
import { idParam } from '../../shared/schemas.js';
import type { AppDeps } from '../app-deps.js';
import { requireUser, type AuthVariables } from '../auth/require-user.js';
import { download, fileSlug } from '../http/download.js';
import { parseWith } from '../http/validation.js';
import { councilMinutesDocx, councilMinutesHtml, readCouncilMinutes } from '../minutes/index.js';

const versionParam = z.enum(MINUTES_VERSIONS).default('full');

const filename = (minutes: CouncilMinutes, meetingId: number, extension: string) =>
  `${fileSlug(`${minutes.bodyName} minutes ${meetingId}${minutes.version === 'public' ? ' public' : ''}`)}.${extension}`;

/** GET /api/meetings/:id/minutes(.md|.html|.docx)?version=full|public */
export function minutesRoutes({ db }: AppDeps) {
  const read = (c: Context<{ Variables: AuthVariables }>) => {
    const meetingId = parseWith(idParam, c.req.param('id'));
    return readCouncilMinutes(db, meetingId, c.get('userId'), parseWith(versionParam, c.req.query('version')));
  };
  return new Hono<{ Variables: AuthVariables }>()
    .use(requireUser({ db }))
    .get('/meetings/:id/minutes', async (c) => c.json(await read(c)))
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
