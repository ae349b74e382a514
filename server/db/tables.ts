/** Row types: each table declared once. These never leave server/. */
import type { Generated, Insertable, Selectable } from 'kysely';

export interface AgencyTable {
  id: Generated<number>;
  name: string;
  short_name: string;
}

export interface BodyTable {
  id: Generated<number>;
  name: string;
  short_name: string;
  kind: string;
  tier: number;
  parent_id: number | null;
  confidential: number;
  cadence: string;
  description: Generated<string>;
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
  role: string;
}

export interface MeetingTable {
  id: Generated<number>;
  body_id: number;
  title: string;
  starts_at: string;
  location: Generated<string>;
  status: Generated<string>;
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
  id: Generated<number>;
  doc_name: string;
  update: Uint8Array;
  user_id: number | null;
  created_at: string;
}

export interface DocSnapshotTable {
  doc_name: string;
  state: Uint8Array;
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
  status: string;
}

export interface DeclarationTable {
  meeting_id: number;
  declaration_id: string;
  user_id: number;
  item_id: string | null;
  interest: string;
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
