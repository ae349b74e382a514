import { sql, type RawBuilder } from 'kysely';
import type { SearchKind } from '../../shared/search.js';
import type { Db } from '../db/database.js';
import { MATCH_END, MATCH_START } from './search-snippet.js';

/** What the person may read, as the rules decided it; the repository only applies it. */
export interface SearchScope {
  /** Bodies whose actions they may read. */
  actionBodyIds: readonly number[];
  /** Bodies whose meeting record (minutes of items, decisions) they may read, outside Part II. */
  recordBodyIds: readonly number[];
  /** Bodies whose Part II items they may read. */
  partTwoBodyIds: readonly number[];
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

export interface SearchRow {
  kind: SearchKind;
  bodyId: number;
  bodyName: string;
  meetingId: number | null;
  /** The item, decision, action or escalation id, as text. */
  recordId: string;
  title: string;
  /** The matching passage, unescaped, with MATCH_START / MATCH_END around matches. */
  snippet: string;
  date: string;
}

/**
 * The search index's queries, behind one interface so a PostgreSQL version
 * (tsvector, ts_headline) can sit beside the SQLite one. `match` is an FTS5
 * expression from `matchExpression`.
 */
export interface SearchRepository {
  /** Escalation hops matching, before rights: the service decides which the person may see. */
  matchingEscalationIds(match: string, filters: SearchFilters): Promise<number[]>;
  /** The best matches the scope allows, and how many the scope allows in all. */
  search(match: string, filters: SearchFilters, scope: SearchScope, limit: number): Promise<{ rows: SearchRow[]; total: number }>;
}

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
      (e.part_two = 0 and e.body_id ${inList(scope.recordBodyIds)})
      or (e.part_two <> 0 and e.body_id ${inList(scope.partTwoBodyIds)})))
    or (e.kind = 'escalation' and e.record_id ${inList(scope.escalationIds.map(String))})
  )`;
}

export function sqliteSearchRepository(db: Db): SearchRepository {
  return {
    async matchingEscalationIds(match, filters) {
      // Escalations are few beside minutes and actions: FTS5 intersects with the short "escalation" list.
      const { rows } = await sql<{ id: string }>`
        select e.record_id as id from search_text join search_entries e on e.id = search_text.rowid
        where search_text match ${`${inText(match)} AND kind : "escalation"`} and ${filtersSql({ ...filters, kind: 'escalation' })}`.execute(db);
      return rows.map((row) => Number(row.id));
    },

    async search(match, filters, scope, limit) {
      const where = sql`search_text match ${inText(match)} and ${filtersSql(filters)} and ${scopeSql(scope)}`;
      const { rows } = await sql<{
        kind: SearchKind;
        body_id: number;
        body_name: string;
        meeting_id: number | null;
        record_id: string;
        title: string;
        snippet: string;
        date: string;
      }>`
        select e.kind, e.body_id, b.name as body_name, e.meeting_id, e.record_id, e.title, e.date,
          snippet(search_text, -1, ${MATCH_START}, ${MATCH_END}, '…', ${SNIPPET_WORDS}) as snippet
        from search_text
          join search_entries e on e.id = search_text.rowid
          join bodies b on b.id = e.body_id
        where ${where}
        order by bm25(search_text, 4.0, 1.0, 0.0), e.date desc
        limit ${limit}`.execute(db);
      // Fewer than asked for is all there are; only a full page needs counting.
      const total =
        rows.length < limit
          ? rows.length
          : (await sql<{ total: number }>`
              select count(*) as total from search_text join search_entries e on e.id = search_text.rowid where ${where}`.execute(db)).rows[0]!.total;
      return {
        rows: rows.map((row) => ({
          kind: row.kind,
          bodyId: row.body_id,
          bodyName: row.body_name,
          meetingId: row.meeting_id,
          recordId: row.record_id,
          title: row.title,
          snippet: row.snippet,
          date: row.date,
        })),
        total,
      };
    },
  };
}
