/**
 * Where FTS5 marks a match in a snippet. Private-use characters, so the
 * markers are told apart from anything typed before the text is escaped.
 */
export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A snippet safe to render: everything escaped, then `<mark>` around the matches and no other markup. */
export function markedSnippet(raw: string): string {
  let open = false;
  let html = '';
  for (const char of raw) {
    if (char === MATCH_START && !open) {
      html += '<mark>';
      open = true;
    } else if (char === MATCH_END && open) {
      html += '</mark>';
      open = false;
    } else if (char !== MATCH_START && char !== MATCH_END) {
      html += ENTITIES[char] ?? char;
    }
  }
  return open ? `${html}</mark>` : html;
}
