/**
 * Filtering and sorting an action log: one definition for the live table in
 * the browser and the server's list and CSV export, so "Download CSV of the
 * actions shown" gives the rows the table shows, in its order.
 */
import * as z from 'zod';
import { ACTION_STATUSES, isClosedStatus, isOverdue, type ActionStatus, type IsoDate, type Rag } from './actions.js';

export const STATUS_FILTERS = ['outstanding', 'all', 'closed', ...ACTION_STATUSES] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export interface ActionFilter {
  status: StatusFilter;
  ownerId: number | null;
  agencyId: number | null;
  overdue: 'any' | 'overdue' | 'not-overdue';
  theme: string;
  /** Words to find in the reference, title, description or latest progress. */
  text: string;
}

export const DEFAULT_FILTER: ActionFilter = { status: 'outstanding', ownerId: null, agencyId: null, overdue: 'any', theme: '', text: '' };

/** The table's columns, and `created` (when it was raised), which only the API offers. */
export const SORT_COLUMNS = ['reference', 'title', 'owner', 'agency', 'due', 'status', 'rag', 'theme', 'progress', 'created'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

export interface ActionSort {
  column: SortColumn;
  direction: 'ascending' | 'descending';
}

export const DEFAULT_SORT: ActionSort = { column: 'due', direction: 'ascending' };

/** What filtering looks at, as both the live document and the server's projection have it. */
export interface FilterableAction {
  status: ActionStatus;
  ownerId: number | null;
  leadAgencyId: number | null;
  dueDate: IsoDate | null;
  theme: string;
  reference: string | null;
  title: string;
  description: string;
  /** The newest progress update's text, or ''. */
  latestProgress: string;
}

/** What sorting looks at: the names and RAG as the reader sees them. */
export interface SortableAction {
  id: string;
  reference: string | null;
  title: string;
  /** '' when nobody owns it. */
  ownerName: string;
  /** The agency's short name (or its name if it has none); '' when none leads. */
  agencyName: string;
  dueDate: IsoDate | null;
  status: ActionStatus;
  rag: Rag | null;
  theme: string;
  latestProgress: string;
  createdAt: string;
}

const lower = (value: string) => value.trim().toLocaleLowerCase('en-GB');

function matchesStatus(status: ActionStatus, filter: StatusFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'outstanding') return !isClosedStatus(status);
  if (filter === 'closed') return isClosedStatus(status);
  return status === filter;
}

export function matchesFilters(action: FilterableAction, filter: ActionFilter, today: IsoDate): boolean {
  if (!matchesStatus(action.status, filter.status)) return false;
  if (filter.ownerId !== null && action.ownerId !== filter.ownerId) return false;
  if (filter.agencyId !== null && action.leadAgencyId !== filter.agencyId) return false;
  const overdue = isOverdue(action, today);
  if (filter.overdue === 'overdue' && !overdue) return false;
  if (filter.overdue === 'not-overdue' && overdue) return false;
  if (lower(filter.theme) && lower(action.theme) !== lower(filter.theme)) return false;
  const words = lower(filter.text);
  if (words) {
    const haystack = [action.reference ?? '', action.title, action.description, action.latestProgress].join('\n').toLocaleLowerCase('en-GB');
    if (!haystack.includes(words)) return false;
  }
  return true;
}

const RAG_ORDER: Record<Rag | 'none', number> = { red: 0, amber: 1, green: 2, none: 3 };
// One collator for every comparison: \`localeCompare\` with options builds one per call (~10 µs, most of sorting a long log).
const collator = new Intl.Collator('en-GB', { numeric: true });
const text = (x: string, y: string) => collator.compare(x, y);

function compareBy(a: SortableAction, b: SortableAction, column: SortColumn): number {
  switch (column) {
    case 'reference':
      return text(a.reference ?? '', b.reference ?? '');
    case 'title':
      return text(a.title, b.title);
    case 'owner':
      return text(a.ownerName, b.ownerName);
    case 'agency':
      return text(a.agencyName, b.agencyName);
    case 'due':
      return text(a.dueDate ?? '', b.dueDate ?? '');
    case 'status':
      return ACTION_STATUSES.indexOf(a.status) - ACTION_STATUSES.indexOf(b.status);
    case 'rag':
      return RAG_ORDER[a.rag ?? 'none'] - RAG_ORDER[b.rag ?? 'none'];
    case 'theme':
      return text(a.theme, b.theme);
    case 'progress':
      return text(a.latestProgress, b.latestProgress);
    case 'created':
      return a.createdAt.localeCompare(b.createdAt);
  }
}

function isBlank(action: SortableAction, column: SortColumn): boolean {
  switch (column) {
    case 'reference':
      return action.reference === null;
    case 'title':
      return action.title === '';
    case 'owner':
      return action.ownerName === '';
    case 'agency':
      return action.agencyName === '';
    case 'due':
      return action.dueDate === null;
    case 'theme':
      return action.theme === '';
    case 'progress':
      return action.latestProgress === '';
    default:
      return false;
  }
}

/** Orders two actions as the table shows them: blanks last whichever way, then oldest raised first. */
export function compareActions(a: SortableAction, b: SortableAction, { column, direction }: ActionSort): number {
  const sign = direction === 'ascending' ? 1 : -1;
  const blank = Number(isBlank(a, column)) - Number(isBlank(b, column));
  return blank || compareBy(a, b, column) * sign || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

/** A sorted copy, for anything that can say how it reads as a `SortableAction`. */
export function sortActions<T>(items: readonly T[], sort: ActionSort, keysOf: (item: T) => SortableAction): T[] {
  const keyed = items.map((item) => ({ item, keys: keysOf(item) }));
  keyed.sort((a, b) => compareActions(a.keys, b.keys, sort));
  return keyed.map(({ item }) => item);
}

// ── As a query string ─────────────────────────────────────────────────────

/** `due` sorts ascending, `-due` descending. */
export type SortQuery = SortColumn | `-${SortColumn}`;
export const ACTION_SORTS = SORT_COLUMNS.flatMap((column): SortQuery[] => [column, `-${column}`]) as [SortQuery, ...SortQuery[]];

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** Query string of GET /api/bodies/:id/actions and the CSV export: `actionQuery` writes it. */
export const actionFilters = z
  .strictObject({
    status: z.enum(STATUS_FILTERS).default('all'),
    owner: id.optional(),
    agency: id.optional(),
    overdue: z.enum(['true', 'false']).optional(),
    theme: z.string().max(100).optional(),
    q: z.string().trim().max(200).optional(),
    sort: z.enum(ACTION_SORTS).default('due'),
  })
  .transform(({ status, owner, agency, overdue, theme, q, sort }): ActionFilters => ({
    filter: {
      status,
      ownerId: owner ?? null,
      agencyId: agency ?? null,
      overdue: overdue === undefined ? 'any' : overdue === 'true' ? 'overdue' : 'not-overdue',
      theme: theme ?? '',
      text: q ?? '',
    },
    sort: sort.startsWith('-')
      ? { column: sort.slice(1) as SortColumn, direction: 'descending' }
      : { column: sort as SortColumn, direction: 'ascending' },
  }));

export interface ActionFilters {
  filter: ActionFilter;
  sort: ActionSort;
}

/** The query string for these filters and sort, e.g. `status=outstanding&owner=12&sort=-due`. */
export function actionQuery(filter: ActionFilter, sort: ActionSort): URLSearchParams {
  const query = new URLSearchParams({ status: filter.status });
  if (filter.ownerId !== null) query.set('owner', String(filter.ownerId));
  if (filter.agencyId !== null) query.set('agency', String(filter.agencyId));
  if (filter.overdue !== 'any') query.set('overdue', String(filter.overdue === 'overdue'));
  if (filter.theme.trim()) query.set('theme', filter.theme.trim());
  if (filter.text.trim()) query.set('q', filter.text.trim());
  query.set('sort', `${sort.direction === 'descending' ? '-' : ''}${sort.column}`);
  return query;
}
