/**
 * A body's live action log: the generic live session, with the action log's
 * words in its refusals and the `editingAction` presence field the table uses.
 */
import { LiveSession, type LiveSessionOptions } from '../live/index.js';

export type ActionLogSessionOptions = Omit<LiveSessionOptions, 'noun' | 'initialPresence'>;

export class ActionLogSession extends LiveSession {
  constructor(options: ActionLogSessionOptions) {
    super({ ...options, noun: 'action log', initialPresence: { editingAction: null } });
  }
}
