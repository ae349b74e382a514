/**
 * The rulebook: who may do what, in the users' words. Every path calls these —
 * REST services, the live documents' validation (field by field, with the
 * sender's identity), exports and the client's enabled states — so a rule
 * cannot hold on one path and not another.
 *
 * `role` is the person's role on the body concerned, or null when they are not
 * a member (a former member is simply not a member any more).
 */
import { isClosedStatus, type ActionStatus } from './actions.js';
import type { MeetingStatus } from './meetings.js';
import type { Role } from './roles.js';

export type Standing = Role | null;

/** What someone may do with a live document: change it, only read it, or not open it at all. */
export type LiveAccess = 'edit' | 'read' | 'none';

/** Chair, vice-chair and secretariat run the body's business. */
export function runsBody(role: Standing): boolean {
  return role === 'chair' || role === 'vice-chair' || role === 'secretariat';
}

/** The chair, or the vice-chair deputising. */
export function chairs(role: Standing): boolean {
  return role === 'chair' || role === 'vice-chair';
}

/** Everyone on the body but an observer takes part in its live documents. */
export function takesPart(role: Standing): boolean {
  return role !== null && role !== 'observer';
}

// ── Bodies ────────────────────────────────────────────────────────────────

/**
 * Who may see a body's members, meetings, actions and exports. Confidential
 * bodies discuss named individuals, so only their members may; every other
 * body's business is open to everyone signed in to the partnership.
 */
export function mayReadBody(body: { confidential: boolean; myRole: Standing }): boolean {
  return !body.confidential || body.myRole !== null;
}

// ── Meetings ──────────────────────────────────────────────────────────────

export const mayScheduleMeeting = runsBody;

/** Starting and closing a meeting. */
export const mayStartOrCloseMeeting = chairs;

/**
 * A meeting's live document. Only members open it at all, since Part II items
 * travel in the same document. Chair, vice-chair and secretariat prepare it
 * while it is scheduled; everyone but observers edits it while it is live;
 * nobody edits it once it is closed.
 */
export function meetingAccess(role: Standing, status: MeetingStatus): LiveAccess {
  if (role === null) return 'none';
  if (status === 'live') return takesPart(role) ? 'edit' : 'read';
  if (status === 'scheduled') return runsBody(role) ? 'edit' : 'read';
  return 'read';
}

const editsMeeting = (role: Standing, status: MeetingStatus) => meetingAccess(role, status) === 'edit';

/** Adding, renaming, moving and removing agenda items, presenters, timings and Part II marking. */
export const mayEditAgenda = (role: Standing, status: MeetingStatus) => editsMeeting(role, status) && runsBody(role);

/** Typing the minutes of an item. */
export const mayEditMinutes = editsMeeting;

/** Recording and rewording "RESOLVED that …" decisions. */
export const mayRecordDecisions = (role: Standing, status: MeetingStatus) => editsMeeting(role, status) && runsBody(role);

/** Setting the current item and its timer. */
export const maySetCurrentItem = (role: Standing, status: MeetingStatus) => editsMeeting(role, status) && runsBody(role);

/** Whose attendance or declarations someone records: their own, or anyone's if they run the body (as the clerk does). */
export interface RecordingFor {
  role: Standing;
  userId: number;
  /** The person the entry is about. */
  subjectId: number;
}

export const mayRecordAttendance = ({ role, userId, subjectId }: RecordingFor, status: MeetingStatus) =>
  editsMeeting(role, status) && (subjectId === userId || runsBody(role));

export const mayDeclareFor = ({ role, userId, subjectId }: RecordingFor, status: MeetingStatus) =>
  editsMeeting(role, status) && (subjectId === userId || runsBody(role));

// ── Action logs ───────────────────────────────────────────────────────────

/** A body's action log: members open it; observers only read it. */
export function actionLogAccess(role: Standing): LiveAccess {
  if (role === null) return 'none';
  return takesPart(role) ? 'edit' : 'read';
}

export const mayRaiseAction = takesPart;

/** Someone acting on one action, and whether it is theirs. */
export interface ActionActor {
  role: Standing;
  /** They own the action (as it stood before the change). */
  isOwner: boolean;
}

/**
 * The title, description, lead agency, due date, theme, resources and outcome
 * measure: anyone taking part, while the action is outstanding. A closed action
 * is a record; it is reopened before it is changed.
 */
export const mayEditActionDetails = (role: Standing, status: ActionStatus) => takesPart(role) && !isClosedStatus(status);

/** Giving an outstanding action to someone else: those running the body, or its owner handing it on. */
export const mayReassignAction = ({ role, isOwner }: ActionActor, status: ActionStatus) =>
  takesPart(role) && !isClosedStatus(status) && (runsBody(role) || isOwner);

/** A progress update on an outstanding action: its owner, or those running the body. */
export const mayAddProgress = ({ role, isOwner }: ActionActor, status: ActionStatus) =>
  takesPart(role) && !isClosedStatus(status) && (runsBody(role) || isOwner);

/** Overriding the RAG rating, with a reason. */
export const mayOverrideRag = chairs;

/** Removing an action from the log altogether. */
export const mayRemoveAction = runsBody;

/** Escalating an action to the body's escalation target. */
export const mayEscalate = chairs;

/**
 * Moving an action between statuses. Anyone taking part moves it between open
 * and in progress; the owner or those running the body mark it done; only
 * those running the body drop it or reopen a closed one; only the chair or
 * vice-chair escalate it or take it back from escalation.
 */
export function mayChangeStatus(from: ActionStatus, to: ActionStatus, { role, isOwner }: ActionActor): boolean {
  if (!takesPart(role)) return false;
  if (from === to) return true;
  if (to === 'escalated' || from === 'escalated') return mayEscalate(role);
  if (to === 'dropped' || isClosedStatus(from)) return runsBody(role);
  if (to === 'done') return runsBody(role) || isOwner;
  return true;
}
