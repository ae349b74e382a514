import { historyLabel } from '../../shared/action-history.js';
import { ACTION_STATUS_LABELS, RAG_LABELS, type ActionStatus, type Rag } from '../../shared/actions.js';
import type { ActionHistoryEntry } from '../../shared/api.js';
import { formatDate } from '../../shared/dates.js';
import type { Db } from '../db/database.js';

interface StoredEvent {
  at: string;
  user_ids: string;
  field: string;
  old_value: string | null;
  new_value: string | null;
}

const idsIn = (events: readonly StoredEvent[], field: string) =>
  events.filter((event) => event.field === field).flatMap((event) => [event.old_value, event.new_value]).filter((value) => value !== null).map(Number);

/**
 * An action's stored changes as people read them: labels in words, people and
 * agencies by name, statuses and RAG by their labels, dates en-GB.
 */
export async function describeActionHistory(db: Db, events: readonly StoredEvent[]): Promise<ActionHistoryEntry[]> {
  const editorIds = events.flatMap((event) => JSON.parse(event.user_ids) as number[]);
  const userIds = [...new Set([...editorIds, ...idsIn(events, 'owner')])];
  const agencyIds = [...new Set(idsIn(events, 'lead agency'))];
  const people = new Map(
    userIds.length === 0 ? [] : (await db.selectFrom('users').select(['id', 'name']).where('id', 'in', userIds).execute()).map((row) => [row.id, row.name]),
  );
  const agencies = new Map(
    agencyIds.length === 0 ? [] : (await db.selectFrom('agencies').select(['id', 'name']).where('id', 'in', agencyIds).execute()).map((row) => [row.id, row.name]),
  );
  // Only priorities routed to the action's body are ever linked, so its readers may read their titles.
  const priorityIds = [...new Set(idsIn(events, 'priority'))];
  const priorities = new Map(
    priorityIds.length === 0 ? [] : (await db.selectFrom('priorities').select(['id', 'title']).where('id', 'in', priorityIds).execute()).map((row) => [row.id, row.title]),
  );
  const readable = (field: string, value: string | null): string | null => {
    if (value === null || value === '') return null;
    switch (field) {
      case 'owner':
        return people.get(Number(value)) ?? 'a former member';
      case 'lead agency':
        return agencies.get(Number(value)) ?? 'an agency no longer listed';
      case 'status':
        return ACTION_STATUS_LABELS[value as ActionStatus] ?? value;
      case 'RAG override':
        return RAG_LABELS[value as Rag] ?? value;
      case 'priority':
        return priorities.get(Number(value)) ?? 'a priority no longer listed';
      case 'due date':
        return formatDate(`${value}T12:00:00Z`);
      default:
        return value;
    }
  };
  return events.map((event) => ({
    at: event.at,
    by: (JSON.parse(event.user_ids) as number[]).map((id) => ({ id, name: people.get(id) ?? 'A former member' })),
    field: event.field,
    label: historyLabel(event.field),
    from: readable(event.field, event.old_value),
    to: readable(event.field, event.new_value),
  }));
}
