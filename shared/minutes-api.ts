/** What the minutes lifecycle routes answer with; one definition for server and client. */
import type { ActionStatus } from './actions.js';
import type { MinutesStage, MinutesStep } from './minutes-lifecycle.js';

/** A stored version of confirmed minutes. Its content never changes; `hash` proves it. */
export interface MinutesRevision {
  number: number;
  /** SHA-256 (hex) of the stored content of the copy served (full or public). */
  hash: string;
  /** Why this correction was made; null for the version first confirmed. */
  reason: string | null;
  createdAt: string;
  createdBy: string;
  publishedAt: string | null;
}

/** How the minutes were confirmed, as the signed record states it (part of the stored content). */
export interface MinutesConfirmation {
  /** "Tuesday 15 December 2026": the meeting that confirmed them. */
  atMeeting: string;
  atMeetingId: number;
  movedBy: string;
  secondedBy: string | null;
  /** The chair or vice-chair who signed, "Jo Bloggs (Chair)". */
  signedBy: string;
  /** ISO instant. */
  confirmedAt: string;
}

/** An action the minutes list, as it stands today (read at the time of asking, never stored in a version). */
export interface ActionLiveState {
  actionId: string;
  status: ActionStatus;
  overdue: boolean;
  /** Where it went when escalated: `/escalations/12`. */
  escalationLink: string | null;
}

export interface MinutesComment {
  id: number;
  authorName: string;
  agency: string;
  /** The agenda item it is about, or null for the minutes as a whole. */
  itemId: string | null;
  itemTitle: string | null;
  text: string;
  createdAt: string;
}

/** GET /api/meetings/:id/minutes/status: where the minutes stand and what the caller may do next. */
export interface MinutesStatusView {
  meetingId: number;
  bodyId: number;
  stage: MinutesStage;
  circulatedAt: string | null;
  confirmation: MinutesConfirmation | null;
  publishedAt: string | null;
  /** Every stored version, oldest first; every one stays readable. */
  revisions: MinutesRevision[];
  commentCount: number;
  /** The steps the caller may take now. */
  steps: MinutesStep[];
  mayComment: boolean;
  /** Members who may move or second confirmation (for the approve form), chair first. */
  movers: { userId: number; name: string }[];
  /** The later meeting of the body that is live now, where the minutes may be confirmed; null when none is. */
  confirmingMeeting: { id: number; title: string } | null;
}

/** GET /api/bodies/:id/minutes: one line of a body's minutes archive. */
export interface MinutesArchiveEntry {
  meetingId: number;
  title: string;
  startsAt: string;
  stage: MinutesStage;
  /** The latest stored version's number, or null before confirmation. */
  latestRevision: number | null;
  publishedAt: string | null;
  /** Minuted items (public ones only, for a reader who is not a member). */
  itemCount: number;
  actionCount: number;
}
