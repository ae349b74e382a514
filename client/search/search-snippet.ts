import DOMPurify from 'dompurify';

const purifier = DOMPurify(window);

/**
 * The server's snippet is already escaped with only <mark> in it; it is
 * sanitised again here, allowing <mark> and nothing else, so a fault on either
 * side alone cannot put markup on the page.
 */
export function safeSnippet(html: string): string {
  return purifier.sanitize(html, { ALLOWED_TAGS: ['mark'], ALLOWED_ATTR: [] });
}
