import * as Y from 'yjs';
import { ACTION_LOG_LIMITS, actionLogDocName, actionsOf, addProgress } from '../../shared/action-log-doc.js';
import type { AppDeps } from '../app-deps.js';
import { HttpError } from '../http/http-error.js';
import { ServerChangeRefusedError } from '../realtime/document-kind.js';
import { cutTo } from './escalation-text.js';

/**
 * A change to a body's live action log made for an escalation, stored before
 * anything is written to SQL: if the log's schema refuses it the request is
 * answered 409 and nothing else changes. Waits until the SQL mirror shows it.
 */
export async function changeActionLog({ registry }: AppDeps, bodyId: number, mutate: (doc: Y.Doc) => void, userId: number): Promise<void> {
  const docName = actionLogDocName(bodyId);
  try {
    await registry.change(docName, mutate, userId);
  } catch (error) {
    if (!(error instanceof ServerChangeRefusedError)) throw error;
    throw new HttpError(409, 'conflict', `The action log refused the change: ${error.message}`);
  }
  await registry.flush(docName);
}

/** The action's live map, or undefined when it has been removed from the log. */
export function liveAction(doc: Y.Doc, actionId: string): Y.Map<unknown> | undefined {
  const map = actionsOf(doc).get(actionId);
  return map instanceof Y.Map ? map : undefined;
}

/** A progress entry saying what the tier above did with it, cut to the log's limit. */
export function addAnswerProgress(doc: Y.Doc, actionId: string, authorId: number, text: string): void {
  addProgress(doc, actionId, { authorId, at: new Date().toISOString(), text: cutTo(text, ACTION_LOG_LIMITS.progressLength) });
}
