export { readCouncilMinutes } from './minutes-service.js';
export { councilMinutesHtml } from './minutes-html.js';
export { councilMinutesDocx } from './minutes-docx.js';
