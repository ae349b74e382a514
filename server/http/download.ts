import type { Context } from 'hono';

/** `Charnwood JAG` → `charnwood-jag`, for file names. */
export function fileSlug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** A file the browser saves rather than shows. */
export function download(c: Context, body: string, { filename, contentType }: { filename: string; contentType: string }): Response {
  return c.body(body, 200, { 'content-type': contentType, 'content-disposition': `attachment; filename="${filename}"` });
}
