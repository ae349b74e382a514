/**
 * Priorities routed down the structure: a body's received and sent
 * priorities with the form to publish one, acknowledging them, and one
 * priority's golden thread down to the actions that serve it.
 */
import './body-priorities-page.js';
import './priority-page.js';

export { getBodyPriorities, getPriority } from './priority-api.js';
