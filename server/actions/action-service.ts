import { ACTION_LOG_LIMITS, actionLogDocName, actionsOf, addAction, addProgress, completeActionLog, moveActionTo } from '../../shared/action-log-doc.js';
import { ACTION_STATUS_LABELS, type ActionStatus } from '../../shared/actions.js';
import * as Y from 'yjs';
import type { ActionHistoryResponse, ActionLogResponse, ActionSummary, BodySummary } from '../../shared/api.js';
import { actionLogAccess, mayAddProgress, mayChangeStatus, mayRaiseAction, mayReadBody } from '../../shared/permissions.js';
import type { createActionRequest } from '../../shared/schemas.js';
import type * as z from 'zod';
import type { ActionFilters } from '../../shared/action-filters.js';
import { recordAuditEvent } from '../audit/audit-log.js';
import type { Db } from '../db/database.js';
import { fileSlug } from '../http/download.js';
import { HttpError, forbidden, notFound } from '../http/http-error.js';
import { findBody, listBodyMembers } from '../partnership/body-repository.js';
import { ServerChangeRefusedError } from '../realtime/document-kind.js';
import type { DocumentRegistry } from '../realtime/document-registry.js';
import { actionLogCsv } from './action-csv.js';
import { describeActionHistory } from './action-history.js';
import { priorityOptions } from '../priorities/priority-repository.js';
import { countOwnedActions, findActionSummary, listActionEvents, listBodyActions, listOwnedActions, listRunBodiesActions, referencePrefix } from './action-repository.js';

/** Action logs through the API; every call checks the caller's rights on the body with the rulebook. */
export function createActionService({ db, registry }: { db: Db; registry: DocumentRegistry }) {
  /** A body whose actions the caller may read; a confidential body answers non-members as a missing one does. */
  async function readableBody(bodyId: number, userId: number): Promise<BodySummary> {
    const body = await findBody(db, bodyId, userId);
    if (!body || !mayReadBody(body)) throw notFound('Body');
    return body;
  }

  /** Action ids are unique only within a body, so an action is always found through its body. */
  async function readableAction(bodyId: number, actionId: string, userId: number): Promise<{ body: BodySummary; action: ActionSummary }> {
    const body = await readableBody(bodyId, userId);
    const action = await findActionSummary(db, body.id, actionId);
    if (!action) throw notFound('Action');
    return { body, action };
  }

  return {
    async bodyActions(bodyId: number, userId: number, filters: ActionFilters): Promise<ActionSummary[]> {
      await readableBody(bodyId, userId);
      return listBodyActions(db, bodyId, filters);
    },

    async bodyActionsCsv(bodyId: number, userId: number, filters: ActionFilters): Promise<{ filename: string; csv: string }> {
      const body = await readableBody(bodyId, userId);
      const today = new Date().toISOString().slice(0, 10);
      return { filename: `${fileSlug(body.shortName)}-actions-${today}.csv`, csv: actionLogCsv(await listBodyActions(db, bodyId, filters)) };
    },

    async actionLog(bodyId: number, userId: number): Promise<ActionLogResponse> {
      const body = await readableBody(bodyId, userId);
      const members = await listBodyMembers(db, bodyId);
      const agencies = (await db.selectFrom('agencies').selectAll().orderBy('name').execute()).map((row) => ({
        id: row.id,
        name: row.name,
        shortName: row.short_name,
      }));
      return { docName: actionLogDocName(bodyId), access: actionLogAccess(body.myRole), members, agencies, priorities: await priorityOptions(db, bodyId) };
    },

    /**
     * An action raised outside a meeting, written into the live log as a live
     * edit would be and held to the same schema (owner a member, a known
     * agency, a priority routed to the body); numbered at once, as the
     * server's follow-up to a peer's new action does.
     */
    async raiseAction(bodyId: number, userId: number, request: z.output<typeof createActionRequest>): Promise<ActionSummary> {
      const body = await readableBody(bodyId, userId);
      if (!mayRaiseAction(body.myRole)) throw forbidden('Only members taking part in the body raise actions in its log');
      const docName = actionLogDocName(body.id);
      const prefix = await referencePrefix(db, body.id);
      const { description, ...fields } = request;
      let actionId = '';
      try {
        await registry.change(
          docName,
          (doc) => {
            actionId = addAction(doc, fields);
            if (description) (actionsOf(doc).get(actionId)!.get('description') as Y.Text).insert(0, description);
            completeActionLog(doc, prefix)?.(doc);
          },
          userId,
        );
      } catch (error) {
        if (!(error instanceof ServerChangeRefusedError)) throw error;
        // Paths name the new action's id, which the caller never saw: say only which field.
        const issues = error.issues.map((issue) => ({ path: issue.path.split('.').slice(2).join('.'), message: issue.message }));
        const message = issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; ');
        throw new HttpError(400, 'validation_failed', `The action was refused: ${message}`, { issues });
      }
      await registry.flush(docName); // so it reads back, and lists fetched next show it
      const action = await findActionSummary(db, body.id, actionId);
      if (!action) throw new Error(`raised action ${actionId} was not mirrored into ${docName}`);
      await recordAuditEvent(db, { actorUserId: userId, action: 'action.raised', subjectType: 'action', subjectId: `${body.id}/${actionId}`, details: { reference: action.reference } });
      return action;
    },

    myActions: (userId: number) => listOwnedActions(db, userId),
    myActionCounts: (userId: number) => countOwnedActions(db, userId),
    /** For chair, vice-chair and secretariat: the outstanding actions of the bodies they run. */
    runBodiesActions: (userId: number) => listRunBodiesActions(db, userId),

    /**
     * A status change from outside the live log (My actions), written into it
     * so anyone watching sees it. Judged on the action as the live log has it,
     * not on the projection, which may be a moment behind.
     */
    async changeStatus(bodyId: number, actionId: string, userId: number, status: ActionStatus): Promise<void> {
      const { body } = await readableAction(bodyId, actionId, userId);
      const docName = actionLogDocName(body.id);
      try {
        await registry.change(
          docName,
          (doc) => {
            const map = actionsOf(doc).get(actionId);
            if (!(map instanceof Y.Map)) throw notFound('Action');
            const from = map.get('status') as ActionStatus;
            if (!mayChangeStatus(from, status, { role: body.myRole, isOwner: map.get('ownerId') === userId })) {
              throw forbidden(`You may not move this action from ${ACTION_STATUS_LABELS[from]} to ${ACTION_STATUS_LABELS[status]}`);
            }
            moveActionTo(map, status);
          },
          userId,
        );
      } catch (error) {
        if (!(error instanceof ServerChangeRefusedError)) throw error;
        throw new HttpError(409, 'conflict', `The status change was refused: ${error.message}`);
      }
      await registry.flush(docName); // so lists fetched next already show it
      await recordAuditEvent(db, { actorUserId: userId, action: 'action.status-changed', subjectType: 'action', subjectId: `${body.id}/${actionId}`, details: { status } });
    },

    /** A progress update between meetings, written into the live log so anyone watching sees it. */
    async addProgress(bodyId: number, actionId: string, userId: number, text: string): Promise<void> {
      const { body, action } = await readableAction(bodyId, actionId, userId);
      if (!mayAddProgress({ role: body.myRole, isOwner: action.owner?.id === userId }, action.status)) {
        throw forbidden('Only the action’s owner, or the chair, vice-chair or secretariat, can update the progress of an outstanding action');
      }
      const docName = actionLogDocName(body.id);
      try {
        await registry.change(docName, (doc) => addProgress(doc, actionId, { authorId: userId, at: new Date().toISOString(), text }), userId);
      } catch (error) {
        if (!(error instanceof ServerChangeRefusedError)) throw error;
        const full = error.issues.some((issue) => issue.path.endsWith('.progress'));
        throw new HttpError(409, 'conflict', full ? `This action already has the most progress updates it can hold (${ACTION_LOG_LIMITS.progressEntries})` : `The progress update was refused: ${error.message}`);
      }
      await registry.flush(docName); // so lists fetched next already show it
      await recordAuditEvent(db, { actorUserId: userId, action: 'action.progress-added', subjectType: 'action', subjectId: `${body.id}/${actionId}` });
    },

    async history(bodyId: number, actionId: string, userId: number): Promise<ActionHistoryResponse> {
      const { body, action } = await readableAction(bodyId, actionId, userId);
      return { action, history: await describeActionHistory(db, await listActionEvents(db, body.id, actionId)) };
    },
  };
}

export type ActionService = ReturnType<typeof createActionService>;
