import { describe, expect, it } from 'vitest';
import type { ActionStatus } from '../../shared/actions.js';
import type { MeetingStatus } from '../../shared/meetings.js';
import {
  actionLogAccess,
  mayAddProgress,
  mayChangeStatus,
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
  maySetCurrentItem,
  mayStartOrCloseMeeting,
  meetingAccess,
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

  const meetingStates: MeetingStatus[] = ['scheduled', 'live', 'closed'];
  describe('a meeting’s live document', () => {
    const expected: Record<MeetingStatus, string[]> = {
      scheduled: ['edit', 'edit', 'edit', 'read', 'read', 'none'],
      live: ['edit', 'edit', 'edit', 'edit', 'read', 'none'],
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
    const expected: Record<keyof typeof rules, Record<MeetingStatus, boolean[]>> = {
      'the agenda and Part II': { scheduled: [Y, Y, Y, N, N, N], live: [Y, Y, Y, N, N, N], closed: [N, N, N, N, N, N] },
      decisions: { scheduled: [Y, Y, Y, N, N, N], live: [Y, Y, Y, N, N, N], closed: [N, N, N, N, N, N] },
      'the current item': { scheduled: [Y, Y, Y, N, N, N], live: [Y, Y, Y, N, N, N], closed: [N, N, N, N, N, N] },
      minutes: { scheduled: [Y, Y, Y, N, N, N], live: [Y, Y, Y, Y, N, N], closed: [N, N, N, N, N, N] },
    };
    for (const [part, rule] of Object.entries(rules) as [keyof typeof rules, (role: Standing, status: MeetingStatus) => boolean][]) {
      for (const status of meetingStates) describe(`${part} while ${status}`, () => table((role) => rule(role, status), expected[part][status]));
    }
  });

  describe('attendance and declarations in a live meeting', () => {
    const me = 7;
    const recorders = { attendance: mayRecordAttendance, declarations: mayDeclareFor };
    for (const [what, rule] of Object.entries(recorders)) {
      describe(`${what}: my own`, () => table((role) => rule({ role, userId: me, subjectId: me }, 'live'), [Y, Y, Y, Y, N, N]));
      describe(`${what}: someone else’s`, () => table((role) => rule({ role, userId: me, subjectId: 9 }, 'live'), [Y, Y, Y, N, N, N]));
      describe(`${what}: anyone’s once closed`, () => table((role) => rule({ role, userId: me, subjectId: me }, 'closed'), [N, N, N, N, N, N]));
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
});
