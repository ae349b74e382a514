import type { ActionHistoryField } from '../../shared/action-history.js';
import type { Action } from '../../shared/action-log-doc.js';
import type { Db } from '../db/database.js';
import type { ActionTable } from '../db/tables.js';

type ActionRow = Omit<ActionTable, 'progress_count'> & { progress_count: number };

function toRow(bodyId: number, action: Action): ActionRow {
  const latest = action.progress.at(-1);
  return {
    action_id: action.id,
    body_id: bodyId,
    reference: action.reference,
    title: action.title,
    description: action.description,
    owner_id: action.ownerId,
    lead_agency_id: action.leadAgencyId,
    due_date: action.dueDate,
    status: action.status,
    rag_override: action.ragOverride,
    rag_override_reason: action.ragOverrideReason,
    theme: action.theme,
    resources: action.resources,
    outcome_measure: action.outcomeMeasure,
    source_meeting_id: action.sourceMeetingId,
    source_item_id: action.sourceItemId,
    created_at: action.createdAt,
    closed_at: action.closedAt,
    latest_progress: latest?.text ?? null,
    latest_progress_at: latest?.at ?? null,
    progress_count: action.progress.length,
    priority_id: action.priorityId,
  };
}

/** Columns whose changes go into an action's history, by the history's key for them. */
const TRACKED: [keyof ActionRow, ActionHistoryField][] = [
  ['reference', 'reference'],
  ['title', 'title'],
  ['owner_id', 'owner'],
  ['lead_agency_id', 'lead agency'],
  ['due_date', 'due date'],
  ['status', 'status'],
  ['rag_override', 'RAG override'],
  ['theme', 'theme'],
  ['resources', 'resources'],
  ['outcome_measure', 'outcome measure'],
  ['priority_id', 'priority'],
  ['latest_progress', 'progress'],
];

const text = (value: unknown) => (value === null || value === undefined ? null : String(value));

/** What a projection changed, for those told of it live. */
export interface ActionLogChanges {
  /** Any action was added, changed or removed. */
  changed: boolean;
  /** Actions given a new owner (or raised with one). */
  assigned: { actionId: string; reference: string | null; title: string; ownerId: number }[];
  /** Priorities an added, changed or removed action serves or served. */
  priorityIds: Set<number>;
}

/**
 * Mirrors a body's action log into SQL, writing only the actions that changed
 * and a history entry for each tracked field that did.
 */
export async function projectActionLog(db: Db, bodyId: number, actions: readonly Action[], editorIds: readonly number[]): Promise<ActionLogChanges> {
  return db.transaction().execute((trx) => writeActionLogProjection(trx, bodyId, actions, editorIds));
}

/** The projection itself, inside a transaction the caller holds. */
export async function writeActionLogProjection(
  trx: Db,
  bodyId: number,
  actions: readonly Action[],
  editorIds: readonly number[],
): Promise<ActionLogChanges> {
  const changes: ActionLogChanges = { changed: false, assigned: [], priorityIds: new Set() };
  const at = new Date().toISOString();
  const by = JSON.stringify(editorIds);
  const existing = new Map(
    (await trx.selectFrom('actions').selectAll().where('body_id', '=', bodyId).execute()).map((row) => [row.action_id, row]),
  );
  const events: { action_id: string; body_id: number; at: string; user_ids: string; field: string; old_value: string | null; new_value: string | null }[] = [];
  for (const action of actions) {
    const row = toRow(bodyId, action);
    const before = existing.get(action.id);
    existing.delete(action.id);
    if (before && (Object.keys(row) as (keyof ActionRow)[]).every((key) => before[key] === row[key])) continue;
    changes.changed = true;
    if (row.owner_id !== null && row.owner_id !== (before?.owner_id ?? null)) {
      changes.assigned.push({ actionId: row.action_id, reference: row.reference, title: row.title, ownerId: row.owner_id });
    }
    for (const priorityId of [before?.priority_id, row.priority_id]) if (typeof priorityId === 'number') changes.priorityIds.add(priorityId);
    if (!before) {
      events.push({ action_id: row.action_id, body_id: bodyId, at, user_ids: by, field: 'created', old_value: null, new_value: row.title });
    } else {
      for (const [column, field] of TRACKED) {
        if (before[column] !== row[column]) {
          events.push({ action_id: row.action_id, body_id: bodyId, at, user_ids: by, field, old_value: text(before[column]), new_value: text(row[column]) });
        }
      }
    }
    await trx
      .insertInto('actions')
      .values(row)
      .onConflict((oc) => oc.columns(['body_id', 'action_id']).doUpdateSet(row))
      .execute();
  }
  for (const [removed, row] of existing) {
    changes.changed = true;
    if (row.priority_id !== null) changes.priorityIds.add(row.priority_id);
    await trx.deleteFrom('actions').where('body_id', '=', bodyId).where('action_id', '=', removed).execute();
    events.push({ action_id: removed, body_id: bodyId, at, user_ids: by, field: 'removed', old_value: null, new_value: null });
  }
  for (let start = 0; start < events.length; start += 500) {
    await trx.insertInto('action_events').values(events.slice(start, start + 500)).execute();
  }
  return changes;
}
