import { ESCALATIONS_AGENDA_TITLE } from '../../shared/escalation.js';
import { formatDate } from '../../shared/dates.js';
import type { AppDeps } from '../app-deps.js';
import { nextScheduledMeeting, writeOntoAgenda } from '../meetings/incoming-agenda.js';
import { findUserNames, listHopsWaitingForAgenda, setAgendaMeeting, type HopRow } from './escalation-repository.js';
import { senderOf } from './escalation-text.js';

/**
 * What the receiving meeting is told of a hop: who sent it, from where, and
 * what they wrote for it. Nothing else of the origin action travels, since
 * it may belong to a confidential body.
 */
async function agendaParagraph({ db }: AppDeps, hop: HopRow): Promise<string> {
  const { from, raisedIn } = await senderOf(db, hop);
  const people = await findUserNames(db, [hop.raised_by]);
  return [
    `**From ${from}**${raisedIn}, escalated by ${people.get(hop.raised_by) ?? 'its chair'} on ${formatDate(hop.raised_at)}.`,
    `Summary: ${hop.summary}`,
    `Reason: ${hop.reason}`,
  ].join('\n\n');
}

/** Writes the hop onto the meeting's agenda and remembers where; false if the meeting's document refused it. */
async function placeOnMeeting(deps: AppDeps, hop: HopRow, meetingId: number): Promise<boolean> {
  if (!(await writeOntoAgenda(deps.registry, meetingId, ESCALATIONS_AGENDA_TITLE, await agendaParagraph(deps, hop)))) return false;
  await setAgendaMeeting(deps.db, hop.id, meetingId);
  return true;
}

/** Puts a new hop on the receiving body's next scheduled meeting; with none scheduled it waits for the next one created. */
export async function placeOnNextMeeting(deps: AppDeps, hop: HopRow): Promise<void> {
  const meetingId = await nextScheduledMeeting(deps.db, hop.to_body_id);
  if (meetingId !== undefined) await placeOnMeeting(deps, hop, meetingId);
}

/** Writes the body's escalations still waiting for a meeting onto a newly scheduled one. */
export async function placeWaitingEscalations(deps: AppDeps, bodyId: number, meetingId: number): Promise<void> {
  for (const hop of await listHopsWaitingForAgenda(deps.db, bodyId)) await placeOnMeeting(deps, hop, meetingId);
}
