/**
 * What one person may change in a body's action log, field by field: the
 * action log document's schema says what a valid log looks like; these rules
 * say who may move it from one valid state to the next. The server runs them
 * on every update with the sender's identity; the client asks the same
 * questions (through `shared/permissions.ts`) to enable its controls.
 */
import * as Y from 'yjs';
import { ACTION_STATUS_LABELS, isClosedStatus, type ActionStatus } from './actions.js';
import { actionsOf, type ActionFields } from './action-log-doc.js';
import { plainEntries, type DocIssue } from './doc-validation.js';
import {
  mayAddProgress,
  mayChangeStatus,
  mayEditActionDetails,
  mayLinkActionToPriority,
  mayOverrideRag,
  mayRaiseAction,
  mayReassignAction,
  mayRemoveAction,
  type Standing,
} from './permissions.js';

/** How far ahead of the server's clock a client's timestamp may be. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** One action as it stood before an update. */
export interface ActionBefore {
  fields: ActionFields;
  /** Progress entries in order: their ids and maps (a map that changes later was rewritten). */
  progressIds: string[];
  progressEntries: ReadonlySet<Y.AbstractType<any>>;
  /** The latest progress time, so a new entry cannot be back-dated before it. */
  latestProgressAt: string | null;
}

export type ActionLogBefore = Map<string, ActionBefore>;

/** Captures, before an update is applied, what the rules compare against. */
export function captureActionLog(doc: Y.Doc): ActionLogBefore {
  const captured: ActionLogBefore = new Map();
  actionsOf(doc).forEach((map, actionId) => {
    if (!(map instanceof Y.Map)) return;
    const progress = map.get('progress');
    const entries = progress instanceof Y.Array ? (progress.toArray() as Y.Map<unknown>[]) : [];
    const times = entries.map((entry) => String(entry.get('at') ?? '')).sort((a, b) => Date.parse(a) - Date.parse(b));
    captured.set(actionId, {
      fields: plainEntries(map) as ActionFields,
      progressIds: entries.map((entry) => String(entry.get('id'))),
      progressEntries: new Set(entries),
      latestProgressAt: times.at(-1) ?? null,
    });
  });
  return captured;
}

export interface ActionLogEditor {
  role: Standing;
  userId: number;
  /** The body's meetings: the only ones an action may come from. */
  meetingIds: ReadonlySet<number>;
}

/** Fields anyone taking part may change while the action is outstanding (as is the priority it serves). */
const DETAIL_FIELDS = ['title', 'leadAgencyId', 'dueDate', 'theme', 'resources', 'outcomeMeasure'] as const;
/** Fields nobody changes once the action exists: the server's, or its origin. */
const FIXED_FIELDS = ['id', 'reference', 'createdAt', 'closedAt', 'sourceMeetingId', 'sourceItemId'] as const;

const FIELD_WORDS: Record<(typeof DETAIL_FIELDS)[number] | (typeof FIXED_FIELDS)[number], string> = {
  title: 'title',
  leadAgencyId: 'lead agency',
  dueDate: 'due date',
  theme: 'theme',
  resources: 'resources',
  outcomeMeasure: 'outcome measure',
  id: 'id',
  reference: 'reference',
  createdAt: 'creation time',
  closedAt: 'closing time',
  sourceMeetingId: 'source meeting',
  sourceItemId: 'source agenda item',
};

/**
 * The changes between the log before an update and the (schema-valid) log
 * after it that this editor may not make. `changed` holds the Yjs types the
 * update changed, which is how rewrites inside texts and progress entries show.
 */
export function refusedActionLogChanges(
  doc: Y.Doc,
  before: ActionLogBefore,
  changed: ReadonlySet<Y.AbstractType<any>>,
  editor: ActionLogEditor,
  now = new Date(),
): DocIssue[] {
  const issues: DocIssue[] = [];
  const latestAllowed = now.getTime() + CLOCK_SKEW_MS;
  actionsOf(doc).forEach((map, actionId) => {
    const path = `actions.${actionId}`;
    const fields = plainEntries(map) as ActionFields;
    const was = before.get(actionId);
    const refuse = (field: string, message: string) => issues.push({ path: field ? `${path}.${field}` : path, message });
    if (!was) {
      issues.push(...refusedNewAction(fields, path, editor));
    } else {
      issues.push(...refusedActionEdits(was, fields, map, changed, path, editor));
    }
    // Progress is a record: entries are only ever appended, by their author.
    const progress = map.get('progress') as Y.Array<Y.Map<unknown>>;
    const entries = progress.toArray();
    const keptIds = was?.progressIds ?? [];
    if (entries.length < keptIds.length || keptIds.some((id, index) => String(entries[index]!.get('id')) !== id)) {
      refuse('progress', 'Progress updates cannot be removed or reordered');
      return;
    }
    const status = (was?.fields.status ?? fields.status) as ActionStatus;
    const isOwner = (was?.fields.ownerId ?? fields.ownerId) === editor.userId;
    let latest = Date.parse(was?.latestProgressAt ?? fields.createdAt);
    entries.forEach((entry, index) => {
      if (index < keptIds.length) {
        if (changed.has(entry)) refuse(`progress.${index}`, 'A progress update cannot be changed once it is made');
        return;
      }
      const at = Date.parse(String(entry.get('at')));
      if (entry.get('authorId') !== editor.userId) refuse(`progress.${index}.authorId`, 'A progress update is made in your own name');
      if (!mayAddProgress({ role: editor.role, isOwner }, status)) {
        refuse(`progress.${index}`, 'Only the action’s owner, or the chair, vice-chair or secretariat, adds progress to an outstanding action');
      }
      if (at > latestAllowed || at < latest - CLOCK_SKEW_MS) refuse(`progress.${index}.at`, 'A progress update is dated when it is made');
      latest = Math.max(latest, at);
    });
  });
  for (const [actionId] of before) {
    if (!actionsOf(doc).has(actionId) && !mayRemoveAction(editor.role)) {
      issues.push({ path: `actions.${actionId}`, message: 'Only the chair, vice-chair or secretariat removes an action' });
    }
  }
  return issues;
}

function refusedNewAction(fields: ActionFields, path: string, editor: ActionLogEditor): DocIssue[] {
  const issues: DocIssue[] = [];
  if (!mayRaiseAction(editor.role)) issues.push({ path, message: 'You may not raise actions in this log' });
  if (fields.reference !== null || fields.closedAt !== null) issues.push({ path, message: 'A new action’s reference and closing time are set by the server' });
  if (fields.status !== 'open' && fields.status !== 'in-progress') issues.push({ path: `${path}.status`, message: 'A new action starts open or in progress' });
  if (fields.ragOverride !== null && !mayOverrideRag(editor.role)) issues.push({ path: `${path}.ragOverride`, message: 'Only the chair or vice-chair overrides RAG' });
  if (fields.sourceMeetingId !== null && !editor.meetingIds.has(fields.sourceMeetingId)) {
    issues.push({ path: `${path}.sourceMeetingId`, message: 'An action can only come from one of this body’s meetings' });
  }
  return issues;
}

function refusedActionEdits(
  was: ActionBefore,
  now: ActionFields,
  map: Y.Map<unknown>,
  changed: ReadonlySet<Y.AbstractType<any>>,
  path: string,
  { role, userId }: ActionLogEditor,
): DocIssue[] {
  const issues: DocIssue[] = [];
  const actor = { role, isOwner: was.fields.ownerId === userId };
  for (const field of FIXED_FIELDS) {
    if (now[field] !== was.fields[field]) issues.push({ path: `${path}.${field}`, message: `An action’s ${FIELD_WORDS[field]} cannot be changed` });
  }
  if (now.status !== was.fields.status && !mayChangeStatus(was.fields.status, now.status, actor)) {
    issues.push({
      path: `${path}.status`,
      message: `You may not move this action from ${ACTION_STATUS_LABELS[was.fields.status]} to ${ACTION_STATUS_LABELS[now.status] ?? now.status}`,
    });
  }
  if ((now.ragOverride !== was.fields.ragOverride || now.ragOverrideReason !== was.fields.ragOverrideReason) && !mayOverrideRag(role)) {
    issues.push({ path: `${path}.ragOverride`, message: 'Only the chair or vice-chair overrides RAG' });
  }
  if (now.ownerId !== was.fields.ownerId && !mayReassignAction(actor, was.fields.status)) {
    issues.push({
      path: `${path}.ownerId`,
      message: isClosedStatus(was.fields.status)
        ? 'A closed action is reopened before it is given to someone else'
        : 'Only the action’s owner, or the chair, vice-chair or secretariat, gives it to someone else',
    });
  }
  const detailsChanged = DETAIL_FIELDS.some((field) => now[field] !== was.fields[field]) || changed.has(map.get('description') as Y.Text);
  if (detailsChanged && !mayEditActionDetails(role, was.fields.status)) {
    issues.push({ path, message: 'A closed action is reopened before it is changed' });
  }
  // Actions raised before priorities existed have no such field: absent is unlinked.
  if ((now.priorityId ?? null) !== (was.fields.priorityId ?? null) && !mayLinkActionToPriority(role, was.fields.status)) {
    issues.push({ path: `${path}.priorityId`, message: 'A closed action is reopened before it is linked to a priority' });
  }
  return issues;
}

/**
 * The quick check for typing in descriptions: only texts changed, so the
 * structure and every other field are as they were. Typing is refused only
 * in a closed action.
 */
export function refusedDescriptionTyping(texts: readonly Y.Text[], editor: Pick<ActionLogEditor, 'role'>): DocIssue[] {
  const issues: DocIssue[] = [];
  for (const text of texts) {
    const action = text.parent;
    if (!(action instanceof Y.Map) || action.get('description') !== text) {
      issues.push({ path: 'actions', message: 'Only an action’s description is typed into' });
    } else if (!mayEditActionDetails(editor.role, action.get('status') as ActionStatus)) {
      issues.push({ path: `actions.${String(action.get('id'))}.description`, message: 'A closed action is reopened before it is changed' });
    }
  }
  return issues;
}
