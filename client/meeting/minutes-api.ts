/** The minutes' API: the council minutes record, where each export downloads from, and the lifecycle after the meeting. */
import type { CouncilMinutes, MinutesVersion } from '../../shared/council-minutes.js';
import type { MinutesArchiveEntry, MinutesComment, MinutesStatusView } from '../../shared/minutes-api.js';
import type { MinutesCommentRequest, MinutesStepRequest } from '../../shared/minutes-lifecycle.js';
import { request } from '../shell/api.js';

export type MinutesFormat = 'md' | 'html' | 'docx';

/** Which copy: a stored version's number, the working draft, or null for the server's default (the latest version, else the draft). */
export type MinutesRevisionChoice = number | 'working' | null;

const meetingMinutes = (meetingId: number) => `/api/meetings/${encodeURIComponent(meetingId)}/minutes`;

function copyQuery(version: MinutesVersion, revision: MinutesRevisionChoice): string {
  const query = new URLSearchParams({ version });
  if (revision !== null) query.set('revision', String(revision));
  return query.toString();
}

export function getCouncilMinutes(meetingId: number, version: MinutesVersion, revision: MinutesRevisionChoice = null): Promise<CouncilMinutes> {
  return request<CouncilMinutes>('GET', `${meetingMinutes(meetingId)}?${copyQuery(version, revision)}`);
}

/** A plain link, so the browser saves the file with the session's cookie. */
export function minutesDownloadUrl(meetingId: number, format: MinutesFormat, version: MinutesVersion, revision: MinutesRevisionChoice = null): string {
  return `/api/meetings/${encodeURIComponent(meetingId)}/minutes.${format}?${copyQuery(version, revision)}`;
}

export function getMinutesStatus(meetingId: number): Promise<MinutesStatusView> {
  return request('GET', `${meetingMinutes(meetingId)}/status`);
}

/** Moves the minutes on (circulate, confirm, publish, correct…); answers with where they stand now. */
export function takeMinutesStep(meetingId: number, step: MinutesStepRequest): Promise<MinutesStatusView> {
  return request('POST', `${meetingMinutes(meetingId)}/steps`, step);
}

export function getMinutesComments(meetingId: number): Promise<MinutesComment[]> {
  return request('GET', `${meetingMinutes(meetingId)}/comments`);
}

export function addMinutesComment(meetingId: number, comment: MinutesCommentRequest): Promise<MinutesComment> {
  return request('POST', `${meetingMinutes(meetingId)}/comments`, comment);
}

/** A body's minutes, newest meeting first. */
export function getMinutesArchive(bodyId: number): Promise<MinutesArchiveEntry[]> {
  return request('GET', `/api/bodies/${encodeURIComponent(bodyId)}/minutes`);
}
