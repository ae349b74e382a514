/**
 * A body's action log as a live Yjs document: one map of actions keyed by id.
 * The server checks each update with `validateActionLog`, assigns each new
 * action its reference (JAG-0042) and stamps when it closed.
 */
import * as Y from 'yjs';
import * as z from 'zod';
import { ACTION_STATUSES, isClosedStatus, RAGS, type ActionStatus } from './actions.js';
import { docId, newId, plainEntries, zodIssues, type DocIssue } from './doc-validation.js';

export const ACTION_LOG_LIMITS = {
  actions: 2_000,
  titleLength: 200,
  descriptionLength: 10_000,
  themeLength: 100,
  resourcesLength: 1_000,
  outcomeLength: 1_000,
  ragReasonLength: 500,
  progressEntries: 200,
  progressLength: 2_000,
} as const;

export const ACTION_LOG_ROOTS = { actions: 'actions' } as const;

/** YYYY-MM-DD that is a real calendar date. */
export const isoDate = z.iso.date({ error: 'must be a date (YYYY-MM-DD)' });

/** An action's plain fields; `description` (Y.Text) and `progress` (Y.Array) are checked beside them. */
export const actionFields = z.strictObject({
  id: docId,
  /** Assigned by the server; null until it has. */
  reference: z.string().regex(/^[A-Z0-9-]{1,24}-\d{4,}$/).nullable(),
  title: z.string().trim().min(1, { error: 'Give the action a title' }).max(ACTION_LOG_LIMITS.titleLength),
  ownerId: z.number().int().positive().nullable(),
  leadAgencyId: z.number().int().positive().nullable(),
  dueDate: isoDate.nullable(),
  status: z.enum(ACTION_STATUSES, { error: `must be one of ${ACTION_STATUSES.join(', ')}` }),
  ragOverride: z.enum(RAGS).nullable(),
  ragOverrideReason: z.string().max(ACTION_LOG_LIMITS.ragReasonLength),
  theme: z.string().max(ACTION_LOG_LIMITS.themeLength),
  resources: z.string().max(ACTION_LOG_LIMITS.resourcesLength),
  outcomeMeasure: z.string().max(ACTION_LOG_LIMITS.outcomeLength),
  sourceMeetingId: z.number().int().positive().nullable(),
  sourceItemId: docId.nullable(),
  createdAt: z.iso.datetime(),
  /** Stamped by the server when the action is done or dropped. */
  closedAt: z.iso.datetime().nullable(),
  /** The priority (routed to this body) that the action serves; absent in actions raised before priorities existed. */
  priorityId: z.number().int().positive().nullable().optional(),
});

export const progressFields = z.strictObject({
  id: docId,
  authorId: z.number().int().positive(),
  at: z.iso.datetime(),
  text: z.string().trim().min(1).max(ACTION_LOG_LIMITS.progressLength),
});

export type ActionFields = z.infer<typeof actionFields>;
export type ProgressUpdate = z.infer<typeof progressFields>;

export interface Action extends Omit<ActionFields, 'priorityId'> {
  priorityId: number | null;
  description: string;
  progress: ProgressUpdate[];
}

export const actionsOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(ACTION_LOG_ROOTS.actions);

export function readAction(map: Y.Map<unknown>): Action {
  const description = map.get('description');
  const progress = map.get('progress');
  return {
    ...(plainEntries(map) as ActionFields),
    priorityId: (map.get('priorityId') as number | null | undefined) ?? null,
    description: description instanceof Y.Text ? description.toString() : '',
    progress: progress instanceof Y.Array ? progress.toArray().map((entry) => plainEntries(entry as Y.Map<unknown>) as ProgressUpdate) : [],
  };
}

/** Every action, oldest first. */
export function readActions(doc: Y.Doc): Action[] {
  return [...actionsOf(doc).values()]
    .filter((map) => map instanceof Y.Map)
    .map(readAction)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

export interface ActionLogRules {
  memberIds: ReadonlySet<number>;
  agencyIds: ReadonlySet<number>;
  /** The priorities routed to this body: the only ones its actions may serve. */
  priorityIds: ReadonlySet<number>;
}

/** Every way the action log breaks its schema; cheap enough to run after each update. */
export function validateActionLog(doc: Y.Doc, { memberIds, agencyIds, priorityIds }: ActionLogRules): DocIssue[] {
  const issues: DocIssue[] = [];
  for (const name of doc.share.keys()) {
    if (name !== ACTION_LOG_ROOTS.actions) issues.push({ path: name, message: 'is not part of an action log' });
  }
  let actions: Y.Map<Y.Map<unknown>>;
  try {
    actions = actionsOf(doc);
  } catch {
    return [...issues, { path: 'actions', message: 'has the wrong type' }];
  }
  if (actions._start !== null) issues.push({ path: 'actions', message: 'holds list content' });
  if (actions.size > ACTION_LOG_LIMITS.actions) issues.push({ path: 'actions', message: `has more than ${ACTION_LOG_LIMITS.actions} actions` });

  actions.forEach((action, key) => {
    const path = `actions.${key}`;
    if (!(action instanceof Y.Map)) {
      issues.push({ path, message: 'must be an action' });
      return;
    }
    const fields = plainEntries(action);
    issues.push(...zodIssues(path, actionFields.safeParse(fields)));
    if (fields.id !== key) issues.push({ path: `${path}.id`, message: 'must match the action’s key' });
    if (typeof fields.ownerId === 'number' && !memberIds.has(fields.ownerId)) {
      issues.push({ path: `${path}.ownerId`, message: 'The owner must be a member of this body' });
    }
    if (typeof fields.leadAgencyId === 'number' && !agencyIds.has(fields.leadAgencyId)) {
      issues.push({ path: `${path}.leadAgencyId`, message: 'is not a known agency' });
    }
    if (typeof fields.priorityId === 'number' && !priorityIds.has(fields.priorityId)) {
      issues.push({ path: `${path}.priorityId`, message: 'is not a priority routed to this body' });
    }
    if (fields.ragOverride !== null && fields.ragOverride !== undefined && String(fields.ragOverrideReason ?? '').trim() === '') {
      issues.push({ path: `${path}.ragOverrideReason`, message: 'A RAG override needs a reason' });
    }
    action.forEach((value, field) => {
      if (value instanceof Y.AbstractType && field !== 'description' && field !== 'progress') {
        issues.push({ path: `${path}.${field}`, message: 'is not a field of an action' });
      }
    });
    const description = action.get('description');
    if (!(description instanceof Y.Text)) issues.push({ path: `${path}.description`, message: 'must be text' });
    else if (description.length > ACTION_LOG_LIMITS.descriptionLength) {
      issues.push({ path: `${path}.description`, message: `is longer than ${ACTION_LOG_LIMITS.descriptionLength} characters` });
    }
    const progress = action.get('progress');
    if (!(progress instanceof Y.Array)) {
      issues.push({ path: `${path}.progress`, message: 'must be a list' });
    } else {
      if (progress.length > ACTION_LOG_LIMITS.progressEntries) {
        issues.push({ path: `${path}.progress`, message: `has more than ${ACTION_LOG_LIMITS.progressEntries} updates` });
      }
      const entryIds = new Set<unknown>();
      progress.forEach((entry, index) => {
        if (!(entry instanceof Y.Map)) {
          issues.push({ path: `${path}.progress.${index}`, message: 'must be a progress update' });
          return;
        }
        const plain = plainEntries(entry);
        issues.push(...zodIssues(`${path}.progress.${index}`, progressFields.safeParse(plain)));
        if (entry.size !== Object.keys(plain).length) issues.push({ path: `${path}.progress.${index}`, message: 'must hold plain values' });
        if (entryIds.has(plain.id)) issues.push({ path: `${path}.progress.${index}.id`, message: 'is used twice' });
        entryIds.add(plain.id);
      });
    }
  });
  return issues;
}

export interface NewAction {
  title: string;
  ownerId?: number | null;
  leadAgencyId?: number | null;
  dueDate?: string | null;
  theme?: string;
  priorityId?: number | null;
  sourceMeetingId?: number | null;
  sourceItemId?: string | null;
}

/** Adds an open action; the server gives it its reference. Returns its id. */
export function addAction(doc: Y.Doc, action: NewAction, actionId = newId(), now = new Date()): string {
  const map = new Y.Map<unknown>();
  doc.transact(() => {
    actionsOf(doc).set(actionId, map);
    map.set('id', actionId);
    map.set('reference', null);
    map.set('title', action.title);
    map.set('ownerId', action.ownerId ?? null);
    map.set('leadAgencyId', action.leadAgencyId ?? null);
    map.set('dueDate', action.dueDate ?? null);
    map.set('status', 'open');
    map.set('ragOverride', null);
    map.set('ragOverrideReason', '');
    map.set('theme', action.theme ?? '');
    map.set('resources', '');
    map.set('outcomeMeasure', '');
    map.set('sourceMeetingId', action.sourceMeetingId ?? null);
    map.set('sourceItemId', action.sourceItemId ?? null);
    map.set('createdAt', now.toISOString());
    map.set('closedAt', null);
    map.set('priorityId', action.priorityId ?? null);
    map.set('description', new Y.Text());
    map.set('progress', new Y.Array());
  });
  return actionId;
}

/** Appends a progress update to an action. */
export function addProgress(doc: Y.Doc, actionId: string, update: Omit<ProgressUpdate, 'id'>, entryId = newId()): void {
  const action = actionsOf(doc).get(actionId);
  const progress = action?.get('progress');
  if (!(progress instanceof Y.Array)) throw new Error(`no action ${actionId}`);
  const entry = new Y.Map<unknown>();
  doc.transact(() => {
    progress.push([entry]);
    entry.set('id', entryId);
    entry.set('authorId', update.authorId);
    entry.set('at', update.at);
    entry.set('text', update.text);
  });
}

/**
 * Moves an action to a status from the server's side (My actions, an answered
 * escalation), stamping or clearing when it closed as `completeActionLog`
 * does after a peer's change.
 */
export function moveActionTo(action: Y.Map<unknown>, status: ActionStatus, now = new Date()): void {
  if (action.get('status') === status) return;
  action.set('status', status);
  if (isClosedStatus(status) && action.get('closedAt') === null) action.set('closedAt', now.toISOString());
  if (!isClosedStatus(status)) action.set('closedAt', null);
}

/** The action log of a body; the server hands it out, clients never build it. */
export const actionLogDocName = (bodyId: number) => `actions.${bodyId}`;
export const ACTION_LOG_DOC_NAME = /^actions\.([1-9]\d{0,15})$/;

/**
 * The server's follow-up to an accepted change: numbers new actions in order
 * after the highest reference so far, dates them by its own clock, and stamps
 * or clears closing times.
 */
export function completeActionLog(doc: Y.Doc, prefix: string, now = new Date()): ((doc: Y.Doc) => void) | undefined {
  const unnumbered: Y.Map<unknown>[] = [];
  const closing: Y.Map<unknown>[] = [];
  const reopened: Y.Map<unknown>[] = [];
  let highest = 0;
  actionsOf(doc).forEach((action) => {
    const reference = action.get('reference');
    if (typeof reference === 'string') highest = Math.max(highest, Number(reference.split('-').at(-1)) || 0);
    else unnumbered.push(action);
    const closed = isClosedStatus(action.get('status') as ActionStatus);
    if (closed && action.get('closedAt') === null) closing.push(action);
    if (!closed && action.get('closedAt') !== null) reopened.push(action);
  });
  if (unnumbered.length + closing.length + reopened.length === 0) return undefined;
  unnumbered.sort((a, b) => String(a.get('createdAt')).localeCompare(String(b.get('createdAt'))) || String(a.get('id')).localeCompare(String(b.get('id'))));
  return () => {
    for (const action of unnumbered) {
      action.set('reference', `${prefix}-${String(++highest).padStart(4, '0')}`);
      action.set('createdAt', now.toISOString());
    }
    for (const action of closing) action.set('closedAt', now.toISOString());
    for (const action of reopened) action.set('closedAt', null);
  };
}
