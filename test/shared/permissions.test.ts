import { describe, expect, it } from 'vitest';
import type { ActionStatus } from '../../shared/actions.js';
import type { MeetingPhase } from '../../shared/minutes-lifecycle.js';
import {
  actionLogAccess,
  mayAcknowledgePriority,
  mayAddProgress,
  mayAnswerEscalation,
  mayChangeStatus,
  mayEscalateAction,
  mayLinkActionToPriority,
  mayListPriorityActions,
  mayPublishPriority,
  mayReadNotification,
  mayReadOriginAction,
  mayReadPriority,
  mayWatchBody,
  mayDeclareFor,
  mayEditActionDetails,
  mayEditAgenda,
  mayEditMinutes,
  mayOverrideRag,
  mayReadBody,
  mayRecordAttendance,
  mayRecordDecisions,
  mayReassignAction,
  mayRemoveAction,
  mayScheduleMeeting,
  maySearchMeetingRecord,
  maySetCurrentItem,
  mayStartOrCloseMeeting,
  meetingAccess,
  mayCommentOnMinutes,
  mayConfirmMinutes,
  mayManageMinutes,
  mayMoveMinutes,
  mayReadMinutes,
  type Standing,
} from '../../shared/permissions.js';

/** Everyone the rules distinguish: the five roles, and someone who is not (or no longer) a member. */
const PEOPLE: Standing[] = ['chair', 'vice-chair', 'secretariat', 'member', 'observer', null];
const who = (role: Standing) => role ?? 'non-member';

/** One row per person, in PEOPLE's order; the expected answers are written out, never computed. */
function table<T>(rule: (role: Standing) => T, expected: T[]) {
  it.each(PEOPLE.map((role, index) => [who(role), role, expected[index]] as const))('%s', (_, role, answer) => {
    expect(rule(role)).toEqual(answer);
  });
}

const Y = true;
const N = false;

describe('the rulebook', () => {
  describe('reading a body', () => {
    describe('an open body', () => table((role) => mayReadBody({ confidential: false, myRole: role }), [Y, Y, Y, Y, Y, Y]));
    describe('a confidential sub-group', () => table((role) => mayReadBody({ confidential: true, myRole: role }), [Y, Y, Y, Y, Y, N]));
  });

  describe('running meetings', () => {
    describe('scheduling', () => table(mayScheduleMeeting, [Y, Y, Y, N, N, N]));
    describe('starting and closing', () => table(mayStartOrCloseMeeting, [Y, Y, N, N, N, N]));
  });

  /** `minuting`: closed, with the minutes in draft or being corrected; `closed`: circulated or confirmed. */
  const meetingStates: MeetingPhase[] = ['scheduled', 'live', 'minuting', 'closed'];
  describe('a meeting’s live document', () => {
    const expected: Record<MeetingPhase, string[]> = {
      scheduled: ['edit', 'edit', 'edit', 'read', 'read', 'none'],
      live: ['edit', 'edit', 'edit', 'edit', 'read', 'none'],
      minuting: ['edit', 'edit', 'edit', 'read', 'read', 'none'],
      closed: ['read', 'read', 'read', 'read', 'read', 'none'],
    };
    for (const status of meetingStates) describe(status, () => table((role) => meetingAccess(role, status), expected[status]));
  });

  describe('parts of a meeting, by state', () => {
    const rules = {
      'the agenda and Part II': mayEditAgenda,
      decisions: mayRecordDecisions,
      'the current item': maySetCurrentItem,
      minutes: mayEditMinutes,
    };
    const expected: Record<keyof typeof rules, Record<MeetingPhase, boolean[]>> = {
      'the agenda and Part II': { scheduled: [Y, Y, Y, N, N, N], live: [Y, Y, Y, N, N, N], minuting: [Y, Y, Y, N, N, N], closed: [N, N, N, N, N, N] },
      decisions: { scheduled: [Y, Y, Y, N, N, N], live: [Y, Y, Y, N, N, N], minuting: [Y, Y, Y, N, N, N], closed: [N, N, N, N, N, N] },
      'the current item': { scheduled: [Y, Y, Y, N, N, N], live: [Y, Y, Y, N, N, N], minuting: [Y, Y, Y, N, N, N], closed: [N, N, N, N, N, N] },
      minutes: { scheduled: [Y, Y, Y, N, N, N], live: [Y, Y, Y, Y, N, N], minuting: [Y, Y, Y, N, N, N], closed: [N, N, N, N, N, N] },
    };
    for (const [part, rule] of Object.entries(rules) as [keyof typeof rules, (role: Standing, status: MeetingPhase) => boolean][]) {
      for (const status of meetingStates) describe(`${part} while ${status}`, () => table((role) => rule(role, status), expected[part][status]));
    }
  });

  describe('attendance and declarations in a live meeting', () => {
    const me = 7;
    const recorders = { attendance: mayRecordAttendance, declarations: mayDeclareFor };
    for (const [what, rule] of Object.entries(recorders)) {
      describe(`${what}: my own`, () => table((role) => rule({ role, userId: me, subjectId: me }, 'live'), [Y, Y, Y, Y, N, N]));
      describe(`${what}: someone else’s`, () => table((role) => rule({ role, userId: me, subjectId: 9 }, 'live'), [Y, Y, Y, N, N, N]));
      describe(`${what}: someone else’s while the minutes are drafted`, () =>
        table((role) => rule({ role, userId: me, subjectId: 9 }, 'minuting'), [Y, Y, Y, N, N, N]));
      describe(`${what}: anyone’s once the minutes are circulated`, () => table((role) => rule({ role, userId: me, subjectId: me }, 'closed'), [N, N, N, N, N, N]));
    }
  });

  describe('an action log', () => {
    describe('opening it', () => table(actionLogAccess, ['edit', 'edit', 'edit', 'edit', 'read', 'none']));
    describe('overriding RAG', () => table(mayOverrideRag, [Y, Y, N, N, N, N]));
    describe('removing an action', () => table(mayRemoveAction, [Y, Y, Y, N, N, N]));
    describe('details of an open action', () => table((role) => mayEditActionDetails(role, 'open'), [Y, Y, Y, Y, N, N]));
    describe('details of a done action', () => table((role) => mayEditActionDetails(role, 'done'), [N, N, N, N, N, N]));

    for (const isOwner of [true, false]) {
      const whose = isOwner ? 'their own' : 'someone else’s';
      describe(`reassigning ${whose} open action`, () =>
        table((role) => mayReassignAction({ role, isOwner }, 'open'), isOwner ? [Y, Y, Y, Y, N, N] : [Y, Y, Y, N, N, N]));
      describe(`reassigning ${whose} dropped action`, () => table((role) => mayReassignAction({ role, isOwner }, 'dropped'), [N, N, N, N, N, N]));
      describe(`progress on ${whose} open action`, () =>
        table((role) => mayAddProgress({ role, isOwner }, 'open'), isOwner ? [Y, Y, Y, Y, N, N] : [Y, Y, Y, N, N, N]));
      describe(`progress on ${whose} done action`, () => table((role) => mayAddProgress({ role, isOwner }, 'done'), [N, N, N, N, N, N]));
    }
  });

  describe('moving an action between statuses', () => {
    const moves: [ActionStatus, ActionStatus, boolean, boolean[]][] = [
      ['open', 'in-progress', false, [Y, Y, Y, Y, N, N]],
      ['in-progress', 'open', false, [Y, Y, Y, Y, N, N]],
      ['open', 'done', true, [Y, Y, Y, Y, N, N]],
      ['open', 'done', false, [Y, Y, Y, N, N, N]],
      ['open', 'dropped', true, [Y, Y, Y, N, N, N]],
      ['done', 'open', true, [Y, Y, Y, N, N, N]],
      ['dropped', 'in-progress', false, [Y, Y, Y, N, N, N]],
      ['open', 'escalated', false, [Y, Y, N, N, N, N]],
      ['escalated', 'open', true, [Y, Y, N, N, N, N]],
    ];
    for (const [from, to, isOwner, expected] of moves) {
      describe(`${from} → ${to}${isOwner ? ' (owner)' : ''}`, () => table((role) => mayChangeStatus(from, to, { role, isOwner }), expected));
    }
  });

  describe('escalating an action', () => {
    describe('an open action, with a body to escalate to', () => table((role) => mayEscalateAction(role, 'open', true), [Y, Y, N, N, N, N]));
    describe('an action in progress', () => table((role) => mayEscalateAction(role, 'in-progress', true), [Y, Y, N, N, N, N]));
    describe('from the top of the structure', () => table((role) => mayEscalateAction(role, 'open', false), [N, N, N, N, N, N]));
    describe('an action already escalated', () => table((role) => mayEscalateAction(role, 'escalated', true), [N, N, N, N, N, N]));
    describe('a done action', () => table((role) => mayEscalateAction(role, 'done', true), [N, N, N, N, N, N]));
    describe('a dropped action', () => table((role) => mayEscalateAction(role, 'dropped', true), [N, N, N, N, N, N]));
  });

  describe('answering an escalation (role on the receiving body)', () => {
    describe('awaiting an answer', () => table((role) => mayAnswerEscalation(role, 'open'), [Y, Y, N, N, N, N]));
    for (const answered of ['accepted', 'returned', 'resolved', 'escalated']) {
      describe(`already ${answered}`, () => table((role) => mayAnswerEscalation(role, answered), [N, N, N, N, N, N]));
    }
  });

  describe('the origin action’s own details, in an escalation', () => {
    describe('from an open body', () => table((role) => mayReadOriginAction({ confidential: false, myRole: role }), [Y, Y, Y, Y, Y, Y]));
    describe('from a confidential sub-group', () => table((role) => mayReadOriginAction({ confidential: true, myRole: role }), [Y, Y, Y, Y, Y, N]));
  });

  describe('priorities', () => {
    describe('publishing, from a body with bodies below', () => table((role) => mayPublishPriority(role, true), [Y, Y, N, N, N, N]));
    describe('publishing, from a body with none below', () => table((role) => mayPublishPriority(role, false), [N, N, N, N, N, N]));
    describe('acknowledging (role on the receiving body)', () => table((role) => mayAcknowledgePriority(role, false), [Y, Y, N, N, N, N]));
    describe('acknowledging again', () => table((role) => mayAcknowledgePriority(role, true), [N, N, N, N, N, N]));
    describe('linking an open action', () => table((role) => mayLinkActionToPriority(role, 'open'), [Y, Y, Y, Y, N, N]));
    describe('linking a done action', () => table((role) => mayLinkActionToPriority(role, 'done'), [N, N, N, N, N, N]));
    const confidential = (myRole: Standing) => ({ confidential: true, myRole });
    const open = (myRole: Standing) => ({ confidential: false, myRole });
    describe('reading one sent by a confidential body to another', () =>
      table((role) => mayReadPriority(confidential(role), [confidential(null)]), [Y, Y, Y, Y, Y, N]));
    describe('reading one received by a confidential body (role there), from a confidential sender', () =>
      table((role) => mayReadPriority(confidential(null), [confidential(role)]), [Y, Y, Y, Y, Y, N]));
    describe('reading one sent by an open body', () => table((role) => mayReadPriority(open(role), [confidential(null)]), [Y, Y, Y, Y, Y, Y]));
    describe('listing a confidential receiver’s linked actions', () => table((role) => mayListPriorityActions(confidential(role)), [Y, Y, Y, Y, Y, N]));
    describe('listing an open receiver’s linked actions', () => table((role) => mayListPriorityActions(open(role)), [Y, Y, Y, Y, Y, Y]));
  });

  describe('finding a meeting’s record in search', () => {
    const open = (myRole: Standing) => ({ confidential: false, myRole });
    const confidential = (myRole: Standing) => ({ confidential: true, myRole });
    describe('an open body’s working minutes', () => table((role) => maySearchMeetingRecord(open(role), false, false), [Y, Y, Y, Y, Y, N]));
    describe('an open body’s published minutes', () => table((role) => maySearchMeetingRecord(open(role), false, true), [Y, Y, Y, Y, Y, Y]));
    describe('an open body’s Part II item', () => table((role) => maySearchMeetingRecord(open(role), true, false), [Y, Y, Y, Y, Y, N]));
    describe('an open body’s Part II item, published', () => table((role) => maySearchMeetingRecord(open(role), true, true), [Y, Y, Y, Y, Y, N]));
    describe('a confidential body’s minutes', () => table((role) => maySearchMeetingRecord(confidential(role), false, false), [Y, Y, Y, Y, Y, N]));
    describe('a confidential body’s minutes, published', () => table((role) => maySearchMeetingRecord(confidential(role), false, true), [Y, Y, Y, Y, Y, N]));
  });

  describe('minutes after the meeting', () => {
    const open = (myRole: Standing) => ({ confidential: false, myRole });
    const confidential = (myRole: Standing) => ({ confidential: true, myRole });
    describe('reading the working draft (full)', () => table((role) => mayReadMinutes(open(role), 'full', false), [Y, Y, Y, Y, Y, N]));
    describe('reading an open body’s unpublished public version', () => table((role) => mayReadMinutes(open(role), 'public', false), [Y, Y, Y, Y, Y, N]));
    describe('reading an open body’s published public version', () => table((role) => mayReadMinutes(open(role), 'public', true), [Y, Y, Y, Y, Y, Y]));
    describe('reading an open body’s published full version', () => table((role) => mayReadMinutes(open(role), 'full', true), [Y, Y, Y, Y, Y, N]));
    describe('reading a confidential body’s published minutes', () => table((role) => mayReadMinutes(confidential(role), 'full', true), [Y, Y, Y, Y, Y, N]));
    describe('circulating, publishing and correcting', () => table(mayManageMinutes, [Y, Y, Y, N, N, N]));
    describe('confirming and signing', () => table(mayConfirmMinutes, [Y, Y, N, N, N, N]));
    describe('commenting on circulated minutes', () => table(mayCommentOnMinutes, [Y, Y, Y, Y, N, N]));
    describe('moving or seconding confirmation', () => table(mayMoveMinutes, [Y, Y, Y, Y, N, N]));
  });

  describe('notifications and live lists', () => {
    describe('my own notification about a confidential body', () =>
      table((role) => mayReadNotification(4, 4, { confidential: true, myRole: role }), [Y, Y, Y, Y, Y, N]));
    describe('someone else’s notification', () => table((role) => mayReadNotification(4, 5, { confidential: false, myRole: role }), [N, N, N, N, N, N]));
    describe('watching a confidential body', () => table((role) => mayWatchBody({ confidential: true, myRole: role }), [Y, Y, Y, Y, Y, N]));
    describe('watching an open body', () => table((role) => mayWatchBody({ confidential: false, myRole: role }), [Y, Y, Y, Y, Y, Y]));
  });
});
