import * as Y from 'yjs';
import {
  ACTION_LOG_DOC_NAME,
  ACTION_LOG_LIMITS,
  captureGuarded,
  completeActionLog,
  readActions,
  refusedActionChanges,
  validateActionLog,
  type GuardedActions,
} from '../../shared/action-log-doc.js';
import { canEditLiveDocuments, type Role } from '../../shared/roles.js';
import type { Db } from '../db/database.js';
import { listMemberIds } from '../meetings/meeting-repository.js';
import { findBody } from '../partnership/body-repository.js';
import { RefusalError, type DocumentKind } from '../realtime/document-kind.js';
import { getCurrentUser } from '../users/user-repository.js';
import { projectActionLog } from './action-projection.js';
import { listAgencyIds, referencePrefix } from './action-repository.js';

export interface ActionLogContext {
  bodyId: number;
  userId: number;
  role: Role;
  prefix: string;
  memberIds: ReadonlySet<number>;
  agencyIds: ReadonlySet<number>;
}

export function bodyIdOfActionLog(docName: string): number {
  const match = ACTION_LOG_DOC_NAME.exec(docName);
  if (!match) throw new Error(`not an action log: ${docName}`);
  return Number(match[1]);
}

/**
 * Action logs: each body's members open its log (observers read only); every
 * update keeps the schema and the status rules; the server numbers new
 * actions and stamps closing times; the log is mirrored into SQL.
 */
export function actionLogDocuments({ db }: { db: Db }): DocumentKind<ActionLogContext, GuardedActions> {
  return {
    owns: (docName) => ACTION_LOG_DOC_NAME.test(docName),

    async authorize({ docName, userId }) {
      const body = await findBody(db, bodyIdOfActionLog(docName), userId);
      const user = await getCurrentUser(db, userId);
      if (!body || !user) throw new RefusalError({ code: 'not_found', message: 'There is no such action log' });
      if (body.myRole === null) throw new RefusalError({ code: 'forbidden', message: `Only members of ${body.name} can open its action log` });
      return {
        access: canEditLiveDocuments(body.myRole) ? 'edit' : 'read',
        user: { id: user.id, name: user.name, agency: user.agency.shortName },
        context: {
          bodyId: body.id,
          userId,
          role: body.myRole,
          prefix: await referencePrefix(db, body.id),
          memberIds: await listMemberIds(db, body.id),
          agencyIds: await listAgencyIds(db),
        },
      };
    },

    capture: ({ doc }) => captureGuarded(doc),

    validate({ doc, before, context, changed }) {
      const texts = [...changed];
      if (texts.length > 0 && texts.every((type) => type instanceof Y.Text)) {
        // Typing in a description: the structure is as valid as it was.
        return texts
          .filter((text) => (text as Y.Text).length > ACTION_LOG_LIMITS.descriptionLength)
          .map(() => ({ path: 'actions.description', message: `is longer than ${ACTION_LOG_LIMITS.descriptionLength} characters` }));
      }
      const issues = validateActionLog(doc, context);
      if (issues.length > 0) return issues;
      return refusedActionChanges(before, captureGuarded(doc), context);
    },

    complete: ({ doc, context }) => completeActionLog(doc, context.prefix),

    project: ({ docName, doc, editorIds }) => projectActionLog(db, bodyIdOfActionLog(docName), readActions(doc), editorIds),
  };
}
