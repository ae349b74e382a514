/**
 * The action log as a table: rows with the names and RAG the users read,
 * filtered and sorted on the live data in the browser, and the same filters
 * put as a query string for the server's CSV export. No DOM, no Yjs.
 */
import type { Action } from '../../shared/action-log-doc.js';
import { ACTION_STATUSES, actionRag, isClosedStatus, isOverdue, type ActionStatus, type Rag } from '../../shared/actions.js';
import type { Agency, BodyMember } from '../../shared/api.js';

export interface ActionRow {
  action: Action;
  ownerName: string;
  agencyName: string;
  rag: Rag | null;
  overdue: boolean;
  /** The newest progress update's text, or ''. */
  latestProgress: string;
}

export const STATUS_FILTERS = ['outstanding', 'all', 'closed', ...ACTION_STATUSES] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export interface ActionFilter {
  status: StatusFilter;
  ownerId: number | null;
  agencyId: number | null;
  overdue: 'any' | 'overdue' | 'not-overdue';
  theme: string;
  /** Words to find in the reference, title, description or progress. */
  text: string;
}

export const DEFAULT_FILTER: ActionFilter = { status: 'outstanding', ownerId: null, agencyId: null, overdue: 'any', theme: '', text: '' };

export const SORT_COLUMNS = ['reference', 'title', 'owner', 'agency', 'due', 'status', 'rag', 'theme', 'progress'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

export interface ActionSort {
  column: SortColumn;
  direction: 'ascending' | 'descending';
}

export const DEFAULT_SORT: ActionSort = { column: 'due', direction: 'ascending' };

export function actionRows(actions: Action[], members: BodyMember[], agencies: Agency[], today: string): ActionRow[] {
  const owners = new Map(members.map((member) => [member.userId, member.name]));
  const agencyNames = new Map(agencies.map((agency) => [agency.id, agency.shortName || agency.name]));
  return actions.map((action) => ({
    action,
    ownerName: action.ownerId === null ? '' : (owners.get(action.ownerId) ?? 'Former member'),
    agencyName: action.leadAgencyId === null ? '' : (agencyNames.get(action.leadAgencyId) ?? ''),
    rag: actionRag(action, today),
    overdue: isOverdue(action, today),
    latestProgress: latestProgressOf(action),
  }));
}

function latestProgressOf(action: Action): string {
  let latest: Action['progress'][number] | undefined;
  for (const entry of action.progress) if (!latest || entry.at >= latest.at) latest = entry;
  return latest?.text ?? '';
}

function matchesStatus(status: ActionStatus, filter: StatusFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'outstanding') return !isClosedStatus(status);
  if (filter === 'closed') return isClosedStatus(status);
  return status === filter;
}

export function filterRows(rows: ActionRow[], filter: ActionFilter): ActionRow[] {
  const words = filter.text.trim().toLocaleLowerCase('en-GB');
  const theme = filter.theme.trim().toLocaleLowerCase('en-GB');
  return rows.filter(({ action, overdue, latestProgress }) => {
    if (!matchesStatus(action.status, filter.status)) return false;
    if (filter.ownerId !== null && action.ownerId !== filter.ownerId) return false;
    if (filter.agencyId !== null && action.leadAgencyId !== filter.agencyId) return false;
    if (filter.overdue === 'overdue' && !overdue) return false;
    if (filter.overdue === 'not-overdue' && overdue) return false;
    if (theme && action.theme.trim().toLocaleLowerCase('en-GB') !== theme) return false;
    if (words) {
      const haystack = [action.reference ?? '', action.title, action.description, latestProgress].join('\n').toLocaleLowerCase('en-GB');
      if (!haystack.includes(words)) return false;
    }
    return true;
  });
}

const RAG_ORDER: Record<Rag | 'none', number> = { red: 0, amber: 1, green: 2, none: 3 };

function compare(a: ActionRow, b: ActionRow, column: SortColumn): number {
  const text = (x: string, y: string) => x.localeCompare(y, 'en-GB', { numeric: true });
  switch (column) {
    case 'reference':
      return text(a.action.reference ?? '', b.action.reference ?? '');
    case 'title':
      return text(a.action.title, b.action.title);
    case 'owner':
      return text(a.ownerName, b.ownerName);
    case 'agency':
      return text(a.agencyName, b.agencyName);
    case 'due':
      return text(a.action.dueDate ?? '', b.action.dueDate ?? '');
    case 'status':
      return ACTION_STATUSES.indexOf(a.action.status) - ACTION_STATUSES.indexOf(b.action.status);
    case 'rag':
      return RAG_ORDER[a.rag ?? 'none'] - RAG_ORDER[b.rag ?? 'none'];
    case 'theme':
      return text(a.action.theme, b.action.theme);
    case 'progress':
      return text(a.latestProgress, b.latestProgress);
  }
}

export function sortRows(rows: ActionRow[], { column, direction }: ActionSort): ActionRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    // Blanks (no owner, no date) go last whichever way.
    const blank = Number(isBlank(a, column)) - Number(isBlank(b, column));
    return blank || compare(a, b, column) * sign || a.action.createdAt.localeCompare(b.action.createdAt) || a.action.id.localeCompare(b.action.id);
  });
}

function isBlank(row: ActionRow, column: SortColumn): boolean {
  switch (column) {
    case 'reference':
      return row.action.reference === null;
    case 'title':
      return row.action.title === '';
    case 'owner':
      return row.ownerName === '';
    case 'agency':
      return row.agencyName === '';
    case 'due':
      return row.action.dueDate === null;
    case 'theme':
      return row.action.theme === '';
    case 'progress':
      return row.latestProgress === '';
    default:
      return false;
  }
}

/** The server's sort nearest to the table's, for the CSV export (it sorts fewer columns). */
function serverSort({ column, direction }: ActionSort): string {
  switch (column) {
    case 'due':
      return direction === 'ascending' ? 'due' : '-due';
    case 'reference':
    case 'status':
    case 'rag':
    case 'owner':
      return column;
    default:
      return 'due';
  }
}

/** The query string of the CSV export for these filters, e.g. `status=outstanding&owner=12&sort=due`. */
export function actionQuery(filter: ActionFilter, sort: ActionSort): URLSearchParams {
  const query = new URLSearchParams({ status: filter.status });
  if (filter.ownerId !== null) query.set('owner', String(filter.ownerId));
  if (filter.agencyId !== null) query.set('agency', String(filter.agencyId));
  if (filter.overdue !== 'any') query.set('overdue', String(filter.overdue === 'overdue'));
  if (filter.theme.trim()) query.set('theme', filter.theme.trim());
  if (filter.text.trim()) query.set('q', filter.text.trim());
  query.set('sort', serverSort(sort));
  return query;
}
