/**
 * Confirming minutes as a correct record: at a later meeting of the body,
 * live now, on a motion moved (and perhaps seconded) by members who take
 * part; the resolution is written into that meeting's own minutes.
 */
import * as Y from 'yjs';
import type { BodyMember } from '../../shared/api.js';
import { councilDate } from '../../shared/council-minutes.js';
import { addAgendaItem, agendaOf, newId } from '../../shared/meeting-doc.js';
import { meetingDocName } from '../../shared/meetings.js';
import { mayMoveMinutes } from '../../shared/permissions.js';
import { compareRoles } from '../../shared/roles.js';
import type { Db } from '../db/database.js';
import { ServerChangeRefusedError } from '../realtime/document-kind.js';
import type { DocumentRegistry } from '../realtime/document-registry.js';

export interface ConfirmingMeeting {
  id: number;
  title: string;
  startsAt: string;
}

/** The body's meeting that is live now and started after this one: where its minutes are confirmed. */
export async function findConfirmingMeeting(db: Db, meeting: { bodyId: number; startsAt: string }): Promise<ConfirmingMeeting | undefined> {
  const row = await db
    .selectFrom('meetings')
    .select(['id', 'title', 'starts_at'])
    .where('body_id', '=', meeting.bodyId)
    .where('status', '=', 'live')
    .where('starts_at', '>', meeting.startsAt)
    .orderBy('starts_at')
    .orderBy('id')
    .executeTakeFirst();
  return row && { id: row.id, title: row.title, startsAt: row.starts_at };
}

/** Members who may move or second confirmation, chair first. */
export function listMovers(members: readonly BodyMember[]): BodyMember[] {
  return members
    .filter((member) => mayMoveMinutes(member.role))
    .sort((a, b) => compareRoles(a.role, b.role) || a.name.localeCompare(b.name, 'en-GB'));
}

/** The resolution the confirming meeting records, as a council minutes it. */
export function confirmationResolution(meetingStartsAt: string, movedBy: string, secondedBy: string | null): string {
  const motion = secondedBy === null ? `Moved by ${movedBy}.` : `Moved by ${movedBy}; seconded by ${secondedBy}.`;
  return `RESOLVED that the minutes of the meeting held on ${councilDate(meetingStartsAt)} be confirmed as a correct record and signed by the Chair.\n${motion}`;
}

const PREVIOUS_MINUTES_ITEM = 'Minutes of the previous meeting';

/**
 * Adds the resolution as a decision under the confirming meeting's "Minutes of
 * the previous meeting" item, adding that item at the top if the agenda has
 * none. False, changing nothing, if the document would break its limits (the
 * minutes stay confirmed; the chair can record the decision by hand).
 */
export async function recordConfirmationDecision(registry: DocumentRegistry, confirmingMeetingId: number, resolution: string): Promise<boolean> {
  try {
    await registry.change(meetingDocName(confirmingMeetingId), (doc) => {
      const agenda = agendaOf(doc);
      const items = [...agenda.values()].filter((item) => item instanceof Y.Map);
      let item = items.find((candidate) => String(candidate.get('title')).trim().toLowerCase() === PREVIOUS_MINUTES_ITEM.toLowerCase());
      if (!item) {
        const first = Math.min(...items.map((candidate) => Number(candidate.get('order')) || 0));
        const itemId = addAgendaItem(doc, { title: PREVIOUS_MINUTES_ITEM, minutesAllotted: 10 }, newId(), items.length > 0 ? first - 1 : undefined);
        item = agenda.get(itemId)!;
      }
      let decisions = item.get('decisions');
      if (!(decisions instanceof Y.Array)) {
        decisions = new Y.Array<Y.Map<unknown>>();
        item.set('decisions', decisions);
      }
      const decision = new Y.Map<unknown>();
      (decisions as Y.Array<Y.Map<unknown>>).push([decision]);
      decision.set('id', newId());
      decision.set('text', new Y.Text(resolution));
    });
    return true;
  } catch (error) {
    if (error instanceof ServerChangeRefusedError) return false;
    throw error;
  }
}
