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

export interface Database {
  agencies: AgencyTable;
  bodies: BodyTable;
  users: UserTable;
  memberships: MembershipTable;
  meetings: MeetingTable;
  sessions: SessionTable;
  audit_events: AuditEventTable;
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
