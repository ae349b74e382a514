import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

/**
 * Serves the built client. Any other GET that is not an API or asset path
 * gets index.html, so deep links such as /bodies/3 work on reload.
 */
export function staticClient({ root }: { root: string }) {
  const indexPath = join(root, 'index.html');
  let indexHtml: string | undefined;
  return new Hono()
    .use('*', serveStatic({ root }))
    .get('*', (c) => {
      try {
        indexHtml ??= readFileSync(indexPath, 'utf8');
      } catch {
        return c.text('The client has not been built: run `npm run build`.', 503);
      }
      return c.html(indexHtml);
    });
}
