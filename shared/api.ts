/** The shapes the HTTP API returns; the client and server both import these. */
import type { ActionStatus, Rag } from './actions.js';
import type { BodyKind, Cadence } from './bodies.js';
import type { MeetingStatus } from './meetings.js';
import type { PriorityOption } from './governance-api.js';
import type { LiveAccess as MeetingAccess } from './permissions.js';
import type { Role } from './roles.js';

export interface Agency {
  id: number;
  name: string;
  shortName: string;
}

export interface CurrentUser {
  id: number;
  email: string;
  name: string;
  agency: Agency;
}

export interface Membership {
  bodyId: number;
  role: Role;
}

/** GET /api/me */
export interface MeResponse {
  user: CurrentUser;
  memberships: Membership[];
}

/** POST /api/session */
export interface SessionResponse extends MeResponse {
  /** For non-browser clients: send as `Authorization: Bearer <token>`. */
  token: string;
  expiresAt: string;
}

export interface BodySummary {
  id: number;
  name: string;
  shortName: string;
  kind: BodyKind;
  /** 1 is the top of the structure. */
  tier: number;
  /** The body this one escalates to; null at the top. */
  parentId: number | null;
  confidential: boolean;
  cadence: Cadence;
  description: string;
  /** The signed-in user's role on this body, or null if not a member. */
  myRole: Role | null;
}

/** GET /api/bodies */
export interface BodiesResponse {
  bodies: BodySummary[];
  /** Escalations awaiting an answer, per body the caller may read (bodies with none are left out). */
  waitingEscalations: { bodyId: number; count: number }[];
}

export interface BodyMember {
  userId: number;
  name: string;
  email: string;
  role: Role;
  agency: Agency;
}

export interface MeetingSummary {
  id: number;
  bodyId: number;
  title: string;
  /** ISO 8601 instant. */
  startsAt: string;
  location: string;
  status: MeetingStatus;
}

/**
 * GET /api/bodies/:id. A confidential body's members and meetings are shown
 * only to its members; everyone else gets the restricted form.
 */
export type BodyDetailResponse =
  | { access: 'full'; body: BodySummary; members: BodyMember[]; meetings: MeetingSummary[] }
  | { access: 'restricted'; body: BodySummary };

/** What the caller may do with a meeting's live document. */
/** What the caller may do with a live document (`shared/permissions.ts`). */
export type { LiveAccess as MeetingAccess } from './permissions.js';

/** GET /api/meetings/:id, and the answer to creating, starting or closing one. */
export interface MeetingResponse {
  meeting: MeetingSummary & { startedAt: string | null; closedAt: string | null };
  body: BodySummary;
  /** The live document's name for the Yjs endpoint; never built by clients. */
  docName: string;
  access: MeetingAccess;
  /** Chair or vice-chair: may start and close the meeting. */
  canRunMeeting: boolean;
}

/** One action as lists and exports show it (from the SQL mirror of the live log). */
export interface ActionSummary {
  id: string;
  reference: string | null;
  bodyId: number;
  bodyName: string;
  title: string;
  description: string;
  owner: { id: number; name: string } | null;
  leadAgency: Agency | null;
  /** YYYY-MM-DD */
  dueDate: string | null;
  status: ActionStatus;
  /** Effective RAG (derived, or the chair's override); null once closed. */
  rag: Rag | null;
  ragOverride: Rag | null;
  ragOverrideReason: string;
  overdue: boolean;
  theme: string;
  resources: string;
  outcomeMeasure: string;
  sourceMeetingId: number | null;
  sourceItemId: string | null;
  latestProgress: { text: string; at: string } | null;
  createdAt: string;
  closedAt: string | null;
  /** The priority routed to the body that this action serves, if linked. */
  priorityId: number | null;
}

/** GET /api/bodies/:id/actions and GET /api/me/actions */
export interface ActionsResponse {
  actions: ActionSummary[];
}

/** POST /api/bodies/:id/actions/:actionId/status: move an action to another status, as the rulebook allows. */
export interface ActionStatusRequest {
  status: ActionStatus;
}

/** GET /api/me/action-counts: for the navigation. */
export interface ActionCountsResponse {
  outstanding: number;
  overdue: number;
}

/** GET /api/bodies/:id/action-log: the body's live action log document. */
export interface ActionLogResponse {
  docName: string;
  access: MeetingAccess;
  /** The body's members, who may own actions. */
  members: BodyMember[];
  agencies: Agency[];
  /** The priorities routed to this body, which its actions may be linked to. */
  priorities: PriorityOption[];
}

/** One change in an action's history. */
export interface ActionHistoryEntry {
  at: string;
  /** Who made the edits the change came from. */
  by: { id: number; name: string }[];
  /** The history's key for what changed (`shared/action-history.ts`). */
  field: string;
  /** What changed, as people read it: "Owner", "Due date". */
  label: string;
  /** The values as people read them: names, en-GB dates, status labels; null when empty. */
  from: string | null;
  to: string | null;
}

/** GET /api/bodies/:id/actions/:actionId/history */
export interface ActionHistoryResponse {
  action: ActionSummary;
  history: ActionHistoryEntry[];
}

/** GET /api/health */
export interface HealthResponse {
  status: 'ok';
  database: 'ok';
  version: string;
}

/** A meeting as the home page lists it, with the body it belongs to. */
export interface HomeMeeting extends MeetingSummary {
  bodyName: string;
}

/** How many overdue actions one owner or one lead agency holds; `name` is null for "nobody named". */
export interface OverdueTally {
  id: number | null;
  name: string | null;
  overdue: number;
}

/** A body the signed-in user runs, and who holds its overdue actions. */
export interface BodyAccountability {
  bodyId: number;
  bodyName: string;
  overdue: number;
  /** Most overdue first. */
  byOwner: OverdueTally[];
  /** Most overdue first. */
  byLeadAgency: OverdueTally[];
}

/** GET /api/me/home: the home page, for the bodies the signed-in user sits on. */
export interface HomeResponse {
  /** Meetings going on now. */
  liveMeetings: HomeMeeting[];
  /** The next scheduled meetings, soonest first (a few). */
  nextMeetings: HomeMeeting[];
  /** My outstanding actions: counts, and the first few (overdue first). */
  myActions: ActionCountsResponse & { first: ActionSummary[] };
  /** For chair, vice-chair and secretariat: the overdue actions of each body they run. Empty for everyone else. */
  accountability: BodyAccountability[];
}

// Escalations, priorities and notifications: `governance-api.ts`.
export type * from './governance-api.js';

/** POST /api/bodies/:id/actions */
export interface ActionCreatedResponse {
  action: ActionSummary;
}
