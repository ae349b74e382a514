/**
 * The minutes after the meeting, as the API offers them: where they stand and
 * what the caller may do next, the steps that move them on, and members'
 * comments while they are circulated. Every decision is a rule from
 * `shared/permissions.ts`; a confidential body's meeting answers a
 * non-member exactly as a missing one does.
 */
import type { BodySummary } from '../../shared/api.js';
import type { MinutesComment, MinutesStatusView } from '../../shared/minutes-api.js';
import {
  MINUTES_LIMITS,
  MINUTES_STAGE_LABELS,
  MINUTES_STEP_LABELS,
  MINUTES_STEP_NAMES,
  MINUTES_STEPS,
  mayTakeStep,
  type MinutesCommentRequest,
  type MinutesStage,
  type MinutesStep,
  type MinutesStepRequest,
} from '../../shared/minutes-lifecycle.js';
import { meetingDocName } from '../../shared/meetings.js';
import { metaOf } from '../../shared/meeting-doc.js';
import { mayCommentOnMinutes, mayConfirmMinutes, mayManageMinutes, type Standing } from '../../shared/permissions.js';
import type { AppDeps } from '../app-deps.js';
import { recordAuditEvent } from '../audit/audit-log.js';
import { forbidden, HttpError } from '../http/http-error.js';
import { listBodyMembers } from '../partnership/body-repository.js';
import { countComments, insertComment, isAgendaItem, listComments } from './minutes-comments.js';
import { confirmationResolution, findConfirmingMeeting, listMovers, recordConfirmationDecision } from './minutes-confirmation.js';
import { readMinutesRecord } from './minutes-records.js';
import { readableMeeting } from './minutes-service.js';
import { writeStep, type StepTaken } from './minutes-steps.js';
import { listVersions, revisionOf, storedCopy } from './minutes-versions.js';

const stageWords = (stage: MinutesStage) => MINUTES_STAGE_LABELS[stage].toLowerCase();

const mayTake = (role: Standing, step: MinutesStep) => (step === 'approve' ? mayConfirmMinutes(role) : mayManageMinutes(role));

/** What the audit log calls each step. */
const AUDIT_ACTIONS: Record<MinutesStep, string> = {
  circulate: 'minutes.circulated',
  withdraw: 'minutes.withdrawn',
  approve: 'minutes.confirmed',
  publish: 'minutes.published',
  correct: 'minutes.correction-started',
  'issue-correction': 'minutes.corrected',
};

function refusedStep(step: MinutesStep, body: BodySummary): HttpError {
  return step === 'approve'
    ? forbidden(`Only the chair or vice-chair of ${body.name} can confirm its minutes`)
    : forbidden(`Only the chair, vice-chair or secretariat of ${body.name} can circulate, publish or correct its minutes`);
}

function wrongStage(step: MinutesStep, stage: MinutesStage): HttpError {
  const from = MINUTES_STEPS[step].from.map(stageWords).join(' or ');
  return new HttpError(409, 'conflict', `The minutes are ${stageWords(stage)}; “${MINUTES_STEP_LABELS[step].toLowerCase()}” is only for minutes that are ${from}`);
}


export function createMinutesLifecycleService({ db, registry, notices }: AppDeps) {
  const visibleMeeting = (meetingId: number, userId: number) => readableMeeting(db, meetingId, userId);

  async function status(meetingId: number, userId: number): Promise<MinutesStatusView> {
    const { meeting, body } = await visibleMeeting(meetingId, userId);
    const member = body.myRole !== null;
    const [record, versions, members, confirming, commentCount] = await Promise.all([
      readMinutesRecord(db, meetingId),
      listVersions(db, meetingId),
      listBodyMembers(db, body.id),
      meeting.status === 'closed' ? findConfirmingMeeting(db, meeting) : undefined,
      member ? countComments(db, meetingId) : 0,
    ]);
    // Others than members read only published versions, and only their public copy.
    const copy = member ? 'full' : 'public';
    const readable = member ? versions : versions.filter((version) => version.publishedAt !== null);
    const latest = readable.at(-1);
    const steps =
      member && meeting.status === 'closed'
        ? MINUTES_STEP_NAMES.filter((step) => mayTake(body.myRole, step) && mayTakeStep(step, record.stage) && (step !== 'approve' || confirming !== undefined))
        : [];
    return {
      meetingId,
      bodyId: body.id,
      stage: record.stage,
      circulatedAt: member ? record.circulatedAt : null,
      confirmation: (latest && storedCopy(latest, copy)?.confirmation) ?? null,
      publishedAt: record.publishedAt,
      revisions: readable.map((version) => revisionOf(version, copy)),
      commentCount,
      steps,
      mayComment: meeting.status === 'closed' && record.stage === 'circulated' && mayCommentOnMinutes(body.myRole),
      movers: member ? listMovers(members).map(({ userId, name }) => ({ userId, name })) : [],
      confirmingMeeting: confirming ? { id: confirming.id, title: confirming.title } : null,
    };
  }

  async function afterStep(meeting: { id: number; title: string; startsAt: string }, body: BodySummary, userId: number, step: MinutesStep, taken: StepTaken) {
    const docName = meetingDocName(meeting.id);
    await registry.change(docName, (doc) => metaOf(doc).set('minutesStage', taken.stage));
    // Open editors become read-only (circulated) or editable again (withdrawn, correcting) at once.
    await registry.refreshAccess(docName);
    await recordAuditEvent(db, { actorUserId: userId, action: AUDIT_ACTIONS[step], subjectType: 'meeting', subjectId: meeting.id, details: { stage: taken.stage, ...taken.details } });
    notices.bodyChanged(body.id, 'minutes');
    if (taken.confirmed) {
      const { atMeeting, movedBy, secondedBy } = taken.confirmed;
      await recordConfirmationDecision(registry, atMeeting.id, confirmationResolution(meeting.startsAt, movedBy, secondedBy));
    }
    const link = `/meetings/${meeting.id}/minutes`;
    const others = async () => (await listBodyMembers(db, body.id)).map((member) => member.userId).filter((id) => id !== userId);
    if (step === 'circulate') {
      await notices.notify(await others(), {
        kind: 'minutes-circulated',
        bodyId: body.id,
        title: `Draft minutes of ${meeting.title} circulated`,
        detail: `${body.name}: read the draft minutes and comment before they are confirmed`,
        link,
      });
    } else if (taken.published) {
      await notices.notify(await others(), {
        kind: 'minutes-published',
        bodyId: body.id,
        title: step === 'publish' ? `Minutes of ${meeting.title} published` : `Corrected minutes of ${meeting.title} published`,
        detail: `${body.name}: the minutes confirmed as a correct record are now published`,
        link,
      });
    }
  }

  return {
    status,

    async takeStep(meetingId: number, userId: number, request: MinutesStepRequest): Promise<MinutesStatusView> {
      const { meeting, body } = await visibleMeeting(meetingId, userId);
      if (!mayTake(body.myRole, request.step)) throw refusedStep(request.step, body);
      if (meeting.status !== 'closed') {
        throw new HttpError(409, 'conflict', `${meeting.title} is ${meeting.status}: its minutes are circulated, confirmed and published once it has closed`);
      }
      const record = await readMinutesRecord(db, meetingId);
      if (!mayTakeStep(request.step, record.stage)) throw wrongStage(request.step, record.stage);
      const members = await listBodyMembers(db, body.id);
      const taken = await writeStep({ db, registry, meeting, body, members, userId, record, at: new Date().toISOString() }, request);
      await afterStep(meeting, body, userId, request.step, taken);
      return status(meetingId, userId);
    },

    async comments(meetingId: number, userId: number): Promise<MinutesComment[]> {
      const { body } = await visibleMeeting(meetingId, userId);
      if (body.myRole === null) throw forbidden(`Only members of ${body.name} read comments on its minutes`);
      return listComments(db, meetingId);
    },

    async comment(meetingId: number, userId: number, request: MinutesCommentRequest): Promise<MinutesComment> {
      const { meeting, body } = await visibleMeeting(meetingId, userId);
      if (!mayCommentOnMinutes(body.myRole)) throw forbidden(`Only members of ${body.name} who take part in its meetings can comment on its minutes`);
      const { stage } = await readMinutesRecord(db, meetingId);
      if (stage !== 'circulated') throw new HttpError(409, 'conflict', `The minutes are ${stageWords(stage)}; comments are taken while they are circulated`);
      if (request.itemId !== null && !(await isAgendaItem(db, meetingId, request.itemId))) {
        throw new HttpError(400, 'validation_failed', 'itemId: That item is not on this meeting’s agenda');
      }
      const comment = await db.transaction().execute(async (trx) => {
        if ((await countComments(trx, meetingId)) >= MINUTES_LIMITS.commentsPerMeeting) {
          throw new HttpError(409, 'conflict', `These minutes already have ${MINUTES_LIMITS.commentsPerMeeting} comments, the most they can take`);
        }
        return insertComment(trx, { meetingId, userId, itemId: request.itemId, text: request.text, at: new Date().toISOString() });
      });
      await recordAuditEvent(db, { actorUserId: userId, action: 'minutes.commented', subjectType: 'meeting', subjectId: meetingId, details: { commentId: comment.id } });
      notices.bodyChanged(body.id, 'minutes');
      const managers = (await listBodyMembers(db, body.id)).filter((member) => mayManageMinutes(member.role) && member.userId !== userId);
      await notices.notify(
        managers.map((member) => member.userId),
        {
          kind: 'minutes-comment',
          bodyId: body.id,
          title: `${comment.authorName} commented on the minutes of ${meeting.title}`,
          detail: comment.itemTitle ? `On “${comment.itemTitle}”` : 'On the minutes as a whole',
          link: `/meetings/${meetingId}/minutes`,
        },
      );
      return comment;
    },
  };
}

export type MinutesLifecycleService = ReturnType<typeof createMinutesLifecycleService>;
