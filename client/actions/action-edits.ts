/**
 * Every change the action log views make to a body's action log document, in
 * the users' terms. Each is checked with the document's own schemas and the
 * rulebook (shared/action-log-doc.ts, shared/permissions.ts) before anything
 * is written, so the server never has cause to refuse it.
 */
import * as Y from 'yjs';
import {
  ACTION_LOG_LIMITS,
  actionFields,
  actionsOf,
  addAction,
  readAction,
  type Action,
  type ActionFields,
} from '../../shared/action-log-doc.js';
import { ACTION_STATUSES, ACTION_STATUS_LABELS, RAGS, type ActionStatus, type Rag } from '../../shared/actions.js';
import {
  mayAddProgress as rulebookMayAddProgress,
  mayChangeStatus,
  mayEditActionDetails,
  mayLinkActionToPriority,
  mayOverrideRag,
  mayReassignAction,
} from '../../shared/permissions.js';
import type { Role } from '../../shared/roles.js';
import { InvalidEdit } from '../live/index.js';

export { InvalidEdit };

/** Plain fields anyone who edits the log may change from the table or the detail. */
export const EDITABLE_FIELDS = ['title', 'ownerId', 'leadAgencyId', 'dueDate', 'theme', 'resources', 'outcomeMeasure'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

export interface Editor {
  role: Role;
  userId: number;
}

/** Who may own actions, which agencies may lead them and which priorities they may serve: the choices the server accepts. */
export interface ActionChoices {
  memberIds: ReadonlySet<number>;
  agencyIds: ReadonlySet<number>;
  /** The priorities routed to the body; when absent, any priority id is let through for the server to judge. */
  priorityIds?: ReadonlySet<number>;
}

const FIELD_MESSAGES: Partial<Record<EditableField, string>> = {
  title: `Give the action a title of up to ${ACTION_LOG_LIMITS.titleLength} characters`,
  dueDate: 'Enter a real date, for example 22/11/2026',
  theme: `A theme can be up to ${ACTION_LOG_LIMITS.themeLength} characters`,
  resources: `Resources can be up to ${ACTION_LOG_LIMITS.resourcesLength} characters`,
  outcomeMeasure: `An outcome measure can be up to ${ACTION_LOG_LIMITS.outcomeLength} characters`,
};

/** The message for a value the rules would refuse, or undefined if it is fine. */
export function fieldProblem<F extends EditableField>(field: F, value: ActionFields[F], choices?: ActionChoices): string | undefined {
  if (field === 'title' && String(value).trim() === '') return 'Give the action a title';
  const result = actionFields.shape[field].safeParse(field === 'title' ? String(value).trim() : value);
  if (!result.success) return FIELD_MESSAGES[field] ?? result.error.issues[0]?.message ?? 'This is not valid';
  if (field === 'ownerId' && value !== null && choices && !choices.memberIds.has(value as number)) {
    return 'The owner must be a member of this body';
  }
  if (field === 'leadAgencyId' && value !== null && choices && !choices.agencyIds.has(value as number)) {
    return 'Choose an agency from the list';
  }
  return undefined;
}

function actionMap(doc: Y.Doc, actionId: string): Y.Map<unknown> {
  const map = actionsOf(doc).get(actionId);
  if (!(map instanceof Y.Map)) throw new InvalidEdit('That action is no longer in the log');
  return map;
}

export function findAction(doc: Y.Doc, actionId: string): Action | undefined {
  const map = actionsOf(doc).get(actionId);
  return map instanceof Y.Map ? readAction(map) : undefined;
}

/** Whether this editor may change a field of the action as it stands: the server's rules, asked in advance. */
export function mayEditField(action: Pick<Action, 'status' | 'ownerId'>, field: EditableField | 'description', { role, userId }: Editor): boolean {
  if (field === 'ownerId') return mayReassignAction({ role, isOwner: action.ownerId === userId }, action.status);
  return mayEditActionDetails(role, action.status);
}

/** Sets one plain field, trimming the title; does nothing if the value is unchanged. */
export function setActionField<F extends EditableField>(
  doc: Y.Doc,
  actionId: string,
  field: F,
  value: ActionFields[F],
  editor: Editor,
  choices?: ActionChoices,
): void {
  const problem = fieldProblem(field, value, choices);
  if (problem) throw new InvalidEdit(problem);
  const action = findAction(doc, actionId);
  if (!action) throw new InvalidEdit('That action is no longer in the log');
  if (!mayEditField(action, field, editor)) {
    throw new InvalidEdit(field === 'ownerId' ? 'Only the owner, or the chair, vice-chair or secretariat, can give this action to someone else' : 'Reopen this action before changing it');
  }
  const map = actionMap(doc, actionId);
  const stored = field === 'title' ? String(value).trim() : value;
  if (map.get(field) !== stored) map.set(field, stored);
}

/** The statuses this editor may move the action to, its current one first. */
export function statusChoices(action: Pick<Action, 'status' | 'ownerId'>, { role, userId }: Editor): ActionStatus[] {
  const changer = { role, isOwner: action.ownerId === userId };
  return [action.status, ...ACTION_STATUSES.filter((status) => status !== action.status && mayChangeStatus(action.status, status, changer))];
}

export function setStatus(doc: Y.Doc, actionId: string, status: ActionStatus, editor: Editor): void {
  const action = findAction(doc, actionId);
  if (!action) throw new InvalidEdit('That action is no longer in the log');
  if (!statusChoices(action, editor).includes(status)) {
    throw new InvalidEdit(`You may not move this action from ${ACTION_STATUS_LABELS[action.status]} to ${ACTION_STATUS_LABELS[status]}`);
  }
  if (action.status !== status) actionMap(doc, actionId).set('status', status);
}

export { mayOverrideRag };

/** The message for a priority the action may not serve, or undefined if it may (null serves none). */
export function priorityProblem(priorityId: number | null, priorityIds?: ReadonlySet<number>): string | undefined {
  if (priorityId === null) return undefined;
  const routed = actionFields.shape.priorityId.safeParse(priorityId).success && (!priorityIds || priorityIds.has(priorityId));
  return routed ? undefined : 'Choose a priority routed to this body';
}

/** Whether this editor may link the action, as it stands, to a priority or unlink it. */
export function mayLinkToPriority(action: Pick<Action, 'status'>, { role }: Editor): boolean {
  return mayLinkActionToPriority(role, action.status);
}

/** Links the action to a priority routed to its body, or (with null) to none; does nothing if unchanged. */
export function setActionPriority(doc: Y.Doc, actionId: string, priorityId: number | null, editor: Editor, priorityIds?: ReadonlySet<number>): void {
  const problem = priorityProblem(priorityId, priorityIds);
  if (problem) throw new InvalidEdit(problem);
  const action = findAction(doc, actionId);
  if (!action) throw new InvalidEdit('That action is no longer in the log');
  if (!mayLinkToPriority(action, editor)) throw new InvalidEdit('Reopen this action before changing it');
  if (action.priorityId !== priorityId) actionMap(doc, actionId).set('priorityId', priorityId);
}

export function ragOverrideProblem(rag: Rag | null, reason: string): string | undefined {
  if (rag !== null && !RAGS.includes(rag)) return 'Choose red, amber or green';
  if (rag !== null && reason.trim() === '') return 'Give a reason for overriding the RAG status';
  if (reason.trim().length > ACTION_LOG_LIMITS.ragReasonLength) return `A reason can be up to ${ACTION_LOG_LIMITS.ragReasonLength} characters`;
  return undefined;
}

/** Sets or (with null) clears the chair's RAG override. */
export function setRagOverride(doc: Y.Doc, actionId: string, rag: Rag | null, reason: string, role: Role | null): void {
  if (!mayOverrideRag(role)) throw new InvalidEdit('Only the chair or vice-chair can override the RAG status');
  const problem = ragOverrideProblem(rag, reason);
  if (problem) throw new InvalidEdit(problem);
  const map = actionMap(doc, actionId);
  doc.transact(() => {
    map.set('ragOverride', rag);
    map.set('ragOverrideReason', rag === null ? '' : reason.trim());
  });
}

export interface NewActionFields {
  title: string;
  ownerId: number | null;
  leadAgencyId: number | null;
  dueDate: string | null;
  theme: string;
  /** The priority routed to the body that the action serves. */
  priorityId?: number | null;
  sourceMeetingId?: number | null;
  sourceItemId?: string | null;
}

/** The first problem with a new action, by field, or undefined if it may be added. */
export function newActionProblem(
  action: NewActionFields,
  choices?: ActionChoices,
): { field: 'title' | 'ownerId' | 'leadAgencyId' | 'dueDate' | 'theme' | 'priorityId'; message: string } | undefined {
  for (const field of ['title', 'ownerId', 'leadAgencyId', 'dueDate', 'theme'] as const) {
    const message = fieldProblem(field, action[field], choices);
    if (message) return { field, message };
  }
  const message = priorityProblem(action.priorityId ?? null, choices?.priorityIds);
  return message ? { field: 'priorityId', message } : undefined;
}

/** Adds an open action to the log (the server numbers it); returns its id. */
export function raiseAction(doc: Y.Doc, action: NewActionFields, choices?: ActionChoices): string {
  const problem = newActionProblem(action, choices);
  if (problem) throw new InvalidEdit(problem.message);
  if (actionsOf(doc).size >= ACTION_LOG_LIMITS.actions) throw new InvalidEdit(`An action log can hold up to ${ACTION_LOG_LIMITS.actions} actions`);
  return addAction(doc, { ...action, title: action.title.trim(), theme: action.theme.trim() });
}

/** The action's description text, or null if the action has gone. */
export function descriptionTextOf(doc: Y.Doc, actionId: string): Y.Text | null {
  const description = actionsOf(doc).get(actionId)?.get('description');
  return description instanceof Y.Text ? description : null;
}

/** Only the owner, or those running the body, add progress to an outstanding action (the server checks too). */
export function mayAddProgress(action: Pick<Action, 'ownerId' | 'status'>, { role, userId }: Editor): boolean {
  return rulebookMayAddProgress({ role, isOwner: action.ownerId === userId }, action.status);
}
