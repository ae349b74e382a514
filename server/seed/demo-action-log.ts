import { addDays } from 'date-fns';
import * as Y from 'yjs';
import { actionsOf, addAction, addProgress, completeActionLog, readActions, type Action } from '../../shared/action-log-doc.js';
import { londonToday } from '../../shared/actions.js';

export interface DemoActionInput {
  title: string;
  ownerId: number;
  leadAgencyId: number;
  dueInDays: number | null;
  status: 'open' | 'in-progress' | 'done';
  theme: string;
  progress?: string;
}

/** A demo body's action log as one Yjs update, numbered and stamped as the server would. */
export function demoActionLog(prefix: string, inputs: readonly DemoActionInput[], now: Date): { update: Uint8Array; actions: Action[] } {
  const doc = new Y.Doc();
  inputs.forEach((input, index) => {
    const createdAt = addDays(now, -40 + index);
    const id = addAction(
      doc,
      {
        title: input.title,
        ownerId: input.ownerId,
        leadAgencyId: input.leadAgencyId,
        dueDate: input.dueInDays === null ? null : londonToday(addDays(now, input.dueInDays)),
        theme: input.theme,
      },
      undefined,
      createdAt,
    );
    actionsOf(doc).get(id)!.set('status', input.status);
    if (input.progress) addProgress(doc, id, { authorId: input.ownerId, at: addDays(now, -3).toISOString(), text: input.progress });
  });
  completeActionLog(doc, prefix, addDays(now, -1))?.(doc);
  const update = Y.encodeStateAsUpdate(doc);
  const actions = readActions(doc);
  doc.destroy();
  return { update, actions };
}
