/**
 * What each step of the minutes lifecycle writes to the database, in one
 * transaction that first claims the stage, so that of two steps taken at
 * once only one acts. What follows a step in the live documents, the audit
 * log and people's notifications is the service's (`minutes-lifecycle-service.ts`).
 */
import type { BodyMember, BodySummary } from '../../shared/api.js';
import { buildCouncilMinutes, councilDate, hasPublicVersion, storedContent, type CouncilMinutes } from '../../shared/council-minutes.js';
import type { MinutesConfirmation } from '../../shared/minutes-api.js';
import { stageAfter, type MinutesStage, type MinutesStepRequest } from '../../shared/minutes-lifecycle.js';
import { meetingDocName } from '../../shared/meetings.js';
import type { Db } from '../db/database.js';
import { HttpError } from '../http/http-error.js';
import type { MeetingRecord } from '../meetings/meeting-repository.js';
import type { DocumentRegistry } from '../realtime/document-registry.js';
import { indexPublishedMinutes } from '../search/published-minutes.js';
import { findConfirmingMeeting, listMovers, type ConfirmingMeeting } from './minutes-confirmation.js';
import { claimStage, type MinutesRecord, type MinutesRecordChanges } from './minutes-records.js';
import { gatherMinutesSource } from './minutes-source.js';
import { insertVersion, listVersions, markVersionPublished, storedCopy } from './minutes-versions.js';

export interface StepContext {
  db: Db;
  registry: DocumentRegistry;
  meeting: MeetingRecord;
  body: BodySummary;
  members: readonly BodyMember[];
  userId: number;
  record: MinutesRecord;
  at: string;
}

export interface StepTaken {
  stage: MinutesStage;
  /** For the audit log. */
  details?: Record<string, unknown>;
  /** Where approval was taken, with who moved and seconded: the resolution goes onto that meeting's minutes. */
  confirmed?: { atMeeting: ConfirmingMeeting; movedBy: string; secondedBy: string | null };
  /** The minutes (or a correction to them) became readable by every partner. */
  published?: boolean;
}

const raced = () => new HttpError(409, 'conflict', 'Someone else moved these minutes on at the same moment; reload to see where they stand');
const invalid = (message: string) => new HttpError(400, 'validation_failed', message);

/** Claims the stage and runs the step's other writes in one transaction. */
async function claimThen(ctx: StepContext, to: MinutesStage, changes: MinutesRecordChanges, writes: (trx: Db) => Promise<void> = async () => {}) {
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await claimStage(trx, ctx.meeting.id, { from: ctx.record.stage, to, at: ctx.at, changes }))) throw raced();
    await writes(trx);
  });
}

/** The stored content of a version: the working copy, flushed from the live document, with how it was confirmed. */
async function versionContent(ctx: StepContext, confirmation: MinutesConfirmation | null): Promise<{ full: CouncilMinutes; public: CouncilMinutes | null }> {
  await ctx.registry.flush(meetingDocName(ctx.meeting.id));
  const source = await gatherMinutesSource(ctx.db, ctx.meeting, ctx.body, 'full');
  const build = (version: 'full' | 'public') => buildCouncilMinutes({ ...source, version, draft: false, confirmation, stage: 'approved' });
  return { full: build('full'), public: hasPublicVersion(ctx.body) ? build('public') : null };
}

async function latestVersion(db: Db, meetingId: number) {
  const latest = (await listVersions(db, meetingId)).at(-1);
  if (!latest) throw new HttpError(409, 'conflict', 'These minutes have no confirmed version yet');
  return latest;
}

async function approve(ctx: StepContext, request: Extract<MinutesStepRequest, { step: 'approve' }>): Promise<StepTaken> {
  const { db, meeting, body, members, userId, at } = ctx;
  const confirming = await findConfirmingMeeting(db, meeting);
  if (!confirming) throw new HttpError(409, 'conflict', `Minutes are confirmed at a later meeting of ${body.name}: start it first`);
  const movers = listMovers(members);
  const mover = movers.find((member) => member.userId === request.movedBy);
  if (!mover) throw invalid(`The mover must be a member of ${body.name} who takes part in its meetings`);
  const seconder = request.secondedBy === null ? null : movers.find((member) => member.userId === request.secondedBy);
  if (seconder === undefined) throw invalid(`The seconder must be a member of ${body.name} who takes part in its meetings`);
  if (seconder?.userId === mover.userId) throw invalid('The minutes must be seconded by someone other than the member who moved them');
  const signer = members.find((member) => member.userId === userId)!;
  const confirmation: MinutesConfirmation = {
    atMeeting: councilDate(confirming.startsAt),
    atMeetingId: confirming.id,
    movedBy: mover.name,
    secondedBy: seconder?.name ?? null,
    signedBy: `${signer.name} (${signer.role === 'chair' ? 'Chair' : 'Vice-Chair'})`,
    confirmedAt: at,
  };
  const content = await versionContent(ctx, confirmation);
  const changes = { confirmed_at: at, confirmed_by: userId, confirmed_at_meeting_id: confirming.id, moved_by: mover.userId, seconded_by: seconder?.userId ?? null };
  await claimThen(ctx, 'approved', changes, async (trx) => {
    await insertVersion(trx, meeting.id, content, { userId, reason: null, at, published: false });
  });
  return {
    stage: 'approved',
    details: { version: 1, atMeetingId: confirming.id, movedBy: mover.userId, secondedBy: seconder?.userId ?? null },
    confirmed: { atMeeting: confirming, movedBy: mover.name, secondedBy: seconder?.name ?? null },
  };
}

async function publish(ctx: StepContext): Promise<StepTaken> {
  const { db, meeting, body, userId, at } = ctx;
  const latest = await latestVersion(db, meeting.id);
  await claimThen(ctx, 'published', { published_at: at, published_by: userId }, async (trx) => {
    await markVersionPublished(trx, meeting.id, latest.number, at);
    const minutes = storedCopy(latest, 'public');
    if (minutes) await indexPublishedMinutes(trx, { meetingId: meeting.id, bodyId: body.id, startsAt: meeting.startsAt, minutes });
  });
  return { stage: 'published', details: { version: latest.number }, published: true };
}

async function issueCorrection(ctx: StepContext, reason: string): Promise<StepTaken> {
  const { db, meeting, body, userId, at } = ctx;
  const latest = await latestVersion(db, meeting.id);
  const published = ctx.record.publishedAt !== null;
  const content = await versionContent(ctx, storedCopy(latest, 'full')?.confirmation ?? null);
  const stage = stageAfter('issue-correction', published);
  let number = 0;
  await claimThen(ctx, stage, {}, async (trx) => {
    number = await insertVersion(trx, meeting.id, content, { userId, reason, at, published });
    if (published && content.public) {
      await indexPublishedMinutes(trx, { meetingId: meeting.id, bodyId: body.id, startsAt: meeting.startsAt, minutes: storedContent(content.public) });
    }
  });
  return { stage, details: { version: number, reason }, published };
}

/** Takes the step; the caller has checked who may take it and that the minutes stand where it starts. */
export async function writeStep(ctx: StepContext, request: MinutesStepRequest): Promise<StepTaken> {
  switch (request.step) {
    case 'circulate':
      await claimThen(ctx, 'circulated', { circulated_at: ctx.at, circulated_by: ctx.userId });
      return { stage: 'circulated' };
    case 'withdraw':
      await claimThen(ctx, 'draft', {});
      return { stage: 'draft' };
    case 'approve':
      return approve(ctx, request);
    case 'publish':
      return publish(ctx);
    case 'correct':
      await claimThen(ctx, 'correcting', {});
      return { stage: 'correcting' };
    case 'issue-correction':
      return issueCorrection(ctx, request.reason);
  }
}
