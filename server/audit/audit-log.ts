import type { Db } from '../db/database.js';

export interface AuditEvent {
  actorUserId: number | null;
  /** What happened, as `subject.verb`: `session.created`, `meeting.started`. */
  action: string;
  subjectType: string;
  subjectId?: string | number | null;
  details?: Record<string, unknown>;
}

/** Appends to the audit log; the table's triggers refuse updates and deletes. */
export async function recordAuditEvent(db: Db, event: AuditEvent, at = new Date()): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      at: at.toISOString(),
      actor_user_id: event.actorUserId,
      action: event.action,
      subject_type: event.subjectType,
      subject_id: event.subjectId === undefined || event.subjectId === null ? null : String(event.subjectId),
      details: JSON.stringify(event.details ?? {}),
    })
    .execute();
}
