import { sql, type RawBuilder } from 'kysely';
import type { SearchKind } from '../../shared/search.js';
import type { Db } from '../db/database.js';
import { bm25Scores } from './search-ranking.js';
import { MATCH_END, MATCH_START } from './search-snippet.js';
import { quotedWord } from './search-terms.js';
import { createWordCounts } from './word-counts.js';

/** What the person may read, as the rules decided it; the repository only applies it. */
export interface SearchScope {
  /** Bodies whose actions they may read. */
  actionBodyIds: readonly number[];
  /** Bodies whose working meeting record (minutes of items, decisions) they may read, outside Part II. */
  recordBodyIds: readonly number[];
  /** Bodies whose Part II items they may read. */
  partTwoBodyIds: readonly number[];
  /** Bodies whose published minutes (the public version) they find instead of the working record. */
  publishedBodyIds: readonly number[];
  /** Escalation hops they may see. */
  escalationIds: readonly number[];
}

export interface SearchFilters {
  kind?: SearchKind;
  bodyId?: number;
  /** ISO instants, `from` inclusive and `until` exclusive. */
  from?: string;
  until?: string;
}

/** The words typed, and the FTS5 expression holding them all (from `matchExpression`). */
export interface SearchQuery {
  match: string;
  words: readonly string[];
}

export interface SearchRow {
  kind: SearchKind;
  bodyId: number;
  bodyName: string;
  meetingId: number | null;
  /** The item, decision, action or escalation id, as text. */
  recordId: string;
  /** Found in the published minutes rather than the working record. */
  published: boolean;
  title: string;
  /** The matching passage, unescaped, with MATCH_START / MATCH_END around matches. */
  snippet: string;
  date: string;
}

export interface SearchPage {
  rows: SearchRow[];
  /** How many readable records match, or at least how many when `totalIsAtLeast`. */
  total: number;
  totalIsAtLeast: boolean;
}

/**
 * The search index's queries, behind one interface so a PostgreSQL version
 * (tsvector, ts_headline) can sit beside the SQLite one.
 */
export interface SearchRepository {
  /** Escalation hops matching, before rights: the service decides which the person may see. */
  matchingEscalationIds(match: string, filters: SearchFilters): Promise<number[]>;
  /** The best matches the scope allows, and how many the scope allows in all (counted up to `SEARCH_CANDIDATES`). */
  search(query: SearchQuery, filters: SearchFilters, scope: SearchScope, limit: number): Promise<SearchPage>;
}

/**
 * Readable matches ranked per search. Beyond this many (words as common as
 * "partners report") the most recently written are ranked, and the count says
 * "more than": ranking or even counting every match of such words takes
 * hundreds of milliseconds.
 */
export const SEARCH_CANDIDATES = 1_000;

const SNIPPET_WORDS = 20;

/** The words are looked for in the title and text only, never in the kind column. */
const inText = (match: string) => `{title text} : (${match})`;

const inList = (values: readonly (number | string)[]): RawBuilder<unknown> =>
  values.length === 0 ? sql`in (null)` : sql`in (${sql.join(values.map((value) => sql`${value}`))})`;

function filtersSql(filters: SearchFilters): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`1`];
  if (filters.kind) parts.push(sql`e.kind = ${filters.kind}`);
  if (filters.bodyId !== undefined) parts.push(sql`e.body_id = ${filters.bodyId}`);
  if (filters.from) parts.push(sql`e.date >= ${filters.from}`);
  if (filters.until) parts.push(sql`e.date < ${filters.until}`);
  return sql.join(parts, sql` and `);
}

function scopeSql(scope: SearchScope): RawBuilder<unknown> {
  return sql`(
    (e.kind = 'action' and e.body_id ${inList(scope.actionBodyIds)})
    or (e.kind in ('minutes', 'decision') and (
      (e.published = 0 and e.part_two = 0 and e.body_id ${inList(scope.recordBodyIds)})
      or (e.published = 0 and e.part_two <> 0 and e.body_id ${inList(scope.partTwoBodyIds)})
      or (e.published = 1 and e.part_two = 0 and e.body_id ${inList(scope.publishedBodyIds)})))
    or (e.kind = 'escalation' and e.record_id ${inList(scope.escalationIds.map(String))})
  )`;
}

interface CandidateRow {
  id: number;
  kind: SearchKind;
  body_id: number;
  meeting_id: number | null;
  record_id: string;
  published: number;
  title: string;
  text: string;
  date: string;
}

export function sqliteSearchRepository(db: Db): SearchRepository {
  const wordCounts = createWordCounts(db, (word) => inText(quotedWord(word)));

  /** The page's snippets and body names, made for those rows alone (one row at a time: FTS5 seeks a rowid, not a list). */
  async function pageDetails(match: string, ids: readonly number[]) {
    const details = new Map<number, { snippet: string; body_name: string }>();
    for (const id of ids) {
      const { rows } = await sql<{ snippet: string; body_name: string }>`
        select b.name as body_name, snippet(search_text, -1, ${MATCH_START}, ${MATCH_END}, '…', ${SNIPPET_WORDS}) as snippet
        from search_text join search_entries e on e.id = search_text.rowid join bodies b on b.id = e.body_id
        where search_text match ${match} and search_text.rowid = cast(${id} as integer)`.execute(db);
      // Without the cast FTS5 answered with its first match whatever rowid was bound (as the published-minutes test showed).
      if (rows[0]) details.set(id, rows[0]);
    }
    return details;
  }

  return {
    async matchingEscalationIds(match, filters) {
      // Escalations are few beside minutes and actions: FTS5 intersects with the short "escalation" list.
      const { rows } = await sql<{ id: string }>`
        select e.record_id as id from search_text join search_entries e on e.id = search_text.rowid
        where search_text match ${`${inText(match)} AND kind : "escalation"`} and ${filtersSql({ ...filters, kind: 'escalation' })}`.execute(db);
      return rows.map((row) => Number(row.id));
    },

    async search({ match, words }, filters, scope, limit) {
      const fullMatch = inText(match);
      // Newest first, FTS5 walks its lists in rowid order and stops at the cap; rights and filters apply as it goes.
      const { rows } = await sql<CandidateRow>`
        select e.id, e.kind, e.body_id, e.meeting_id, e.record_id, e.published, e.title, e.text, e.date
        from search_text join search_entries e on e.id = search_text.rowid
        where search_text match ${fullMatch} and ${filtersSql(filters)} and ${scopeSql(scope)}
        order by search_text.rowid desc
        limit ${SEARCH_CANDIDATES + 1}`.execute(db);
      const candidates = rows.slice(0, SEARCH_CANDIDATES);
      const page = candidates.length === 0 ? [] : await bestOf(candidates, words, limit);
      const details = await pageDetails(fullMatch, page.map((row) => row.id));
      return {
        rows: page.map((row) => ({
          kind: row.kind,
          bodyId: row.body_id,
          bodyName: details.get(row.id)?.body_name ?? '',
          meetingId: row.meeting_id,
          recordId: row.record_id,
          published: row.published === 1,
          title: row.title,
          snippet: details.get(row.id)?.snippet ?? '',
          date: row.date,
        })),
        total: candidates.length,
        totalIsAtLeast: rows.length > SEARCH_CANDIDATES,
      };
    },
  };

  /** The best `limit` candidates by BM25, newer first where they score the same. */
  async function bestOf(candidates: CandidateRow[], words: readonly string[], limit: number): Promise<CandidateRow[]> {
    const { records, holding } = await wordCounts.of(words);
    const scores = bm25Scores(candidates, words.map((word, index) => ({ word, holding: holding[index]! })), records);
    return candidates
      .map((row, index) => ({ row, score: scores[index]! }))
      .sort((a, b) => b.score - a.score || (a.row.date < b.row.date ? 1 : a.row.date > b.row.date ? -1 : b.row.id - a.row.id))
      .slice(0, limit)
      .map(({ row }) => row);
  }
}
