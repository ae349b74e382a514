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
import type { MinutesVersion } from './council-minutes.js';
import type { MeetingPhase } from './minutes-lifecycle.js';
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
 * once it has closed, chair, vice-chair and secretariat finish (or correct)
 * the minutes in it, and nobody edits it while they are circulated or after
 * they are confirmed.
 */
export function meetingAccess(role: Standing, status: MeetingPhase): LiveAccess {
  if (role === null) return 'none';
  if (status === 'live') return takesPart(role) ? 'edit' : 'read';
  if (status === 'scheduled' || status === 'minuting') return runsBody(role) ? 'edit' : 'read';
  return 'read';
}

const editsMeeting = (role: Standing, status: MeetingPhase) => meetingAccess(role, status) === 'edit';

/** Adding, renaming, moving and removing agenda items, presenters, timings and Part II marking. */
export const mayEditAgenda = (role: Standing, status: MeetingPhase) => editsMeeting(role, status) && runsBody(role);

/** Typing the minutes of an item. */
export const mayEditMinutes = editsMeeting;

/** Recording and rewording "RESOLVED that …" decisions. */
export const mayRecordDecisions = (role: Standing, status: MeetingPhase) => editsMeeting(role, status) && runsBody(role);

/** Setting the current item and its timer. */
export const maySetCurrentItem = (role: Standing, status: MeetingPhase) => editsMeeting(role, status) && runsBody(role);

/** Whose attendance or declarations someone records: their own, or anyone's if they run the body (as the clerk does). */
export interface RecordingFor {
  role: Standing;
  userId: number;
  /** The person the entry is about. */
  subjectId: number;
}

export const mayRecordAttendance = ({ role, userId, subjectId }: RecordingFor, status: MeetingPhase) =>
  editsMeeting(role, status) && (subjectId === userId || runsBody(role));

export const mayDeclareFor = ({ role, userId, subjectId }: RecordingFor, status: MeetingPhase) =>
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

/** Escalating an action to the body's escalation target, and taking it back from escalation. */
export const mayEscalate = chairs;

// ── Escalations and priorities ────────────────────────────────────────────

/**
 * Sending one action up: the chair or vice-chair, while it is outstanding and
 * not already escalated, from a body that has somewhere to escalate to.
 */
export const mayEscalateAction = (role: Standing, status: ActionStatus, hasTarget: boolean) =>
  mayEscalate(role) && hasTarget && !isClosedStatus(status) && status !== 'escalated';

/** Accepting, returning, resolving or escalating further: the receiving body's chair or vice-chair, while it awaits an answer. */
export const mayAnswerEscalation = (roleOnReceivingBody: Standing, hopStatus: string) =>
  chairs(roleOnReceivingBody) && hopStatus === 'open';

/** A body someone may or may not read, as `mayReadBody` takes it. */
export type ReadableBody = { confidential: boolean; myRole: Standing };

/**
 * An escalation is seen by those who may read one of the bodies it passed
 * through; which hops they see is `firstVisibleHop` (shared/escalation.ts).
 * The origin action's own title, description, owner and progress go only to
 * those who may read the origin body.
 */
export const mayReadOriginAction = (origin: ReadableBody) => mayReadBody(origin);

/** Publishing a priority: the chair or vice-chair of a body with bodies below it. */
export const mayPublishPriority = (role: Standing, hasBodiesBelow: boolean) => chairs(role) && hasBodiesBelow;

/** Acknowledging a priority routed to a body: its chair or vice-chair, once. */
export const mayAcknowledgePriority = (roleOnReceivingBody: Standing, acknowledged: boolean) =>
  chairs(roleOnReceivingBody) && !acknowledged;

/** A priority is read by those who may read the body that sent it or any body it was routed to. */
export const mayReadPriority = (sender: ReadableBody, targets: readonly ReadableBody[]) =>
  mayReadBody(sender) || targets.some(mayReadBody);

/**
 * The golden thread lists a receiving body's linked actions only to those who
 * may read that body; everyone else who may read the priority sees its counts.
 */
export const mayListPriorityActions = (target: ReadableBody) => mayReadBody(target);

/** Linking an action to a priority its body received is editing the action's details. */
export const mayLinkActionToPriority = mayEditActionDetails;

// ── Notifications and live lists ──────────────────────────────────────────

/** A stored notification: only its recipient, and only while they may still read the body it tells of. */
export const mayReadNotification = (recipientId: number, userId: number, body: ReadableBody) =>
  recipientId === userId && mayReadBody(body);

/** Being told live that a body's lists changed: whoever may read the body. */
export const mayWatchBody = (body: ReadableBody) => mayReadBody(body);

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

// ── Search ────────────────────────────────────────────────────────────────

/**
 * Finding a meeting's record (its items' minutes and its decisions) in search.
 * Members find the working record, Part II included; other partners find
 * only an open body's published public minutes (`published` says the entry
 * is from a published version).
 */
export function maySearchMeetingRecord(body: ReadableBody, partTwo: boolean, published: boolean): boolean {
  if (!mayReadBody(body)) return false;
  if (body.myRole !== null) return true;
  return published && !partTwo && !body.confidential;
}

// ── Minutes after the meeting ─────────────────────────────────────────────

/**
 * Which copy of a meeting's minutes someone may read. Members read every copy:
 * the working draft, the full version and every stored version. Every other
 * partner reads only the published public version of an open body's minutes;
 * a confidential body's minutes never leave its members.
 */
export function mayReadMinutes(body: ReadableBody, version: MinutesVersion, published: boolean): boolean {
  if (!mayReadBody(body)) return false;
  if (body.myRole !== null) return true;
  return version === 'public' && published && !body.confidential;
}

/** Circulating a draft, withdrawing it to amend, publishing confirmed minutes, and starting and issuing corrections. */
export const mayManageMinutes = runsBody;

/** Confirming minutes as a correct record and signing them: the chair, or the vice-chair in the chair. */
export const mayConfirmMinutes = chairs;

/** Commenting on circulated minutes, and moving or seconding their confirmation: members who take part. */
export const mayCommentOnMinutes = takesPart;
export const mayMoveMinutes = takesPart;
