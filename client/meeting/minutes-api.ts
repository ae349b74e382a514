/** The minutes' API: the council minutes record, and where each export downloads from. */
import type { CouncilMinutes, MinutesVersion } from '../../shared/council-minutes.js';
import { request } from '../shell/api.js';

export type MinutesFormat = 'md' | 'html' | 'docx';

export function getCouncilMinutes(meetingId: number, version: MinutesVersion): Promise<CouncilMinutes> {
  return request<CouncilMinutes>('GET', `/api/meetings/${meetingId}/minutes?version=${version}`);
}

/** A plain link, so the browser saves the file with the session's cookie. */
export function minutesDownloadUrl(meetingId: number, format: MinutesFormat, version: MinutesVersion): string {
  return `/api/meetings/${meetingId}/minutes.${format}?version=${version}`;
}
