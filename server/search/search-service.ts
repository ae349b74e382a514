import type { BodySummary } from '../../shared/api.js';
import { maySearchMeetingRecord, mayReadBody } from '../../shared/permissions.js';
import type { SearchRequest, SearchResponse, SearchResult } from '../../shared/search.js';
import type { Db } from '../db/database.js';
import { hopsOfOrigins, maySeeHop, standingsOf, type Standings } from '../escalations/escalation-access.js';
import { nextDay, startOfLondonDay } from './london-days.js';
import { sqliteSearchRepository, type SearchFilters, type SearchRepository, type SearchRow, type SearchScope } from './search-repository.js';
import { markedSnippet } from './search-snippet.js';
import { matchExpression, searchWords } from './search-terms.js';

export interface SearchService {
  search(userId: number, request: SearchRequest): Promise<SearchResponse>;
}

export interface SearchServiceOptions {
  db: Db;
  repository?: SearchRepository;
}

function linkTo(row: SearchRow): string {
  switch (row.kind) {
    case 'minutes':
    case 'decision':
      return row.published ? `/meetings/${row.meetingId}/minutes` : `/meetings/${row.meetingId}`;
    case 'action':
      return `/bodies/${row.bodyId}/actions`;
    case 'escalation':
      return `/escalations/${row.recordId}`;
  }
}

function toResult(row: SearchRow): SearchResult {
  return {
    kind: row.kind,
    title: row.title || (row.kind === 'decision' ? 'Decision' : 'Untitled'),
    snippet: markedSnippet(row.snippet),
    link: linkTo(row),
    body: { id: row.bodyId, name: row.bodyName },
    date: row.date,
  };
}

function filtersOf(request: SearchRequest): SearchFilters {
  return {
    ...(request.kind ? { kind: request.kind } : {}),
    ...(request.bodyId !== undefined ? { bodyId: request.bodyId } : {}),
    ...(request.from ? { from: startOfLondonDay(request.from) } : {}),
    ...(request.to ? { until: startOfLondonDay(nextDay(request.to)) } : {}),
  };
}

/**
 * Bodies by what of theirs the person may find, each decided by the rulebook.
 * Whoever may search a body's working record finds that, never the published
 * copy of the same minutes as well.
 */
function bodiesScope(standings: Standings): Omit<SearchScope, 'escalationIds'> {
  const bodies = [...standings.values()];
  const ids = (rule: (body: BodySummary) => boolean) => bodies.filter(rule).map((body) => body.id);
  return {
    actionBodyIds: ids(mayReadBody),
    recordBodyIds: ids((body) => maySearchMeetingRecord(body, false, false)),
    partTwoBodyIds: ids((body) => maySearchMeetingRecord(body, true, false)),
    publishedBodyIds: ids((body) => maySearchMeetingRecord(body, false, true) && !maySearchMeetingRecord(body, false, false)),
  };
}

/**
 * Search applying the rules: the rulebook decides which bodies' actions and
 * meeting records someone may find, and the escalation pages' hop visibility
 * which escalations; the repository then filters in SQL, so the count and the
 * best matches are of readable records only.
 */
export function createSearchService({ db, repository = sqliteSearchRepository(db) }: SearchServiceOptions): SearchService {
  async function visibleEscalationIds(match: string, filters: SearchFilters, standings: Standings): Promise<number[]> {
    if (filters.kind && filters.kind !== 'escalation') return [];
    const ids = await repository.matchingEscalationIds(match, filters);
    if (ids.length === 0) return [];
    const hops = await db.selectFrom('escalations').selectAll().where('id', 'in', ids).execute();
    const hopsById = await hopsOfOrigins(db, hops);
    return hops.filter((hop) => maySeeHop(hop, hopsById, standings)).map((hop) => hop.id);
  }

  return {
    async search(userId, request) {
      const match = matchExpression(request.q);
      if (match === null) return { results: [], total: 0, totalIsAtLeast: false };
      const standings = await standingsOf(db, userId);
      const filters = filtersOf(request);
      const scope: SearchScope = { ...bodiesScope(standings), escalationIds: await visibleEscalationIds(match, filters, standings) };
      const { rows, total, totalIsAtLeast } = await repository.search({ match, words: searchWords(request.q) }, filters, scope, request.limit);
      return { results: rows.map(toResult), total, totalIsAtLeast };
    },
  };
}
