import { prioritiesAgendaTitle } from '../../shared/priorities.js';
import type { AppDeps } from '../app-deps.js';
import { nextScheduledMeeting, writeOntoAgenda } from '../meetings/incoming-agenda.js';
import { findPriorities, prioritiesWaitingForAgenda, setAgendaMeeting, type PriorityRecord } from './priority-repository.js';

/** What the chair reads out under "Priorities from …": the title, theme and period, then the description. */
export function priorityAgendaParagraph(priority: Pick<PriorityRecord, 'title' | 'theme' | 'period' | 'description'>): string {
  const about = [priority.theme && `Theme: ${priority.theme}`, priority.period && `Period: ${priority.period}`].filter(Boolean).join(' · ');
  return [`**${priority.title}**`, about, priority.description].filter(Boolean).join('\n');
}

/**
 * Writes the priority onto the meeting's agenda and remembers it is there.
 * A meeting document too full to take it leaves it waiting for the next one.
 */
async function placeOnMeeting({ db, registry }: AppDeps, priority: PriorityRecord, bodyId: number, meetingId: number): Promise<void> {
  const written = await writeOntoAgenda(registry, meetingId, prioritiesAgendaTitle(priority.bodyName), priorityAgendaParagraph(priority));
  if (written) await setAgendaMeeting(db, priority.id, bodyId, meetingId);
}

/** A newly routed priority goes onto the receiving body's next scheduled meeting, or waits for one. */
export async function placeRoutedPriority(deps: AppDeps, priority: PriorityRecord, bodyId: number): Promise<void> {
  const meetingId = await nextScheduledMeeting(deps.db, bodyId);
  if (meetingId !== undefined) await placeOnMeeting(deps, priority, bodyId, meetingId);
}

/** Writes the priorities routed to the body and still waiting for a meeting onto a newly scheduled one. */
export async function placeWaitingPriorities(deps: AppDeps, bodyId: number, meetingId: number): Promise<void> {
  const waiting = (await findPriorities(deps.db, await prioritiesWaitingForAgenda(deps.db, bodyId))).reverse(); // oldest first
  for (const priority of waiting) {
    await placeOnMeeting(deps, priority, bodyId, meetingId);
  }
}
