export { createEscalationAnswers, type EscalationAnswers } from './escalation-answers.js';
export { placeWaitingEscalations } from './escalation-agenda.js';
export { countWaitingEscalations } from './escalation-counts.js';
export { createEscalationService, type EscalationService } from './escalation-service.js';
