import type * as Y from 'yjs';
import { ACTION_LOG_DOC_NAME, ACTION_LOG_LIMITS, completeActionLog, readActions, validateActionLog, type ActionLogRules } from '../../shared/action-log-doc.js';
import { lengthOnceTyped, type DocIssue, type UnappliedTyping } from '../../shared/doc-validation.js';
import { captureActionLog, refusedActionLogChanges, refusedDescriptionTyping, type ActionLogBefore } from '../../shared/action-log-rules.js';
import { actionLogAccess } from '../../shared/permissions.js';
import type { Role } from '../../shared/roles.js';
import type { Db } from '../db/database.js';
import { listMeetingIds, listMemberIds } from '../meetings/meeting-repository.js';
import { findBody } from '../partnership/body-repository.js';
import { receivedPriorityIds } from '../priorities/priority-repository.js';
import { RefusalError, type DocumentKind } from '../realtime/document-kind.js';
import { changedOnlyTexts } from '../realtime/peer-update.js';
import { notAMember } from '../realtime/refusals.js';
import { getCurrentUser } from '../users/user-repository.js';
import type { LiveNotices } from '../live/live-notices.js';
import { projectActionLog, type ActionLogChanges } from './action-projection.js';
import { listAgencyIds, referencePrefix } from './action-repository.js';

export interface ActionLogContext {
  bodyId: number;
  userId: number;
  role: Role;
  prefix: string;
  memberIds: ReadonlySet<number>;
  agencyIds: ReadonlySet<number>;
  priorityIds: ReadonlySet<number>;
  meetingIds: ReadonlySet<number>;
}

export function bodyIdOfActionLog(docName: string): number {
  const match = ACTION_LOG_DOC_NAME.exec(docName);
  if (!match) throw new Error(`not an action log: ${docName}`);
  return Number(match[1]);
}

const NO_SUCH_LOG = 'There is no such action log';

function typingIssues(texts: Y.Text[], context: ActionLogContext, unapplied?: UnappliedTyping): DocIssue[] {
  const tooLong = texts
    .filter((text) => lengthOnceTyped(text, unapplied) > ACTION_LOG_LIMITS.descriptionLength)
    .map(() => ({ path: 'actions.description', message: `is longer than ${ACTION_LOG_LIMITS.descriptionLength} characters` }));
  return [...tooLong, ...refusedDescriptionTyping(texts, context)];
}

/**
 * Action logs: each body's members open its log (observers read only); every
 * update keeps the schema and, field by field, the rules of who may change
 * what (`shared/action-log-rules.ts`); the server numbers and dates new
 * actions and stamps closing times; the log is mirrored into SQL.
 */
export function actionLogDocuments({ db, notices }: { db: Db; notices: LiveNotices }): DocumentKind<ActionLogContext, ActionLogBefore> {
  const schemaRules = async (bodyId: number): Promise<ActionLogRules> => ({
    memberIds: await listMemberIds(db, bodyId),
    agencyIds: await listAgencyIds(db),
    priorityIds: await receivedPriorityIds(db, bodyId),
  });

  return {
    owns: (docName) => ACTION_LOG_DOC_NAME.test(docName),

    async authorize({ docName, userId }) {
      const body = await findBody(db, bodyIdOfActionLog(docName), userId);
      const user = await getCurrentUser(db, userId);
      if (!body || !user) throw new RefusalError({ code: 'not_found', message: NO_SUCH_LOG });
      const access = actionLogAccess(body.myRole);
      if (access === 'none' || body.myRole === null) throw notAMember(body, 'action log', NO_SUCH_LOG);
      return {
        access,
        user: { id: user.id, name: user.name, agency: user.agency.shortName },
        context: {
          bodyId: body.id,
          userId,
          role: body.myRole,
          prefix: await referencePrefix(db, body.id),
          ...(await schemaRules(body.id)),
          meetingIds: await listMeetingIds(db, body.id),
        },
      };
    },

    capture: ({ doc }) => captureActionLog(doc),

    validate({ doc, before, context, changed }) {
      // Typing in a description: the structure is as valid as it was.
      if (changedOnlyTexts(changed)) return typingIssues([...changed] as Y.Text[], context);
      const issues = validateActionLog(doc, context);
      if (issues.length > 0) return issues;
      return refusedActionLogChanges(doc, before, changed, context);
    },

    validateTyping: ({ context, typing }) => typingIssues([typing.text], context, typing),

    complete: ({ doc, context }) => completeActionLog(doc, context.prefix),

    check: async ({ docName, doc }) => validateActionLog(doc, await schemaRules(bodyIdOfActionLog(docName))),

    async project({ docName, doc, editorIds }) {
      const bodyId = bodyIdOfActionLog(docName);
      const changes = await projectActionLog(db, bodyId, readActions(doc), editorIds);
      if (changes.changed) notices.bodyChanged(bodyId, 'actions');
      for (const priorityId of changes.priorityIds) notices.priorityChanged(priorityId);
      await tellNewOwners(db, notices, bodyId, changes.assigned, editorIds);
    },
  };
}

/** "Action assigned to you", to each new owner who did not give it to themselves. */
async function tellNewOwners(db: Db, notices: LiveNotices, bodyId: number, assigned: ActionLogChanges['assigned'], editorIds: readonly number[]) {
  if (assigned.length === 0) return;
  const body = await db.selectFrom('bodies').select('name').where('id', '=', bodyId).executeTakeFirst();
  for (const action of assigned) {
    if (editorIds.length === 1 && editorIds[0] === action.ownerId) continue;
    await notices.notify([action.ownerId], {
      kind: 'action-assigned',
      bodyId,
      title: `Action assigned to you: ${action.reference ? `${action.reference} ` : ''}${action.title}`,
      detail: `In the action log of ${body?.name ?? 'a body you sit on'}`,
      link: '/my-actions',
    });
  }
}
