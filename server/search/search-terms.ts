import { SEARCH_LIMITS } from '../../shared/search.js';

/**
 * The words searched for: words with no letter or digit match nothing, so
 * they are left out, and at most `maxTerms` are kept.
 */
export function searchWords(q: string): string[] {
  return q
    .split(/\s+/u)
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .slice(0, SEARCH_LIMITS.maxTerms);
}

/** One word as an FTS5 string: quoted (quotes inside doubled), so `OR`, `NEAR`, `*`, `:` and brackets are searched for as text. */
export const quotedWord = (word: string) => `"${word.replaceAll('"', '""')}"`;

/**
 * The person's words as an FTS5 query holding every word, each quoted, so
 * FTS syntax can neither fail nor widen the search; null when nothing is left
 * to search for.
 */
export function matchExpression(q: string): string | null {
  const words = searchWords(q);
  return words.length === 0 ? null : words.map(quotedWord).join(' ');
}
