/** Row types: each table declared once. These never leave server/. */
import type { Generated, Insertable, Selectable } from 'kysely';
import type { ActionStatus, Rag } from '../../shared/actions.js';
import type { BodyKind, Cadence } from '../../shared/bodies.js';
import type { AttendanceStatus } from '../../shared/meeting-doc.js';
import type { MeetingStatus } from '../../shared/meetings.js';
import type { MinutesStage } from '../../shared/minutes-lifecycle.js';
import type { EscalationStatus } from '../../shared/escalation.js';
import type { NotificationKind } from '../../shared/notifications.js';
import type { Role } from '../../shared/roles.js';

export interface AgencyTable {
  id: Generated<number>;
  name: string;
  short_name: string;
}

export interface BodyTable {
  id: Generated<number>;
  name: string;
  short_name: string;
  kind: BodyKind;
  tier: number;
  parent_id: number | null;
  confidential: number;
  cadence: Cadence;
  description: Generated<string>;
  reference_prefix: Generated<string>;
}

export interface UserTable {
  id: Generated<number>;
  email: string;
  name: string;
  agency_id: number;
  password_hash: string;
  created_at: string;
}

export interface MembershipTable {
  body_id: number;
  user_id: number;
  role: Role;
}

export interface MeetingTable {
  id: Generated<number>;
  body_id: number;
  title: string;
  starts_at: string;
  location: Generated<string>;
  status: Generated<MeetingStatus>;
  created_at: string;
  started_at: string | null;
  closed_at: string | null;
}

export interface SessionTable {
  token_hash: string;
  user_id: number;
  created_at: string;
  expires_at: string;
}

export interface AuditEventTable {
  id: Generated<number>;
  at: string;
  actor_user_id: number | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  details: Generated<string>;
}

export interface DocUpdateTable {
  /** Numbered per document, on from its snapshot's `last_update_id`. */
  id: number;
  doc_name: string;
  update: Uint8Array;
  user_id: number | null;
  created_at: string;
}

export interface DocSnapshotTable {
  doc_name: string;
  state: Uint8Array;
  /** The document's state vector, when the snapshot was stored with it. */
  state_vector: Uint8Array | null;
  last_update_id: number;
  created_at: string;
}

export interface BodyStandingItemTable {
  body_id: number;
  position: number;
  title: string;
  minutes_allotted: Generated<number>;
}

export interface AgendaItemTable {
  meeting_id: number;
  item_id: string;
  position: number;
  title: string;
  presenter: string;
  minutes_allotted: number;
  part_two: number;
  exemption_paragraph: number | null;
  minutes: string;
}

export interface DecisionTable {
  meeting_id: number;
  item_id: string;
  decision_id: string;
  position: number;
  text: string;
}

export interface AttendanceTable {
  meeting_id: number;
  user_id: number;
  status: AttendanceStatus;
}

export interface DeclarationTable {
  meeting_id: number;
  declaration_id: string;
  user_id: number;
  item_id: string | null;
  interest: string;
}

export interface ActionTable {
  action_id: string;
  body_id: number;
  reference: string | null;
  title: string;
  description: string;
  owner_id: number | null;
  lead_agency_id: number | null;
  due_date: string | null;
  status: ActionStatus;
  rag_override: Rag | null;
  rag_override_reason: string;
  theme: string;
  resources: string;
  outcome_measure: string;
  source_meeting_id: number | null;
  source_item_id: string | null;
  created_at: string;
  closed_at: string | null;
  latest_progress: string | null;
  latest_progress_at: string | null;
  progress_count: Generated<number>;
  priority_id: number | null;
}

export interface ActionEventTable {
  id: Generated<number>;
  action_id: string;
  body_id: number;
  at: string;
  /** JSON array of the users whose edits the change came from. */
  user_ids: string;
  field: string;
  old_value: string | null;
  new_value: string | null;
}

export interface EscalationTable {
  id: Generated<number>;
  /** The hop this one continues (escalated further from); null for the first. */
  previous_id: number | null;
  origin_body_id: number;
  origin_action_id: string;
  from_body_id: number;
  to_body_id: number;
  summary: string;
  reason: string;
  status: Generated<EscalationStatus>;
  raised_by: number;
  raised_at: string;
  answered_by: number | null;
  answered_at: string | null;
  answer: string | null;
  /** The action the receiving body adopted it as, in its own log. */
  adopted_action_id: string | null;
  /** The meeting whose agenda it was written onto; null while waiting for one. */
  agenda_meeting_id: number | null;
}

export interface PriorityTable {
  id: Generated<number>;
  body_id: number;
  title: string;
  description: string;
  theme: string;
  period: Generated<string>;
  published_by: number;
  published_at: string;
}

export interface PriorityTargetTable {
  priority_id: number;
  body_id: number;
  acknowledged_by: number | null;
  acknowledged_at: string | null;
  agenda_meeting_id: number | null;
}

export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  kind: NotificationKind;
  body_id: number;
  title: string;
  detail: string;
  link: string;
  created_at: string;
  read_at: string | null;
}

export interface Database {
  agencies: AgencyTable;
  bodies: BodyTable;
  users: UserTable;
  memberships: MembershipTable;
  meetings: MeetingTable;
  sessions: SessionTable;
  audit_events: AuditEventTable;
  doc_updates: DocUpdateTable;
  doc_snapshots: DocSnapshotTable;
  body_standing_items: BodyStandingItemTable;
  agenda_items: AgendaItemTable;
  decisions: DecisionTable;
  attendance: AttendanceTable;
  declarations: DeclarationTable;
  actions: ActionTable;
  action_events: ActionEventTable;
  escalations: EscalationTable;
  priorities: PriorityTable;
  priority_targets: PriorityTargetTable;
  notifications: NotificationTable;
  minutes_records: MinutesRecordTable;
  minutes_versions: MinutesVersionTable;
  minutes_comments: MinutesCommentTable;
}

export interface MinutesRecordTable {
  meeting_id: number;
  stage: MinutesStage;
  circulated_at: string | null;
  circulated_by: number | null;
  confirmed_at: string | null;
  confirmed_by: number | null;
  confirmed_at_meeting_id: number | null;
  moved_by: number | null;
  seconded_by: number | null;
  published_at: string | null;
  published_by: number | null;
  updated_at: string;
}

export interface MinutesVersionTable {
  id: Generated<number>;
  meeting_id: number;
  number: number;
  full_json: string;
  full_hash: string;
  public_json: string | null;
  public_hash: string | null;
  reason: string | null;
  created_by: number;
  created_at: string;
  published_at: string | null;
}

export interface MinutesCommentTable {
  id: Generated<number>;
  meeting_id: number;
  user_id: number;
  item_id: string | null;
  text: string;
  created_at: string;
}

export type AgencyRow = Selectable<AgencyTable>;
export type BodyRow = Selectable<BodyTable>;
export type NewBody = Insertable<BodyTable>;
export type UserRow = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type MeetingRow = Selectable<MeetingTable>;
export type NewMeeting = Insertable<MeetingTable>;
export type SessionRow = Selectable<SessionTable>;
export type AuditEventRow = Selectable<AuditEventTable>;
export type EscalationRow = Selectable<EscalationTable>;
export type PriorityRow = Selectable<PriorityTable>;
export type NotificationRow = Selectable<NotificationTable>;
