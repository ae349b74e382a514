/**
 * Reads a body's action log document for the lines raised actions leave in
 * the minutes. A stop-gap until the action log has its own store, which can
 * stand in for it directly (it has the same two calls).
 */
import * as Y from 'yjs';
import { actionsOf, readAction } from '../../shared/action-log-doc.js';
import type { ActionLookup } from './raised-action-line.js';

export function actionLookupOf(doc: Y.Doc): ActionLookup {
  return {
    action(actionId) {
      const map = actionsOf(doc).get(actionId);
      return map instanceof Y.Map ? readAction(map) : undefined;
    },
    subscribe(listener) {
      const onChange = () => listener();
      actionsOf(doc).observeDeep(onChange);
      return () => actionsOf(doc).unobserveDeep(onChange);
    },
  };
}
