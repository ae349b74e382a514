/**
 * Action logs: a body's live log (table, detail, new-action form), My
 * actions, and the pieces a meeting embeds (raising an action from the
 * minutes, the outstanding actions under Matters arising).
 */
import './action-log-page.js';
import './my-actions-page.js';
import './new-action-form.js';
import './outstanding-actions.js';

export { ActionLogSession, type ActionLogSessionOptions } from './action-log-session.js';
export type { ActionAdded, NewActionForm } from './new-action-form.js';
export { ActionLogStore, type ActionLogSnapshot, type LogUser } from './action-log-store.js';
