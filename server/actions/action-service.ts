import { actionLogDocName, addProgress } from '../../shared/action-log-doc.js';
import { canSeeBodyDetails } from '../../shared/access.js';
import type { ActionHistoryResponse, ActionLogResponse, ActionSummary, BodySummary } from '../../shared/api.js';
import { canEditLiveDocuments, canManageMeetings } from '../../shared/roles.js';
import type { ActionFilters } from '../../shared/schemas.js';
import { recordAuditEvent } from '../audit/audit-log.js';
import type { Db } from '../db/database.js';
import { fileSlug } from '../http/download.js';
import { forbidden, notFound } from '../http/http-error.js';
import { findBody, listBodyMembers } from '../partnership/body-repository.js';
import type { DocumentRegistry } from '../realtime/document-registry.js';
import { actionLogCsv } from './action-csv.js';
import {
  countOwnedActions,
  findActionBody,
  findActionSummary,
  listActionEvents,
  listBodyActions,
  listOwnedActions,
} from './action-repository.js';

/** Action logs through the API; every call checks the caller's rights on the body. */
export function createActionService({ db, registry }: { db: Db; registry: DocumentRegistry }) {
  async function visibleBody(bodyId: number, userId: number): Promise<BodySummary> {
    const body = await findBody(db, bodyId, userId);
    if (!body) throw notFound('Body');
    if (!canSeeBodyDetails(body)) throw forbidden(`Only members of ${body.name} can see its actions`);
    return body;
  }

  async function visibleAction(actionId: string, userId: number): Promise<{ body: BodySummary; action: ActionSummary }> {
    const bodyId = await findActionBody(db, actionId);
    const action = await findActionSummary(db, actionId);
    if (bodyId === undefined || !action) throw notFound('Action');
    return { body: await visibleBody(bodyId, userId), action };
  }

  return {
    async bodyActions(bodyId: number, userId: number, filters: ActionFilters): Promise<ActionSummary[]> {
      await visibleBody(bodyId, userId);
      return listBodyActions(db, bodyId, filters);
    },

    async bodyActionsCsv(bodyId: number, userId: number, filters: ActionFilters): Promise<{ filename: string; csv: string }> {
      const body = await visibleBody(bodyId, userId);
      const today = new Date().toISOString().slice(0, 10);
      return { filename: `${fileSlug(body.shortName)}-actions-${today}.csv`, csv: actionLogCsv(await listBodyActions(db, bodyId, filters)) };
    },

    async actionLog(bodyId: number, userId: number): Promise<ActionLogResponse> {
      const body = await visibleBody(bodyId, userId);
      const members = await listBodyMembers(db, bodyId);
      const agencies = (await db.selectFrom('agencies').selectAll().orderBy('name').execute()).map((row) => ({
        id: row.id,
        name: row.name,
        shortName: row.short_name,
      }));
      const access = body.myRole === null ? 'none' : canEditLiveDocuments(body.myRole) ? 'edit' : 'read';
      return { docName: actionLogDocName(bodyId), access, members, agencies };
    },

    myActions: (userId: number) => listOwnedActions(db, userId),
    myActionCounts: (userId: number) => countOwnedActions(db, userId),

    /** An owner's progress update between meetings, written into the live log so anyone watching sees it. */
    async addProgress(actionId: string, userId: number, text: string): Promise<void> {
      const { body, action } = await visibleAction(actionId, userId);
      if (action.owner?.id !== userId && !canManageMeetings(body.myRole)) {
        throw forbidden('Only the action’s owner, or the chair, vice-chair or secretariat, can update its progress');
      }
      const docName = actionLogDocName(body.id);
      await registry.change(docName, (doc) => addProgress(doc, actionId, { authorId: userId, at: new Date().toISOString(), text }));
      await registry.flush(docName); // so lists fetched next already show it
      await recordAuditEvent(db, { actorUserId: userId, action: 'action.progress-added', subjectType: 'action', subjectId: actionId });
    },

    async history(actionId: string, userId: number): Promise<ActionHistoryResponse> {
      const { action } = await visibleAction(actionId, userId);
      const events = await listActionEvents(db, actionId);
      const userIds = [...new Set(events.flatMap((event) => JSON.parse(event.user_ids) as number[]))];
      const names = new Map(
        userIds.length === 0
          ? []
          : (await db.selectFrom('users').select(['id', 'name']).where('id', 'in', userIds).execute()).map((row) => [row.id, row.name]),
      );
      return {
        action,
        history: events.map((event) => ({
          at: event.at,
          by: (JSON.parse(event.user_ids) as number[]).map((id) => ({ id, name: names.get(id) ?? 'Unknown' })),
          field: event.field,
          from: event.old_value,
          to: event.new_value,
        })),
      };
    },
  };
}

export type ActionService = ReturnType<typeof createActionService>;
