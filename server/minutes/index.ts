export { readCouncilMinutes, readableMeeting, NOT_PUBLISHED, type MinutesRevisionChoice } from './minutes-service.js';
export { listMinutesArchive } from './minutes-archive.js';
export { councilMinutesHtml } from './minutes-html.js';
import type { CouncilMinutes } from '../../shared/council-minutes.js';

/** The Word export, loaded on first use: the `docx` library is large, and most of a server's life passes without writing one. */
export async function councilMinutesDocx(minutes: CouncilMinutes): Promise<ArrayBuffer> {
  return (await import('./minutes-docx.js')).councilMinutesDocx(minutes);
}
