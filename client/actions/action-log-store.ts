/**
 * A body's action log as the views use it: snapshots of the actions (read
 * once per change to the document, not once per render), the edits in the
 * users' terms, each checked against the rulebook before it is written, and
 * `subscribe` for whoever shows it. Knows nothing of Lit or the DOM.
 */
import * as Y from 'yjs';
import { ACTION_LOG_LIMITS, addProgress, readActions, type Action, type ActionFields } from '../../shared/action-log-doc.js';
import type { ActionStatus, Rag } from '../../shared/actions.js';
import type { Agency, BodyMember } from '../../shared/api.js';
import { mayOverrideRag } from '../../shared/permissions.js';
import type { Role } from '../../shared/roles.js';
import {
  InvalidEdit,
  descriptionTextOf,
  mayAddProgress,
  mayEditField,
  mayLinkToPriority,
  raiseAction,
  setActionField,
  setActionPriority,
  setRagOverride,
  setStatus,
  statusChoices,
  type ActionChoices,
  type EditableField,
  type Editor,
  type NewActionFields,
} from './action-edits.js';
import { actionRows, type ActionRow } from './action-table.js';

/** Who is using the log in this browser; a null role is someone who is not a member. */
export interface LogUser {
  role: Role | null;
  userId: number;
}

export interface ActionLogSnapshot {
  /** Every action, as `readActions` reads them. */
  readonly actions: readonly Action[];
  readonly byId: ReadonlyMap<string, Action>;
}

type Listener = () => void;

const stores = new WeakMap<Y.Doc, ActionLogStore>();

export class ActionLogStore {
  /** The one store of a document, so every view of it shares one snapshot; `user`, if given, becomes its user. */
  static of(doc: Y.Doc, user?: LogUser): ActionLogStore {
    let store = stores.get(doc);
    if (!store) {
      store = new ActionLogStore(doc, user);
      stores.set(doc, store);
    } else if (user) {
      store.setUser(user);
    }
    return store;
  }

  private _user: LogUser | null;
  private _snapshot: ActionLogSnapshot | null = null;
  private _rows: { snapshot: ActionLogSnapshot; members: readonly BodyMember[]; agencies: readonly Agency[]; today: string; rows: ActionRow[] } | null = null;
  private readonly _listeners = new Set<Listener>();

  constructor(
    private readonly doc: Y.Doc,
    user?: LogUser,
  ) {
    this._user = user ?? null;
    doc.on('afterTransaction', this._onAfterTransaction);
  }

  /** Stops following the document (a store made with `of` lives as long as its document). */
  destroy(): void {
    this.doc.off('afterTransaction', this._onAfterTransaction);
    this._listeners.clear();
  }

  get user(): LogUser | null {
    return this._user;
  }

  /** The user as the rulebook sees an editor, or null if they are not a member. */
  get editor(): Editor | null {
    return this._user && this._user.role !== null ? { role: this._user.role, userId: this._user.userId } : null;
  }

  setUser(user: LogUser): void {
    if (this._user?.role === user.role && this._user.userId === user.userId) return;
    this._user = user;
    this._notify();
  }

  /** Calls the listener after every change to the log; returns the way to stop. */
  subscribe(listener: Listener): () => void {
    this._listeners.add(listener);
    return () => this._listeners.delete(listener);
  }

  snapshot(): ActionLogSnapshot {
    if (!this._snapshot) {
      const actions = readActions(this.doc);
      this._snapshot = { actions, byId: new Map(actions.map((action) => [action.id, action])) };
    }
    return this._snapshot;
  }

  action(actionId: string): Action | undefined {
    return this.snapshot().byId.get(actionId);
  }

  /** The table's rows: the same array until the log, the members, the agencies or the day change. */
  rows(members: readonly BodyMember[], agencies: readonly Agency[], today: string): ActionRow[] {
    const snapshot = this.snapshot();
    const cached = this._rows;
    if (cached && cached.snapshot === snapshot && cached.members === members && cached.agencies === agencies && cached.today === today) return cached.rows;
    const rows = actionRows(snapshot.actions, members, agencies, today);
    this._rows = { snapshot, members, agencies, today, rows };
    return rows;
  }

  // ── What the user may do ──────────────────────────────────────────────

  mayEditField(action: Pick<Action, 'status' | 'ownerId'>, field: EditableField | 'description'): boolean {
    const editor = this.editor;
    return editor !== null && editor.role !== 'observer' && mayEditField(action, field, editor);
  }

  /** The statuses the user may move the action to, its current one first. */
  statusChoices(action: Pick<Action, 'status' | 'ownerId'>): ActionStatus[] {
    const editor = this.editor;
    return editor ? statusChoices(action, editor) : [action.status];
  }

  mayChangeStatus(action: Pick<Action, 'status' | 'ownerId'>): boolean {
    return this.statusChoices(action).length > 1;
  }

  mayOverrideRag(): boolean {
    return mayOverrideRag(this.editor?.role ?? null);
  }

  mayAddProgress(action: Pick<Action, 'status' | 'ownerId'>): boolean {
    const editor = this.editor;
    return editor !== null && mayAddProgress(action, editor);
  }

  mayLinkToPriority(action: Pick<Action, 'status'>): boolean {
    const editor = this.editor;
    return editor !== null && mayLinkToPriority(action, editor);
  }

  // ── Edits ─────────────────────────────────────────────────────────────

  private _editorOrRefuse(): Editor {
    const editor = this.editor;
    if (!editor) throw new InvalidEdit('Only members of this body can change its action log');
    return editor;
  }

  /** Adds an open action (the server numbers it); returns its id. */
  raiseAction(action: NewActionFields, choices?: ActionChoices): string {
    return raiseAction(this.doc, action, choices);
  }

  setField<F extends EditableField>(actionId: string, field: F, value: ActionFields[F], choices?: ActionChoices): void {
    setActionField(this.doc, actionId, field, value, this._editorOrRefuse(), choices);
  }

  /** Links the action to one of the priorities routed to the body (`priorityIds`), or (with null) to none. */
  setPriority(actionId: string, priorityId: number | null, priorityIds?: ReadonlySet<number>): void {
    setActionPriority(this.doc, actionId, priorityId, this._editorOrRefuse(), priorityIds);
  }

  setStatus(actionId: string, status: ActionStatus): void {
    setStatus(this.doc, actionId, status, this._editorOrRefuse());
  }

  /** Sets or (with null) clears the chair's RAG override. */
  setRagOverride(actionId: string, rag: Rag | null, reason: string): void {
    setRagOverride(this.doc, actionId, rag, reason, this.editor?.role ?? null);
  }

  /** A progress update in the user's name, written into the live log. */
  addProgress(actionId: string, text: string, now = new Date()): void {
    const editor = this._editorOrRefuse();
    const action = this.action(actionId);
    if (!action) throw new InvalidEdit('That action is no longer in the log');
    if (!mayAddProgress(action, editor)) {
      throw new InvalidEdit('Only the action’s owner, or the chair, vice-chair or secretariat, can update the progress of an outstanding action');
    }
    const trimmed = text.trim();
    if (trimmed === '') throw new InvalidEdit('Write the progress update');
    if (trimmed.length > ACTION_LOG_LIMITS.progressLength) throw new InvalidEdit(`A progress update can be up to ${ACTION_LOG_LIMITS.progressLength} characters`);
    if (action.progress.length >= ACTION_LOG_LIMITS.progressEntries) {
      throw new InvalidEdit(`This action already has the most progress updates it can hold (${ACTION_LOG_LIMITS.progressEntries})`);
    }
    addProgress(this.doc, actionId, { authorId: editor.userId, at: now.toISOString(), text: trimmed });
  }

  /** The action's co-edited description, for a text binding; null if the action has gone. */
  descriptionText(actionId: string): Y.Text | null {
    return descriptionTextOf(this.doc, actionId);
  }

  private readonly _onAfterTransaction = (transaction: Y.Transaction) => {
    // A transaction that changed nothing (an empty sync step, say) keeps the snapshot.
    if (transaction.changed.size === 0 && transaction.deleteSet.clients.size === 0) return;
    this._snapshot = null;
    this._notify();
  };

  private _notify(): void {
    for (const listener of [...this._listeners]) listener();
  }
}
