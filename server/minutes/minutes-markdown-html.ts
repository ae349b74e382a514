/**
 * Minutes text (markdown) as HTML on the server. The client sanitises with
 * DOMPurify over the page's DOM; the server has no DOM (jsdom is not a
 * dependency, and a second sanitiser would be a second allow-list to keep in
 * step), so instead nothing unsafe is ever produced: the text is first made
 * inert (`inertMarkdown`: raw HTML becomes text, only http(s) and mailto links
 * stay), and this renderer escapes any HTML that still reaches it, draws
 * images as their words and writes links only to web and mail addresses.
 * Output therefore holds only marked's own tags with href and title
 * attributes: no scripts, handlers, styles or classes, and no markup a
 * browser could re-parse into any (no mXSS, since no raw HTML passes).
 */
import { Marked } from 'marked';
import { inertMarkdown, isSafeLinkTarget } from '../../shared/council-minutes-markdown.js';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const minutesMarked = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    html: ({ text }) => escapeHtml(text),
    image: ({ text }) => escapeHtml(text),
    link({ href, title, tokens }) {
      const words = this.parser.parseInline(tokens);
      if (!isSafeLinkTarget(href)) return words;
      return `<a href="${escapeHtml(href)}"${title ? ` title="${escapeHtml(title)}"` : ''} rel="noopener noreferrer">${words}</a>`;
    },
  },
});

/** Safe HTML for a piece of minutes text. */
export function minutesMarkdownHtml(markdown: string): string {
  return minutesMarked.parse(inertMarkdown(markdown)) as string;
}
