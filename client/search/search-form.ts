/** A search as the address holds it (`/search?q=…&kind=…`), so results can be linked to and gone back to. */
import { SEARCH_KINDS, SEARCH_LIMITS, type SearchKind } from '../../shared/search.js';

export const SEARCH_PATH = '/search';

export interface SearchForm {
  q: string;
  kind: SearchKind | '';
  bodyId: string;
  from: string;
  to: string;
}

export const EMPTY_SEARCH: SearchForm = { q: '', kind: '', bodyId: '', from: '', to: '' };

/** The form's filled-in fields as query parameters; empty ones are left out. */
export function searchParams(form: SearchForm): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['q', 'kind', 'bodyId', 'from', 'to'] as const) {
    const value = form[key].trim();
    if (value) params.set(key, value);
  }
  return params;
}

export function searchPath(form: SearchForm): string {
  const params = searchParams(form).toString();
  return params ? `${SEARCH_PATH}?${params}` : SEARCH_PATH;
}

export function searchFormOf(query: string): SearchForm {
  const params = new URLSearchParams(query);
  const kind = params.get('kind') ?? '';
  return {
    q: params.get('q') ?? '',
    kind: (SEARCH_KINDS as readonly string[]).includes(kind) ? (kind as SearchKind) : '',
    bodyId: params.get('bodyId') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
}

/** Why the words typed cannot be searched for yet, or '' when they can. */
export function queryProblem(q: string): string {
  const length = q.trim().length;
  if (length < SEARCH_LIMITS.queryMinLength) return `Type at least ${SEARCH_LIMITS.queryMinLength} characters to search for`;
  if (length > SEARCH_LIMITS.queryMaxLength) return `Search for up to ${SEARCH_LIMITS.queryMaxLength} characters`;
  return '';
}
