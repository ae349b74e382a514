/** Searching what someone may read: the request, the result shape, the kinds and the limits. */
import * as z from 'zod';
import { idParam } from './schemas.js';

export const SEARCH_KINDS = ['minutes', 'decision', 'action', 'escalation'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** What each kind is called on screen. */
export const SEARCH_KIND_LABELS: Record<SearchKind, string> = {
  minutes: 'Minutes',
  decision: 'Decision',
  action: 'Action',
  escalation: 'Escalation',
};

export const SEARCH_LIMITS = {
  queryMinLength: 2,
  queryMaxLength: 200,
  /** At most this many words of a query are searched for. */
  maxTerms: 12,
  defaultResults: 20,
  maxResults: 50,
} as const;

/** A calendar date, as `<input type="date">` gives it. */
const day = z.iso.date({ error: 'Give the date as YYYY-MM-DD' });

/** `GET /api/search` query parameters. */
export const searchRequest = z.strictObject({
  q: z
    .string({ error: 'Type something to search for' })
    .trim()
    .min(SEARCH_LIMITS.queryMinLength, { error: `Type at least ${SEARCH_LIMITS.queryMinLength} characters` })
    .max(SEARCH_LIMITS.queryMaxLength, { error: `Search for up to ${SEARCH_LIMITS.queryMaxLength} characters` }),
  kind: z.enum(SEARCH_KINDS, { error: 'Choose minutes, decision, action or escalation' }).optional(),
  bodyId: idParam.optional(),
  from: day.optional(),
  to: day.optional(),
  limit: z.coerce.number().int().min(1).max(SEARCH_LIMITS.maxResults).default(SEARCH_LIMITS.defaultResults),
});
export type SearchRequest = z.infer<typeof searchRequest>;

export interface SearchResult {
  kind: SearchKind;
  title: string;
  /**
   * The matching passage: HTML-escaped, with `<mark>…</mark>` around the
   * matched words and no other markup.
   */
  snippet: string;
  /** The app path that shows the record. */
  link: string;
  body: { id: number; name: string };
  /** ISO date-time: the meeting's start, the action's creation or the escalation's raising. */
  date: string;
}

export interface SearchResponse {
  results: SearchResult[];
  /** How many records the person may read match, of which `results` are the best. */
  total: number;
  /**
   * True when more matched than were counted: `total` is then a floor ("more
   * than 1,000") and `results` are the best of the most recently written.
   */
  totalIsAtLeast?: boolean;
}
