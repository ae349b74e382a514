/**
 * Minutes are written in markdown and shown as HTML. Anyone in the meeting
 * can type into them, so the HTML is always sanitised before it reaches the
 * page: no scripts, no event handlers, no javascript: links. Images are
 * dropped too: an image from elsewhere would tell its owner who is reading
 * confidential minutes, and when.
 */
import DOMPurify from 'dompurify';
import { marked } from 'marked';

/** Safe HTML for a piece of markdown. */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: true });
  return DOMPurify.sanitize(html, { USE_PROFILES: { html: true }, FORBID_TAGS: ['style', 'form', 'input', 'button', 'img'] });
}
