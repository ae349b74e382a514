/**
 * Minutes are written in markdown and shown as HTML. Anyone in the meeting
 * can type into them, so the HTML is always sanitised before it reaches the
 * page, against a list of what minutes need rather than a list of what is
 * known to be bad: no scripts, no event handlers, no javascript: links, and no
 * styles or classes, because a style (or a class borrowed from the page) can
 * lay a link over the whole meeting. Images are dropped too: an image from
 * elsewhere would tell its owner who is reading confidential minutes, and when.
 */
import DOMPurify from 'dompurify';
import { marked } from 'marked';

const ALLOWED_TAGS = [
  ...['p', 'br', 'hr', 'div', 'span', 'blockquote', 'pre', 'code', 'kbd', 'samp', 'q', 'abbr'],
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
  ...['strong', 'b', 'em', 'i', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup'],
  ...['ul', 'ol', 'li', 'dl', 'dt', 'dd', 'details', 'summary'],
  ...['table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'],
  'a',
];
const ALLOWED_ATTR = ['href', 'title', 'start', 'reversed', 'align', 'colspan', 'rowspan', 'open'];

// A private instance, so the link hook below applies to minutes only.
const purifier = DOMPurify(window);
purifier.addHook('afterSanitizeAttributes', (node) => {
  // A link to elsewhere gets neither a handle on this page nor its address.
  if (node.tagName === 'A' && node.hasAttribute('href')) node.setAttribute('rel', 'noopener noreferrer');
});

/** Safe HTML for a piece of markdown. */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: true });
  return purifier.sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR, ALLOW_DATA_ATTR: false, ALLOW_ARIA_ATTR: false });
}
