/** The search feature's API call. */
import type { SearchResponse } from '../../shared/search.js';
import { request } from '../shell/api.js';
import { searchParams, type SearchForm } from './search-form.js';

export function searchPartnership(form: SearchForm): Promise<SearchResponse> {
  return request('GET', `/api/search?${searchParams(form)}`);
}
