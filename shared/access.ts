import type { BodySummary, MeetingAccess } from './api.js';
import type { MeetingStatus } from './meetings.js';
import { canEditLiveDocuments, canManageMeetings, type Role } from './roles.js';

/**
 * Who may see a body's members, meetings and documents. Confidential bodies
 * discuss named individuals, so only their members may; every other body's
 * business is open to everyone signed in to the partnership.
 */
export function canSeeBodyDetails(body: Pick<BodySummary, 'confidential' | 'myRole'>): boolean {
  return !body.confidential || body.myRole !== null;
}

/**
 * What a member may do with a meeting's live document. Only members open it
 * at all, since Part II items sit in the same document. Chair, vice-chair and
 * secretariat prepare the agenda before the meeting; everyone but observers
 * edits while it is live; nobody edits once it is closed.
 */
export function meetingAccess(role: Role | null, status: MeetingStatus): MeetingAccess {
  if (role === null) return 'none';
  if (status === 'live') return canEditLiveDocuments(role) ? 'edit' : 'read';
  if (status === 'scheduled') return canManageMeetings(role) ? 'edit' : 'read';
  return 'read';
}
