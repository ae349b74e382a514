/** The shapes the escalation, priority and notification routes return (re-exported by `api.ts`). */
import type { ActionStatus } from './actions.js';
import type { ActionSummary } from './api.js';
import type { EscalationStatus } from './escalation.js';
import type { NotificationView } from './notifications.js';

// ── Escalations ───────────────────────────────────────────────────────────

export interface BodyRef {
  id: number;
  name: string;
}

export interface PersonRef {
  id: number;
  name: string;
}

/** An action named across bodies: enough to link to it. */
export interface ActionRef {
  bodyId: number;
  id: string;
  reference: string | null;
  title: string;
  status: ActionStatus;
}

/** One hop of an escalation: from one body to the body it escalates to. */
export interface EscalationSummary {
  id: number;
  status: EscalationStatus;
  /** The body whose action started the chain (its name travels; its action's details do not). */
  originBody: BodyRef;
  fromBody: BodyRef;
  toBody: BodyRef;
  /** Written by the sending chair for the receiving tier. */
  summary: string;
  reason: string;
  raisedBy: PersonRef;
  raisedAt: string;
  /** The receiving chair's answer: a note, guidance, an outcome, or why it went further. */
  answer: { status: Exclude<EscalationStatus, 'open'>; text: string; by: PersonRef; at: string } | null;
  /** The action that started the chain: only for those who may read the origin body. */
  originAction: ActionRef | null;
  /** The action the receiving body adopted it as, when accepted: only for those who may read that body. */
  adoptedAction: ActionRef | null;
  /** The hop this one continues, and the hop that continues it. */
  previousId: number | null;
  nextId: number | null;
}

/** POST /api/actions/:id/escalations, and the answers: the hop concerned. */
export interface EscalationCreatedResponse {
  escalation: EscalationSummary;
}

/** GET /api/escalations/:id: the hop, and the chain as far as the caller may see it, oldest first. */
export interface EscalationResponse {
  escalation: EscalationSummary;
  trail: EscalationSummary[];
  /** The caller chairs the receiving body and it awaits an answer. */
  canAnswer: boolean;
  /** Where "escalate further" would send it; null at the top of the structure. */
  escalateTo: BodyRef | null;
}

/** GET /api/bodies/:id/escalations */
export interface BodyEscalationsResponse {
  received: EscalationSummary[];
  sent: EscalationSummary[];
}

/** POST /api/escalations/:id/accept */
export interface EscalationAcceptedResponse {
  escalation: EscalationSummary;
  action: ActionSummary;
}

/** GET /api/bodies/:id/actions/:actionId/escalations: the chains this action started or was adopted from. */
export interface ActionEscalationsResponse {
  trails: EscalationSummary[][];
  /** Where "Escalate" would send it; null when the body has nowhere to escalate to. */
  escalateTo: BodyRef | null;
  canEscalate: boolean;
}

// ── Priorities ────────────────────────────────────────────────────────────

export interface PrioritySummary {
  id: number;
  /** The body that published it. */
  body: BodyRef;
  title: string;
  description: string;
  theme: string;
  period: string;
  publishedBy: PersonRef;
  publishedAt: string;
  targets: BodyRef[];
}

/** A priority as one receiving body holds it. */
export interface ReceivedPriority extends PrioritySummary {
  receivingBody: BodyRef;
  acknowledgedAt: string | null;
  acknowledgedBy: PersonRef | null;
}

export interface PriorityCounts {
  done: number;
  outstanding: number;
  overdue: number;
}

/** One receiving body's part in the golden thread. */
export interface PriorityBodyState {
  body: BodyRef;
  acknowledgedAt: string | null;
  acknowledgedBy: PersonRef | null;
  /** Linked actions, for those who may read the body; empty with `actionsHidden` otherwise. */
  actions: ActionSummary[];
  actionsHidden: boolean;
  counts: PriorityCounts;
}

/** GET /api/priorities/:id */
export interface PriorityResponse {
  priority: PrioritySummary & { bodies: PriorityBodyState[] };
  /** Receiving bodies the caller may acknowledge it for. */
  canAcknowledgeFor: number[];
}

/** POST /api/bodies/:id/priorities */
export interface PriorityCreatedResponse {
  priority: PrioritySummary;
}

/** GET /api/bodies/:id/priorities */
export interface BodyPrioritiesResponse {
  received: ReceivedPriority[];
  sent: PrioritySummary[];
  /** The caller may publish from this body; `below` is where it may route them. */
  canPublish: boolean;
  below: BodyRef[];
}

/** What an action's priority field may be set to in a body's log: the priorities routed to it. */
export interface PriorityOption {
  id: number;
  title: string;
  fromBody: BodyRef;
}

// ── Notifications ─────────────────────────────────────────────────────────

/** GET /api/me/notifications */
export interface NotificationsResponse {
  notifications: NotificationView[];
  unread: number;
}
