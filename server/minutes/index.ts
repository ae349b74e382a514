export { readCouncilMinutes, readableMeeting, NOT_PUBLISHED, type MinutesRevisionChoice } from './minutes-service.js';
export { listMinutesArchive } from './minutes-archive.js';
export { councilMinutesHtml } from './minutes-html.js';
export { councilMinutesDocx } from './minutes-docx.js';
