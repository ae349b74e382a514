/**
 * What arrives from other tiers (escalations up, priorities down) is written
 * onto the receiving body's next scheduled meeting, under an item of its own,
 * so the chair takes it in the meeting.
 */
import * as Y from 'yjs';
import { addAgendaItem, agendaOf } from '../../shared/meeting-doc.js';
import { meetingDocName, STANDARD_AGENDA_CLOSING } from '../../shared/meetings.js';
import type { Db } from '../db/database.js';
import { ServerChangeRefusedError } from '../realtime/document-kind.js';
import type { DocumentRegistry } from '../realtime/document-registry.js';

/** Minutes a new "Escalations received" or "Priorities from …" item is given. */
const INCOMING_ITEM_MINUTES = 10;

/** A meeting due to start this long ago and not yet started is still the next one (it may be running late). */
const LATE_START_MS = 24 * 60 * 60 * 1000;

/** The body's next meeting that has not started, soonest first; undefined when none is scheduled. */
export async function nextScheduledMeeting(db: Db, bodyId: number, now = new Date()): Promise<number | undefined> {
  const row = await db
    .selectFrom('meetings')
    .select('id')
    .where('body_id', '=', bodyId)
    .where('status', '=', 'scheduled')
    .where('starts_at', '>=', new Date(now.getTime() - LATE_START_MS).toISOString())
    .orderBy('starts_at')
    .orderBy('id')
    .executeTakeFirst();
  return row?.id;
}

/**
 * Adds `paragraph` (markdown) to the item titled `itemTitle` in the meeting's
 * live document, adding the item before the closing items if it is missing.
 * Returns false, changing nothing, if the document would break its limits.
 */
export async function writeOntoAgenda(registry: DocumentRegistry, meetingId: number, itemTitle: string, paragraph: string): Promise<boolean> {
  try {
    await registry.change(meetingDocName(meetingId), (doc) => {
      const agenda = agendaOf(doc);
      let item = [...agenda.values()].find((candidate) => candidate instanceof Y.Map && candidate.get('title') === itemTitle);
      if (!item) {
        const itemId = addAgendaItem(doc, { title: itemTitle, minutesAllotted: INCOMING_ITEM_MINUTES }, undefined, orderBeforeClosing(agenda));
        item = agenda.get(itemId)!;
      }
      const minutes = item.get('minutes');
      if (!(minutes instanceof Y.Text)) return;
      minutes.insert(minutes.length, minutes.length > 0 ? `\n\n${paragraph}` : paragraph);
    });
    return true;
  } catch (error) {
    if (error instanceof ServerChangeRefusedError) return false;
    throw error;
  }
}

/** An order number placing a new item just before "Any other business" (or last, if there are no closing items). */
function orderBeforeClosing(agenda: Y.Map<Y.Map<unknown>>): number | undefined {
  const closingTitles = new Set(STANDARD_AGENDA_CLOSING.map((item) => item.title));
  const orders = [...agenda.values()]
    .filter((item) => item instanceof Y.Map)
    .map((item) => ({ order: Number(item.get('order')) || 0, closing: closingTitles.has(String(item.get('title'))) }))
    .sort((a, b) => a.order - b.order);
  const firstClosing = orders.findIndex((item) => item.closing);
  if (firstClosing === -1) return undefined;
  const before = firstClosing === 0 ? orders[0]!.order - 1 : orders[firstClosing - 1]!.order;
  return (before + orders[firstClosing]!.order) / 2;
}
