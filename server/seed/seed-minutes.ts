/**
 * The demo's minutes after their meetings: for each open body, the minutes of
 * its earlier past meeting were confirmed at the later one (as that meeting's
 * "Minutes of the previous meeting" resolution says) and published; the JAG's
 * later meeting has its draft out to members for comment. Written as the
 * lifecycle writes them, with stored versions and their hashes.
 */
import { buildCouncilMinutes, councilDate, hasPublicVersion } from '../../shared/council-minutes.js';
import type { MinutesConfirmation } from '../../shared/minutes-api.js';
import type { MinutesStage } from '../../shared/minutes-lifecycle.js';
import { meetingDocName } from '../../shared/meetings.js';
import { metaOf } from '../../shared/meeting-doc.js';
import type { AppDeps } from '../app-deps.js';
import { findMeeting } from '../meetings/meeting-repository.js';
import { listMovers } from '../minutes/minutes-confirmation.js';
import { claimStage } from '../minutes/minutes-records.js';
import { gatherMinutesSource } from '../minutes/minutes-source.js';
import { insertVersion } from '../minutes/minutes-versions.js';
import { findBody, listBodyMembers } from '../partnership/body-repository.js';
import { indexPublishedMinutes } from '../search/published-minutes.js';

const CIRCULATED_FOR_COMMENT = ['Charnwood JAG'];

export async function seedDemoMinutes({ db, registry }: AppDeps): Promise<void> {
  const bodies = await db.selectFrom('bodies').select(['id', 'short_name']).where('confidential', '=', 0).execute();
  for (const { id: bodyId, short_name: shortName } of bodies) {
    const past = await db.selectFrom('meetings').select('id').where('body_id', '=', bodyId).where('status', '=', 'closed').orderBy('starts_at').execute();
    if (past.length < 2) continue;
    const [earlier, later] = [await findMeeting(db, past.at(-2)!.id), await findMeeting(db, past.at(-1)!.id)];
    const members = await listBodyMembers(db, bodyId);
    const chair = members.find((member) => member.role === 'chair');
    const [mover, seconder] = listMovers(members).filter((member) => member.role !== 'chair');
    if (!earlier || !later || !chair || !mover) continue;
    const body = (await findBody(db, bodyId, chair.userId))!;

    const at = later.closedAt ?? later.startsAt;
    const confirmation: MinutesConfirmation = {
      atMeeting: councilDate(later.startsAt),
      atMeetingId: later.id,
      movedBy: mover.name,
      secondedBy: seconder?.name ?? null,
      signedBy: `${chair.name} (Chair)`,
      confirmedAt: at,
    };
    const source = await gatherMinutesSource(db, earlier, body, 'full');
    const build = (version: 'full' | 'public') => buildCouncilMinutes({ ...source, version, draft: false, confirmation, stage: 'approved' });
    const publicCopy = hasPublicVersion(body) ? build('public') : null;
    await db.transaction().execute(async (trx) => {
      await claimStage(trx, earlier.id, {
        from: 'draft',
        to: 'published',
        at,
        changes: {
          circulated_at: earlier.closedAt,
          circulated_by: chair.userId,
          confirmed_at: at,
          confirmed_by: chair.userId,
          confirmed_at_meeting_id: later.id,
          moved_by: mover.userId,
          seconded_by: seconder?.userId ?? null,
          published_at: at,
          published_by: chair.userId,
        },
      });
      await insertVersion(trx, earlier.id, { full: build('full'), public: publicCopy }, { userId: chair.userId, reason: null, at, published: true });
      if (publicCopy) await indexPublishedMinutes(trx, { meetingId: earlier.id, bodyId, startsAt: earlier.startsAt, minutes: publicCopy });
      if (CIRCULATED_FOR_COMMENT.includes(shortName)) {
        await claimStage(trx, later.id, { from: 'draft', to: 'circulated', at, changes: { circulated_at: at, circulated_by: chair.userId } });
      }
    });
    await setStage(registry, earlier.id, 'published');
    if (CIRCULATED_FOR_COMMENT.includes(shortName)) await setStage(registry, later.id, 'circulated');
  }
}

async function setStage(registry: AppDeps['registry'], meetingId: number, stage: MinutesStage): Promise<void> {
  const docName = meetingDocName(meetingId);
  await registry.change(docName, (doc) => metaOf(doc).set('minutesStage', stage));
  await registry.refreshAccess(docName);
}
