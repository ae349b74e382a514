/**
 * The action log as a table: rows with the names and RAG the users read,
 * filtered and sorted with the shared definitions the server's list and CSV
 * export use too (shared/action-filters.ts). No DOM, no Yjs.
 */
import {
  matchesFilters,
  sortActions,
  type ActionFilter,
  type ActionSort,
  type SortableAction,
} from '../../shared/action-filters.js';
import type { Action } from '../../shared/action-log-doc.js';
import { actionRag, isOverdue, type Rag } from '../../shared/actions.js';
import type { Agency, BodyMember } from '../../shared/api.js';

export {
  DEFAULT_FILTER,
  DEFAULT_SORT,
  STATUS_FILTERS,
  actionQuery,
  type ActionFilter,
  type ActionSort,
  type SortColumn,
  type StatusFilter,
} from '../../shared/action-filters.js';

export interface ActionRow {
  action: Action;
  ownerName: string;
  agencyName: string;
  rag: Rag | null;
  overdue: boolean;
  /** The newest progress update's text, or ''. */
  latestProgress: string;
}

export function actionRows(actions: readonly Action[], members: readonly BodyMember[], agencies: readonly Agency[], today: string): ActionRow[] {
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

export function latestProgressOf(action: Pick<Action, 'progress'>): string {
  let latest: Action['progress'][number] | undefined;
  for (const entry of action.progress) if (!latest || entry.at >= latest.at) latest = entry;
  return latest?.text ?? '';
}

export function filterRows(rows: readonly ActionRow[], filter: ActionFilter, today: string): ActionRow[] {
  return rows.filter((row) => matchesFilters({ ...row.action, latestProgress: row.latestProgress }, filter, today));
}

export function sortKeysOfRow({ action, ownerName, agencyName, rag, latestProgress }: ActionRow): SortableAction {
  return { ...action, ownerName, agencyName, rag, latestProgress };
}

export function sortRows(rows: readonly ActionRow[], sort: ActionSort): ActionRow[] {
  return sortActions(rows, sort, sortKeysOfRow);
}
