import { SEARCH_LIMITS } from '../../shared/search.js';

/**
 * The person's words as an FTS5 query: each word quoted (quotes inside
 * doubled), so `OR`, `NEAR`, `*`, `:` and brackets are searched for as text
 * and can neither fail nor widen the search. Words with no letter or digit
 * match nothing, so they are left out; null when nothing is left to search for.
 */
export function matchExpression(q: string): string | null {
  const words = q
    .split(/\s+/u)
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .slice(0, SEARCH_LIMITS.maxTerms);
  if (words.length === 0) return null;
  return words.map((word) => `"${word.replaceAll('"', '""')}"`).join(' ');
}
