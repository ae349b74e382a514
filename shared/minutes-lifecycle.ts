/**
 * A meeting's minutes after the meeting closes, as a council keeps them: a
 * draft the chair and secretariat finish; circulated to members, who may
 * comment; confirmed as a correct record at the next meeting (who moved it,
 * who seconded); published. What was confirmed is stored as a numbered
 * version with a content hash and never changes; a correction is a new
 * version with its reason.
 */
import * as z from 'zod';
import type { MeetingStatus } from './meetings.js';

export const MINUTES_STAGES = ['draft', 'circulated', 'approved', 'published', 'correcting'] as const;
export type MinutesStage = (typeof MINUTES_STAGES)[number];

export const MINUTES_STAGE_LABELS: Record<MinutesStage, string> = {
  draft: 'Draft',
  circulated: 'Circulated for comment',
  approved: 'Confirmed as a correct record',
  published: 'Published',
  correcting: 'Correction in progress',
};

/** A closed meeting's document stays open to those running the body while its minutes are drafted or corrected. */
export const minutesOpenForEditing = (stage: MinutesStage) => stage === 'draft' || stage === 'correcting';

/**
 * Where a meeting stands for editing its live document: its own status, or
 * `minuting` once it has closed and its minutes are still being drafted or
 * corrected.
 */
export type MeetingPhase = MeetingStatus | 'minuting';

export function meetingPhase(status: MeetingStatus, stage: MinutesStage): MeetingPhase {
  return status === 'closed' && minutesOpenForEditing(stage) ? 'minuting' : status;
}

/** The steps that move minutes on, and the stages each starts from. */
export const MINUTES_STEPS = {
  /** Send the draft to members for comment. */
  circulate: { from: ['draft'], to: 'circulated' },
  /** Take circulated minutes back to amend them (comments stay). */
  withdraw: { from: ['circulated'], to: 'draft' },
  /** Confirmed as a correct record at a later meeting of the body: stores version 1. */
  approve: { from: ['circulated'], to: 'approved' },
  /** Make the confirmed version readable by every partner (its public version, for an open body). */
  publish: { from: ['approved'], to: 'published' },
  /** Reopen confirmed minutes to correct them; the stored versions stay as they are. */
  correct: { from: ['approved', 'published'], to: 'correcting' },
  /** Store the correction as a new version with its reason; published at once if the minutes were. */
  'issue-correction': { from: ['correcting'], to: 'published' },
} as const satisfies Record<string, { from: readonly MinutesStage[]; to: MinutesStage }>;

export type MinutesStep = keyof typeof MINUTES_STEPS;
export const MINUTES_STEP_NAMES = Object.keys(MINUTES_STEPS) as MinutesStep[];

export const MINUTES_STEP_LABELS: Record<MinutesStep, string> = {
  circulate: 'Circulate to members',
  withdraw: 'Withdraw to amend',
  approve: 'Confirm as a correct record',
  publish: 'Publish',
  correct: 'Start a correction',
  'issue-correction': 'Issue correction',
};

export function mayTakeStep(step: MinutesStep, stage: MinutesStage): boolean {
  return (MINUTES_STEPS[step].from as readonly MinutesStage[]).includes(stage);
}

/** Where a step leaves the minutes; a correction to minutes never published goes back to confirmed. */
export function stageAfter(step: MinutesStep, published: boolean): MinutesStage {
  return step === 'issue-correction' && !published ? 'approved' : MINUTES_STEPS[step].to;
}

/**
 * Why a Part II item is exempt from publication: the paragraphs of Schedule
 * 12A to the Local Government Act 1972 that the chair chooses from.
 */
export const EXEMPTION_PARAGRAPHS = {
  1: 'Paragraph 1: information relating to any individual',
  2: 'Paragraph 2: information which is likely to reveal the identity of an individual',
  3: 'Paragraph 3: information relating to the financial or business affairs of any particular person',
  4: 'Paragraph 4: information relating to consultations or negotiations on a labour relations matter',
  5: 'Paragraph 5: information in respect of which a claim to legal professional privilege could be maintained',
  6: 'Paragraph 6: information which reveals a proposal to give a notice or make an order or direction',
  7: 'Paragraph 7: information relating to the prevention, investigation or prosecution of crime',
} as const;
export type ExemptionParagraph = keyof typeof EXEMPTION_PARAGRAPHS;
export const exemptionParagraph = z.number().int().min(1).max(7);

export const MINUTES_LIMITS = {
  commentLength: 2_000,
  commentsPerMeeting: 500,
  reasonLength: 1_000,
} as const;

const userId = z.number().int().positive();

/** POST /api/meetings/:id/minutes/steps */
export const minutesStepRequest = z.discriminatedUnion('step', [
  z.strictObject({ step: z.literal('circulate') }),
  z.strictObject({ step: z.literal('withdraw') }),
  z.strictObject({
    step: z.literal('approve'),
    /** The member who moved that the minutes be confirmed, and who seconded (if anyone). */
    movedBy: userId,
    secondedBy: userId.nullable().default(null),
  }),
  z.strictObject({ step: z.literal('publish') }),
  z.strictObject({ step: z.literal('correct') }),
  z.strictObject({
    step: z.literal('issue-correction'),
    reason: z.string().trim().min(1, { error: 'Say what the correction changes and why' }).max(MINUTES_LIMITS.reasonLength),
  }),
]);
export type MinutesStepRequest = z.infer<typeof minutesStepRequest>;

/** POST /api/meetings/:id/minutes/comments */
export const minutesCommentRequest = z.strictObject({
  text: z.string().trim().min(1, { error: 'Write a comment' }).max(MINUTES_LIMITS.commentLength),
  /** The agenda item it is about, or null for the minutes as a whole. */
  itemId: z.string().min(1).max(64).nullable().default(null),
});
export type MinutesCommentRequest = z.infer<typeof minutesCommentRequest>;

/** GET /api/meetings/:id/minutes?revision=N|working — which copy: a stored version, or the working draft. */
export const minutesRevisionParam = z.union([z.literal('working'), z.coerce.number().int().positive()]).optional();
